import type { BorgEvent, BorgLogLevel } from './types';

const LEVELS: readonly BorgLogLevel[] = ['DEBUG', 'INFO', 'WARNING', 'ERROR', 'CRITICAL'];

/**
 * Turns one stderr line of `borg --log-json` into events. JSON objects of a known type become typed events;
 * anything else is kept as a `stderr_line` (ssh errors, "Remote: …", Python warnings, borg's question_* objects).
 * A prompt borg wrote without a newline ("Enter passphrase for key …: {"type": …}") gives two events.
 */
export function parseStderrLine(line: string): BorgEvent[] {
  if (line.trim() === '') return [];
  const whole = parseObject(line.trim());
  if (whole) return [toEvent(whole, line)];
  const brace = line.indexOf('{"');
  if (brace > 0) {
    const tail = parseObject(line.slice(brace).trim());
    if (tail) {
      const prefix = line.slice(0, brace).trimEnd();
      return [...(prefix ? [plain(prefix)] : []), toEvent(tail, line.slice(brace))];
    }
  }
  return [plain(line)];
}

/** Replaces every occurrence of each (non-empty) secret in a text. */
export function scrubText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret) out = out.split(secret).join('***');
  return out;
}

/** The event with the secrets removed from all its text fields. */
export function scrubEvent(event: BorgEvent, secrets: readonly string[]): BorgEvent {
  if (!secrets.some((s) => s)) return event;
  switch (event.type) {
    case 'stderr_line':
      return { ...event, line: scrubText(event.line, secrets) };
    case 'log_message':
      return { ...event, message: scrubText(event.message, secrets) };
    case 'archive_progress':
      return { ...event, path: scrubText(event.path, secrets) };
    default:
      return event.message === undefined ? event : { ...event, message: scrubText(event.message, secrets) };
  }
}

function parseObject(text: string): Record<string, unknown> | null {
  if (!text.startsWith('{') || !text.endsWith('}')) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function toEvent(o: Record<string, unknown>, raw: string): BorgEvent {
  switch (o['type']) {
    case 'archive_progress':
      return {
        type: 'archive_progress',
        originalSize: num(o['original_size']),
        compressedSize: num(o['compressed_size']),
        deduplicatedSize: num(o['deduplicated_size']),
        nfiles: num(o['nfiles']),
        path: str(o['path']),
        finished: o['finished'] === true,
        time: time(o['time']),
      };
    case 'progress_percent':
      return {
        type: 'progress_percent',
        operation: num(o['operation']),
        ...optStr('msgid', o['msgid']),
        ...optStr('message', o['message']),
        ...optNum('current', o['current']),
        ...optNum('total', o['total']),
        finished: o['finished'] === true,
        time: time(o['time']),
      };
    case 'progress_message':
      return {
        type: 'progress_message',
        operation: num(o['operation']),
        ...optStr('msgid', o['msgid']),
        ...optStr('message', o['message']),
        finished: o['finished'] === true,
        time: time(o['time']),
      };
    case 'log_message':
      return {
        type: 'log_message',
        level: level(o['levelname']),
        name: str(o['name']),
        message: str(o['message']),
        ...optStr('msgid', o['msgid']),
        time: time(o['time']),
      };
    default:
      // question_prompt, question_env_answer, … and anything newer: keep the text.
      return plain(typeof o['message'] === 'string' ? o['message'] : raw.trim());
  }
}

function plain(line: string): BorgEvent {
  return { type: 'stderr_line', line };
}

function level(value: unknown): BorgLogLevel {
  const upper = typeof value === 'string' ? value.toUpperCase() : '';
  if (upper === 'WARN') return 'WARNING';
  if (upper === 'FATAL') return 'CRITICAL';
  return (LEVELS as readonly string[]).includes(upper) ? (upper as BorgLogLevel) : 'INFO';
}

function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function time(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : Date.now() / 1000;
}

function optStr<K extends string>(key: K, value: unknown): { [P in K]?: string } {
  return (typeof value === 'string' ? { [key]: value } : {}) as { [P in K]?: string };
}

function optNum<K extends string>(key: K, value: unknown): { [P in K]?: number } {
  return (typeof value === 'number' && Number.isFinite(value) ? { [key]: value } : {}) as { [P in K]?: number };
}
