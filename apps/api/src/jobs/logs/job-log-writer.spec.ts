import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JobLogLineDto } from '../dto/job-log.dto';
import { parseLogLine } from './job-log-line';
import { JobLogWriter } from './job-log-writer';

describe('JobLogWriter', () => {
  let dir: string;
  let path: string;
  let published: { line: JobLogLineDto; nextOffset: number }[];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'borgitory-job-log-'));
    path = join(dir, '1.log');
    published = [];
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const writer = (maxBytes = 1024 * 1024, onTruncated?: () => void) =>
    new JobLogWriter({
      path,
      maxBytes,
      truncated: false,
      onLine: (line, nextOffset) => published.push({ line, nextOffset }),
      onTruncated,
    });
  const time = new Date('2026-11-26T19:00:00.123Z');

  it('appends one line per call, and one per line of a multi-line message, publishing byte offsets', () => {
    const log = writer();
    log.write('info', 'Step 1/1: backup started', time);
    log.write('warning', 'first\nsecond — ü', time);
    log.close();
    const text = readFileSync(path, 'utf8');
    expect(text).toBe(
      '2026-11-26T19:00:00.123Z INFO Step 1/1: backup started\n' +
        '2026-11-26T19:00:00.123Z WARNING first\n' +
        '2026-11-26T19:00:00.123Z WARNING second — ü\n',
    );
    expect(published.map(({ line }) => line.offset)).toEqual([0, 55, 94]);
    expect(published.at(-1)?.nextOffset).toBe(Buffer.byteLength(text));
    expect(published[1].line).toEqual({ offset: 55, time: '2026-11-26T19:00:00.123Z', level: 'warning', message: 'first' });
  });

  it('past the cap writes one note, then nothing', () => {
    const onTruncated = jest.fn();
    const log = writer(200, onTruncated);
    for (let i = 0; i < 10; i++) log.write('info', `line ${i}`, time);
    log.close();
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(lines.at(-1)).toBe('2026-11-26T19:00:00.123Z WARNING … log truncated at 200 B');
    expect(lines).toHaveLength(6);
    expect(log.isTruncated).toBe(true);
    expect(onTruncated).toHaveBeenCalledTimes(1);
    expect(published.at(-1)?.line.message).toBe('… log truncated at 200 B');
  });

  it('reads back what it wrote', () => {
    expect(parseLogLine('2026-11-26T19:00:00.123Z ERROR it  failed: x', 42)).toEqual({
      offset: 42,
      time: '2026-11-26T19:00:00.123Z',
      level: 'error',
      message: 'it  failed: x',
    });
  });
});
