import { createHmac, timingSafeEqual } from 'node:crypto';
import type { PublicKey } from './host-key';

/**
 * The known_hosts name of an endpoint, as ssh looks it up: the bare host on port 22, `[host]:port` on any other.
 */
export function knownHostsName(hostname: string, port: number): string {
  return port === 22 ? hostname : `[${hostname}]:${port}`;
}

/** The keys the text holds for exactly this name, in plain or hashed (`|1|salt|hash`) lines; markers and patterns are not read. */
export function keysFor(text: string, name: string): PublicKey[] {
  return lines(text).flatMap((line) => {
    const entry = parseEntry(line);
    return entry && entry.names.some((candidate) => namesMatch(candidate, name)) ? [{ type: entry.type, key: entry.key }] : [];
  });
}

/** The text without this name: a line that names only it goes, a line that names it among others loses that name. */
export function withoutName(text: string, name: string): string {
  const kept = lines(text).flatMap((line) => {
    const entry = parseEntry(line);
    if (!entry || !entry.names.some((candidate) => namesMatch(candidate, name))) return [line];
    const others = entry.names.filter((candidate) => !namesMatch(candidate, name));
    return others.length === 0 ? [] : [[others.join(','), ...entry.rest].join(' ')];
  });
  return kept.length === 0 ? '' : `${kept.join('\n')}\n`;
}

/** The text with `key` as the only key of this name. */
export function withOnlyKey(text: string, name: string, key: PublicKey): string {
  return `${withoutName(text, name)}${name} ${key.type} ${key.key}\n`;
}

interface Entry {
  names: string[];
  type: string;
  key: string;
  /** The words after the names, as written. */
  rest: string[];
}

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '');
}

function parseEntry(line: string): Entry | null {
  const trimmed = line.trim();
  if (trimmed.startsWith('#') || trimmed.startsWith('@')) return null;
  const [names, type, key, ...comment] = trimmed.split(/[ \t]+/);
  if (!type || !key) return null;
  return { names: names.split(','), type, key, rest: [type, key, ...comment] };
}

function namesMatch(written: string, name: string): boolean {
  if (!written.startsWith('|1|')) return written.toLowerCase() === name;
  const [, , salt, hash] = written.split('|');
  if (!salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest();
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
