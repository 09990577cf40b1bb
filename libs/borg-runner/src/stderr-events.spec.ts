import { parseStderrLine, scrubEvent, scrubText } from './stderr-events';

describe('parseStderrLine', () => {
  it('maps archive_progress to camelCase', () => {
    const line =
      '{"original_size": 10, "compressed_size": 5, "deduplicated_size": 3, "nfiles": 2, "path": "src/a", "time": 1.5, "type": "archive_progress", "finished": false}';
    expect(parseStderrLine(line)).toEqual([
      {
        type: 'archive_progress',
        originalSize: 10,
        compressedSize: 5,
        deduplicatedSize: 3,
        nfiles: 2,
        path: 'src/a',
        finished: false,
        time: 1.5,
      },
    ]);
  });

  it('fills in the final archive_progress, which has no sizes', () => {
    expect(parseStderrLine('{"time": 2, "type": "archive_progress", "finished": true}')).toEqual([
      { type: 'archive_progress', originalSize: 0, compressedSize: 0, deduplicatedSize: 0, nfiles: 0, path: '', finished: true, time: 2 },
    ]);
  });

  it('maps progress_percent and progress_message, leaving absent fields out', () => {
    const percent =
      '{"message": "Checking segments 25.0%", "current": 2, "total": 4, "info": null, "operation": 1, "msgid": "repository.check", "type": "progress_percent", "finished": false, "time": 3}';
    expect(parseStderrLine(percent)).toEqual([
      {
        type: 'progress_percent',
        operation: 1,
        msgid: 'repository.check',
        message: 'Checking segments 25.0%',
        current: 2,
        total: 4,
        finished: false,
        time: 3,
      },
    ]);
    expect(parseStderrLine('{"operation": 2, "msgid": "cache.commit", "type": "progress_message", "finished": true, "time": 4}')).toEqual([
      { type: 'progress_message', operation: 2, msgid: 'cache.commit', finished: true, time: 4 },
    ]);
  });

  it('maps log_message with and without msgid', () => {
    expect(
      parseStderrLine(
        '{"type": "log_message", "time": 5, "message": "boom", "levelname": "ERROR", "name": "borg.archiver", "msgid": "PassphraseWrong"}',
      ),
    ).toEqual([{ type: 'log_message', level: 'ERROR', name: 'borg.archiver', message: 'boom', msgid: 'PassphraseWrong', time: 5 }]);
    expect(parseStderrLine('{"type": "log_message", "time": 6, "message": "w", "levelname": "WARNING", "name": "root"}')).toEqual([
      { type: 'log_message', level: 'WARNING', name: 'root', message: 'w', time: 6 },
    ]);
  });

  it('keeps non-JSON lines as stderr_line and ignores blank ones', () => {
    expect(parseStderrLine('ssh: connect to host 127.0.0.1 port 1: Connection refused')).toEqual([
      { type: 'stderr_line', line: 'ssh: connect to host 127.0.0.1 port 1: Connection refused' },
    ]);
    expect(parseStderrLine('{not json')).toEqual([{ type: 'stderr_line', line: '{not json' }]);
    expect(parseStderrLine('[1, 2]')).toEqual([{ type: 'stderr_line', line: '[1, 2]' }]);
    expect(parseStderrLine('   ')).toEqual([]);
  });

  it('splits a prompt written without newline from the JSON after it', () => {
    const line =
      'Enter passphrase for key /r: {"type": "log_message", "time": 1, "message": "can not acquire a passphrase", "levelname": "ERROR", "name": "borg.archiver", "msgid": "NoPassphraseFailure"}';
    expect(parseStderrLine(line)).toEqual([
      { type: 'stderr_line', line: 'Enter passphrase for key /r:' },
      {
        type: 'log_message',
        level: 'ERROR',
        name: 'borg.archiver',
        message: 'can not acquire a passphrase',
        msgid: 'NoPassphraseFailure',
        time: 1,
      },
    ]);
  });

  it('keeps the text of JSON objects of other types (question_*)', () => {
    expect(parseStderrLine('{"type": "question_accepted_false", "msgid": "X", "message": "Aborting."}')).toEqual([
      { type: 'stderr_line', line: 'Aborting.' },
    ]);
    expect(parseStderrLine('{"type": "other"}')).toEqual([{ type: 'stderr_line', line: '{"type": "other"}' }]);
  });
});

describe('scrubbing', () => {
  it('removes every occurrence of a secret', () => {
    expect(scrubText('a s3cr3t b s3cr3t', ['s3cr3t'])).toBe('a *** b ***');
    expect(scrubText('nothing', ['', 'x y'])).toBe('nothing');
  });

  it('scrubs the text fields of events', () => {
    expect(scrubEvent({ type: 'stderr_line', line: 'pw=hunter2' }, ['hunter2'])).toEqual({ type: 'stderr_line', line: 'pw=***' });
    expect(scrubEvent({ type: 'log_message', level: 'ERROR', name: 'n', message: 'hunter2!', time: 1 }, ['hunter2'])).toMatchObject({
      message: '***!',
    });
    const parsed = parseStderrLine('{"type": "log_message", "levelname": "ERROR", "name": "n", "message": "p\\u00e4ss\\"w", "time": 1}');
    expect(scrubEvent(parsed[0], ['päss"w'])).toMatchObject({ message: '***' });
  });
});
