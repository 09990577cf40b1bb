import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { SessionData, Store } from 'express-session';
import { LessThan, MoreThan, Not, Repository } from 'typeorm';
import { SessionEntity } from './session.entity';

const PRUNE_INTERVAL_MS = 60 * 60 * 1000;
export const SESSION_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;
/** A session's stored expiry is renewed when it is at least this much behind its rolling cookie. */
export const SESSION_RENEW_INTERVAL_MS = 60 * 1000;

type Callback<T = void> = (error: unknown, value?: T) => void;

/** What the row of a session holds, as last read or written. */
interface StoredSession {
  expiresAt: number;
  /** The row's data column: the session as express-session gave it, cookie included. */
  data: string;
  /** The session's data without its cookie, whose expiry changes on every request. */
  content: string;
}

/**
 * Keeps sessions in the application database so that they survive a restart.
 *
 * express-session (rolling) hands every request's session back to the store. A row is written only when the
 * session's data changed, or when its stored expiry is a minute or more behind: reading pages writes nothing
 * but that renewal, at most once a minute. The session can then end up to a minute before its cookie does.
 *
 * Only this process writes the table (the data directory's lock keeps a second server out), so a row once read or
 * written is kept in memory and later requests read it from there: the database is read once per session and start.
 */
@Injectable()
export class DatabaseSessionStore extends Store implements OnModuleDestroy {
  private readonly pruneTimer: NodeJS.Timeout;
  private readonly stored = new Map<string, StoredSession>();

  constructor(@InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>) {
    super();
    this.pruneTimer = setInterval(() => void this.pruneExpired().catch(() => undefined), PRUNE_INTERVAL_MS);
    this.pruneTimer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.pruneTimer);
  }

  override get(sid: string, callback: Callback<SessionData | null>): void {
    const known = this.stored.get(sid);
    if (known) return this.answer(sid, known, callback);
    this.sessions
      .findOneBy({ id: sid })
      .then((row) => {
        if (!row) return callback(null, null);
        const stored = { expiresAt: row.expiresAt, data: row.data, content: contentOf(JSON.parse(row.data) as SessionData) };
        this.stored.set(sid, stored);
        this.answer(sid, stored, callback);
      })
      .catch(callback);
  }

  override set(sid: string, session: SessionData, callback?: Callback): void {
    const data = JSON.stringify(session);
    const next = { expiresAt: expiryOf(session), data, content: contentOf(session) };
    if (this.isCurrent(sid, next)) return callback?.(null);
    this.sessions
      .upsert({ id: sid, expiresAt: next.expiresAt, data, userId: session.userId ?? null }, ['id'])
      .then(() => {
        this.stored.set(sid, next);
        callback?.(null);
      })
      .catch((error) => callback?.(error));
  }

  override touch(sid: string, session: SessionData, callback?: Callback): void {
    const known = this.stored.get(sid);
    const expiresAt = expiryOf(session);
    if (known && this.isCurrent(sid, { ...known, expiresAt })) return callback?.(null);
    this.sessions
      .update({ id: sid }, { expiresAt })
      .then(() => {
        if (known) this.stored.set(sid, { ...known, expiresAt });
        callback?.(null);
      })
      .catch((error) => callback?.(error));
  }

  override destroy(sid: string, callback?: Callback): void {
    this.stored.delete(sid);
    this.sessions
      .delete({ id: sid })
      .then(() => callback?.(null))
      .catch((error) => callback?.(error));
  }

  /** The user's sessions that have not expired, as stored. */
  async ofUser(userId: number): Promise<Array<{ sid: string; session: SessionData; expiresAt: number }>> {
    const rows = await this.sessions.find({ where: { userId, expiresAt: MoreThan(Date.now()) }, order: { expiresAt: 'DESC' } });
    return rows.map((row) => ({ sid: row.id, session: JSON.parse(row.data) as SessionData, expiresAt: row.expiresAt }));
  }

  /** Ends every session of the user but `keep` (the caller's own, when it stays signed in). */
  async destroyAllOf(userId: number, keep?: string): Promise<void> {
    for (const [sid, known] of this.stored) {
      if (sid !== keep && (JSON.parse(known.content) as Partial<SessionData>).userId === userId) this.stored.delete(sid);
    }
    await this.sessions.delete({ userId, ...(keep === undefined ? {} : { id: Not(keep) }) });
  }

  async pruneExpired(): Promise<number> {
    const now = Date.now();
    for (const [sid, known] of this.stored) if (known.expiresAt < now) this.stored.delete(sid);
    const result = await this.sessions.delete({ expiresAt: LessThan(now) });
    return result.affected ?? 0;
  }

  /** A fresh copy each time: express-session changes the object it is given. */
  private answer(sid: string, stored: StoredSession, callback: Callback<SessionData | null>): void {
    if (stored.expiresAt <= Date.now()) return this.destroy(sid, () => callback(null, null));
    callback(null, JSON.parse(stored.data) as SessionData);
  }

  /** Whether the row already holds this content with an expiry less than the renewal interval behind. */
  private isCurrent(sid: string, next: StoredSession): boolean {
    const known = this.stored.get(sid);
    if (known === undefined || known.content !== next.content) return false;
    return next.expiresAt - known.expiresAt < SESSION_RENEW_INTERVAL_MS;
  }
}

function expiryOf(session: SessionData): number {
  const expires = session.cookie?.expires;
  return expires ? new Date(expires).getTime() : Date.now() + SESSION_MAX_AGE_MS;
}

function contentOf(session: SessionData): string {
  return JSON.stringify({ ...session, cookie: undefined });
}
