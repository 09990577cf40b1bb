import { parseRcloneLine } from './rclone-log';

describe('rclone log lines', () => {
  it('reads a stats line as progress', () => {
    const line = JSON.stringify({
      level: 'info',
      msg: '\nTransferred: 10 MiB / 28 MiB, 35%\n',
      stats: {
        bytes: 10514435,
        checks: 1,
        deletes: 2,
        elapsedTime: 1.07,
        errors: 0,
        eta: null,
        speed: 0,
        totalBytes: 30000003,
        totalTransfers: 2,
        transfers: 1,
      },
    });
    expect(parseRcloneLine(line)).toEqual({
      type: 'progress',
      progress: {
        bytes: 10514435,
        totalBytes: 30000003,
        transfers: 1,
        totalTransfers: 2,
        checks: 1,
        deletes: 2,
        errors: 0,
        speed: 0,
        eta: null,
        elapsedSeconds: 1.07,
      },
    });
  });

  it('reads a log line with its level and object', () => {
    expect(parseRcloneLine('{"level":"error","msg":"sizes differ","object":"data/0/1","source":"x"}')).toEqual({
      type: 'log',
      level: 'error',
      message: 'sizes differ',
      object: 'data/0/1',
    });
    expect(parseRcloneLine('{"level":"info","msg":"Copied (new)\\n","object":""}')).toEqual({
      type: 'log',
      level: 'info',
      message: 'Copied (new)',
    });
  });

  it('takes what is not JSON (the fatal error at exit) as an error without its timestamp', () => {
    expect(parseRcloneLine('2026/12/01 02:22:48 Failed to rcat: NoSuchBucket: The specified bucket does not exist')).toEqual({
      type: 'log',
      level: 'error',
      message: 'Failed to rcat: NoSuchBucket: The specified bucket does not exist',
    });
    expect(parseRcloneLine('\tstatus code: 404, request id: , host id: ')).toEqual({
      type: 'log',
      level: 'error',
      message: 'status code: 404, request id: , host id:',
    });
    expect(parseRcloneLine('   ')).toBeNull();
  });
});
