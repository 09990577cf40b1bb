import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { SessionData, Store } from 'express-session';
import { LessThan, Repository } from 'typeorm';
import { SessionEntity } from './session.entity';

const PRUNE_INTERVAL_MS = 60 * 60 * 1000;
export const SESSION_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

type Callback<T = void> = (error: unknown, value?: T) => void;

/** Keeps sessions in the application database so that they survive a restart. */
@Injectable()
export class DatabaseSessionStore extends Store implements OnModuleDestroy {
  private readonly pruneTimer: NodeJS.Timeout;

  constructor(@InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>) {
    super();
    this.pruneTimer = setInterval(() => void this.pruneExpired().catch(() => undefined), PRUNE_INTERVAL_MS);
    this.pruneTimer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.pruneTimer);
  }

  override get(sid: string, callback: Callback<SessionData | null>): void {
    this.sessions
      .findOneBy({ id: sid })
      .then((row) => {
        if (!row) return callback(null, null);
        if (row.expiresAt <= Date.now()) return this.destroy(sid, () => callback(null, null));
        callback(null, JSON.parse(row.data) as SessionData);
      })
      .catch(callback);
  }

  override set(sid: string, session: SessionData, callback?: Callback): void {
    this.sessions
      .upsert({ id: sid, expiresAt: expiryOf(session), data: JSON.stringify(session) }, ['id'])
      .then(() => callback?.(null))
      .catch((error) => callback?.(error));
  }

  override touch(sid: string, session: SessionData, callback?: Callback): void {
    this.sessions
      .update({ id: sid }, { expiresAt: expiryOf(session) })
      .then(() => callback?.(null))
      .catch((error) => callback?.(error));
  }

  override destroy(sid: string, callback?: Callback): void {
    this.sessions
      .delete({ id: sid })
      .then(() => callback?.(null))
      .catch((error) => callback?.(error));
  }

  async pruneExpired(): Promise<number> {
    const result = await this.sessions.delete({ expiresAt: LessThan(Date.now()) });
    return result.affected ?? 0;
  }
}

function expiryOf(session: SessionData): number {
  const expires = session.cookie?.expires;
  return expires ? new Date(expires).getTime() : Date.now() + SESSION_MAX_AGE_MS;
}
