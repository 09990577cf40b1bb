import { JobLogLineDto } from '../dto/job-log.dto';
import { JobLogLevel } from '../engine/job-executor';

/** A longer message is cut, so that a page of lines stays small. */
export const MAX_MESSAGE_CHARS = 8192;

const LINE = /^(\S+) (DEBUG|INFO|WARNING|ERROR) (.*)$/s;

/** `2026-11-26T19:00:00.123Z INFO message` */
export function formatLogLine(time: Date, level: JobLogLevel, message: string): string {
  return `${time.toISOString()} ${level.toUpperCase()} ${message}\n`;
}

export function clipMessage(message: string): string {
  return message.length > MAX_MESSAGE_CHARS ? `${message.slice(0, MAX_MESSAGE_CHARS)}…` : message;
}

/** `line` without its newline; `offset` is where it starts in the file. */
export function parseLogLine(line: string, offset: number): JobLogLineDto {
  const match = LINE.exec(line);
  if (!match) return { offset, time: '', level: 'info', message: line };
  return { offset, time: match[1], level: match[2].toLowerCase() as JobLogLevel, message: match[3] };
}
