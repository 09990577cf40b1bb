import { StderrCollector } from './stderr-collector';

const log = (level: 'WARNING' | 'ERROR' | 'INFO', message: string, msgid?: string) =>
  ({ type: 'log_message', level, name: 'borg.archiver', message, time: 1, ...(msgid ? { msgid } : {}) }) as const;

describe('StderrCollector', () => {
  it('keeps warnings and errors, not INFO', () => {
    const c = new StderrCollector();
    c.add(log('INFO', 'Keeping archive'));
    c.add(log('WARNING', 'src/x: [Errno 2] No such file'));
    expect(c.warnings).toEqual([{ level: 'WARNING', name: 'borg.archiver', message: 'src/x: [Errno 2] No such file' }]);
    expect(c.stderrTail).toEqual(['src/x: [Errno 2] No such file']);
    expect(c.msgid).toBeNull();
  });

  it('takes the msgid and text of the last error that has a msgid', () => {
    const c = new StderrCollector();
    c.add(log('ERROR', 'first', 'LockTimeout'));
    c.add(log('ERROR', 'Repository /x does not exist.', 'Repository.DoesNotExist'));
    c.add(log('ERROR', 'Traceback (most recent call last):\n  File "x"'));
    expect(c.msgid).toBe('Repository.DoesNotExist');
    expect(c.errorMessage()).toBe('Repository /x does not exist.');
  });

  it('falls back to the last error text, then the last plain line', () => {
    const c = new StderrCollector();
    expect(c.errorMessage()).toBeNull();
    c.add({ type: 'stderr_line', line: 'Host key verification failed.' });
    expect(c.errorMessage()).toBe('Host key verification failed.');
    c.add(log('ERROR', 'crash'));
    expect(c.errorMessage()).toBe('crash');
    expect(c.msgid).toBeNull();
  });

  it('adds the remote ssh reason to connection errors', () => {
    const c = new StderrCollector();
    c.add({ ...log('WARNING', 'Remote: ssh: connect to host 127.0.0.1 port 1: Connection refused'), name: 'root' });
    c.add(log('ERROR', 'Connection closed by remote host. Is borg working on the server?', 'ConnectionClosedWithHint'));
    expect(c.errorMessage()).toBe(
      'Connection closed by remote host. Is borg working on the server? (ssh: connect to host 127.0.0.1 port 1: Connection refused)',
    );
  });

  it('keeps only the last 20 lines, splitting multi-line messages', () => {
    const c = new StderrCollector();
    for (let i = 0; i < 30; i++) c.add({ type: 'stderr_line', line: `line ${i}` });
    c.add(log('ERROR', 'a\nb\n'));
    expect(c.stderrTail).toHaveLength(20);
    expect(c.stderrTail.slice(-3)).toEqual(['line 29', 'a', 'b']);
  });
});
