import type { RcloneEvent, RcloneLogLevel, RcloneProgress } from './types';

const LEVELS: ReadonlySet<string> = new Set(['debug', 'info', 'notice', 'warning', 'error', 'critical']);
/** What rclone prints without JSON: its fatal error ("2026/12/01 02:22:48 Failed to rcat: …"), and continuation lines. */
const PLAIN_TIMESTAMP = /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2} /;

interface JsonLogLine {
  level?: unknown;
  msg?: unknown;
  object?: unknown;
  stats?: Record<string, unknown>;
}

/**
 * One stderr line of rclone run with --use-json-log: a stats line becomes progress, anything else a log event.
 * Lines that are not JSON (the fatal error rclone prints at exit, and the lines that continue it) are errors.
 */
export function parseRcloneLine(line: string): RcloneEvent | null {
  const text = line.trim();
  if (text === '') return null;
  if (text.startsWith('{')) {
    let parsed: JsonLogLine;
    try {
      parsed = JSON.parse(text) as JsonLogLine;
    } catch {
      return { type: 'log', level: 'error', message: text };
    }
    if (parsed.stats && typeof parsed.stats === 'object') return { type: 'progress', progress: toProgress(parsed.stats) };
    const level = typeof parsed.level === 'string' && LEVELS.has(parsed.level) ? (parsed.level as RcloneLogLevel) : 'info';
    const message = typeof parsed.msg === 'string' ? parsed.msg.trim() : text;
    const object = typeof parsed.object === 'string' && parsed.object !== '' ? parsed.object : undefined;
    return object ? { type: 'log', level, message, object } : { type: 'log', level, message };
  }
  return { type: 'log', level: 'error', message: text.replace(PLAIN_TIMESTAMP, '') };
}

function toProgress(stats: Record<string, unknown>): RcloneProgress {
  const count = (name: string): number => (typeof stats[name] === 'number' ? (stats[name] as number) : 0);
  return {
    bytes: count('bytes'),
    totalBytes: count('totalBytes'),
    transfers: count('transfers'),
    totalTransfers: count('totalTransfers'),
    checks: count('checks'),
    deletes: count('deletes'),
    errors: count('errors'),
    speed: count('speed'),
    eta: typeof stats['eta'] === 'number' ? (stats['eta'] as number) : null,
    elapsedSeconds: count('elapsedTime'),
  };
}
