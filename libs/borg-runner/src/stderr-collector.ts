import type { BorgEvent, BorgLogMessage } from './types';

const TAIL_SIZE = 20;
const SERIOUS = new Set(['WARNING', 'ERROR', 'CRITICAL']);
const CONNECTION_MSGIDS = new Set(['ConnectionClosed', 'ConnectionClosedWithHint']);

/** Keeps what a failed or warning call needs from borg's stderr events: warnings, the error's msgid and text, a tail. */
export class StderrCollector {
  readonly warnings: BorgLogMessage[] = [];
  private readonly tail: string[] = [];
  private lastError: { message: string; msgid?: string } | null = null;
  private lastErrorWithMsgid: { message: string; msgid: string } | null = null;
  private lastRemoteLine: string | null = null;

  add(event: BorgEvent): void {
    if (event.type === 'stderr_line') {
      this.remember(event.line);
      if (event.line.startsWith('Remote: ')) this.lastRemoteLine = event.line.slice(8).trim();
      return;
    }
    if (event.type !== 'log_message' || !SERIOUS.has(event.level)) return;
    this.warnings.push({
      level: event.level,
      name: event.name,
      message: event.message,
      ...(event.msgid ? { msgid: event.msgid } : {}),
    });
    this.remember(event.message);
    if (event.message.startsWith('Remote: ')) this.lastRemoteLine = event.message.slice(8).trim();
    if (event.level === 'WARNING') return;
    this.lastError = { message: event.message.trim(), msgid: event.msgid };
    if (event.msgid) this.lastErrorWithMsgid = { message: event.message.trim(), msgid: event.msgid };
  }

  /** msgid of the last ERROR/CRITICAL log message that has one. */
  get msgid(): string | null {
    return this.lastErrorWithMsgid?.msgid ?? null;
  }

  get stderrTail(): string[] {
    return [...this.tail];
  }

  /** The most telling error text borg gave, or null when it gave none. */
  errorMessage(): string | null {
    const main = this.lastErrorWithMsgid ?? this.lastError;
    if (!main) return this.tail.length ? this.tail[this.tail.length - 1] : null;
    if (main.msgid && CONNECTION_MSGIDS.has(main.msgid) && this.lastRemoteLine) {
      return `${main.message} (${this.lastRemoteLine})`;
    }
    return main.message;
  }

  private remember(text: string): void {
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      this.tail.push(line.trimEnd());
      if (this.tail.length > TAIL_SIZE) this.tail.shift();
    }
  }
}
