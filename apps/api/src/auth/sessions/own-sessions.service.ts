import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError } from '../../platform/errors/domain-error';
import { DatabaseSessionStore, SESSION_MAX_AGE_MS } from '../session-store';
import { OwnSessionDto, RevokedSessionsDto } from './dto/own-session.dto';

/** The signed-in user's own sessions: listed, and ended one by one or all but the current one. */
@Injectable()
export class OwnSessionsService {
  constructor(private readonly store: DatabaseSessionStore) {}

  async list(userId: number, currentSid: string): Promise<OwnSessionDto[]> {
    return (await this.store.ofUser(userId)).map(({ sid, session, expiresAt }) => ({
      id: publicIdOf(sid),
      current: sid === currentSid,
      user_agent: session.signedIn?.userAgent ?? '',
      address: session.signedIn?.address ?? '',
      signed_in_at: session.signedIn?.at ?? null,
      // The rolling expiry is renewed at most once a minute (SESSION_RENEW_INTERVAL_MS).
      last_seen_at: new Date(expiresAt - SESSION_MAX_AGE_MS).toISOString(),
    }));
  }

  /** Ends one of the user's sessions; ending the current one is logging out. */
  async revoke(userId: number, id: string): Promise<void> {
    const found = (await this.store.ofUser(userId)).find(({ sid }) => publicIdOf(sid) === id);
    if (!found) throw DomainError.notFound('No such session of yours');
    await new Promise<void>((resolve, reject) => this.store.destroy(found.sid, (error) => (error ? reject(error) : resolve())));
  }

  async revokeOthers(userId: number, currentSid: string): Promise<RevokedSessionsDto> {
    const others = (await this.store.ofUser(userId)).filter(({ sid }) => sid !== currentSid).length;
    await this.store.destroyAllOf(userId, currentSid);
    return { revoked: others };
  }
}

/** The session id is its cookie's secret: the API names a session by a digest of it instead. */
function publicIdOf(sid: string): string {
  return createHash('sha256').update(sid).digest('hex').slice(0, 16);
}
