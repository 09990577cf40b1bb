import { dictRequest, pack } from '../testing/msgpack';
import { packRaw, REFUSAL_EXCEPTION_CLASS } from './rpc-error-reply';
import { PULL_MODE_METHODS, RpcGuard, type GuardStep } from './rpc-guard';

const id = (byte: number) => Buffer.alloc(32, byte);

function feed(guard: RpcGuard, ...chunks: Buffer[]): GuardStep {
  const all: GuardStep = { forward: [], replies: [], refusal: null };
  for (const chunk of chunks) {
    const step = guard.push(chunk);
    all.forward.push(...step.forward);
    all.replies.push(...step.replies);
    all.refusal ??= step.refusal;
  }
  return all;
}

/** The reply a borg 1.2 server writes for an exception, built field by field. */
function expectedReply(msgid: Buffer, message: string): Buffer {
  const lines = Buffer.concat([Buffer.from([0x91]), packRaw(message)]);
  return Buffer.concat([
    Buffer.from([0x86]),
    packRaw('i'),
    msgid,
    packRaw('exception_class'),
    packRaw(REFUSAL_EXCEPTION_CLASS),
    packRaw('exception_args'),
    lines,
    packRaw('exception_full'),
    lines,
    packRaw('exception_short'),
    lines,
    packRaw('exception_trace'),
    Buffer.from([0xc2]),
  ]);
}

describe('RpcGuard', () => {
  it('passes on the requests of create, list, info and extract byte for byte', () => {
    const stream = Buffer.concat([
      pack([1, 1, 'negotiate', [{ entries: [['client_version', [1, 2, 4]]] }]]),
      ...PULL_MODE_METHODS.map((method, i) => dictRequest(i + 2, method, [['id', id(i)]])),
    ]);
    const guard = new RpcGuard();
    // In pieces that cut requests in the middle: a request is passed on once it is whole.
    const first = guard.push(stream.subarray(0, 50));
    const rest = guard.push(stream.subarray(50));
    expect(Buffer.concat([...first.forward, ...rest.forward])).toEqual(stream);
    expect(first.forward.reduce((n, b) => n + b.length, 0)).toBeLessThan(50);
    expect(rest.replies).toEqual([]);
    expect(guard.refusal).toBeNull();
  });

  it('allows delete of an id this connection put (a checkpoint), refuses any other id', () => {
    const guard = new RpcGuard();
    const put = dictRequest(1, 'put', [
      ['id', id(1)],
      ['data', Buffer.alloc(100)],
    ]);
    const ownDelete = dictRequest(2, 'delete', [['id', id(1)]]);
    expect(Buffer.concat(feed(guard, put, ownDelete).forward)).toEqual(Buffer.concat([put, ownDelete]));

    const before = dictRequest(3, 'get', [['id', id(9)]]);
    const otherDelete = dictRequest(4, 'delete', [['id', id(2)]]);
    const after = dictRequest(5, 'commit', []);
    const step = feed(guard, Buffer.concat([before, otherDelete, after]));
    // What came before the refused request still goes to borg serve; nothing from it on.
    expect(Buffer.concat(step.forward)).toEqual(before);
    expect(step.refusal).toMatchObject({ method: 'delete', reason: 'delete' });
    const message = step.refusal?.message as string;
    expect(message).toMatch(/^Borgitory pull mode refused 'delete'/);
    // Every later request is answered with the refusal, so the client shows it whichever reply it waits for.
    expect(step.replies).toEqual([expectedReply(Buffer.from([4]), message), expectedReply(Buffer.from([5]), message)]);
    expect(feed(guard, dictRequest(6, 'rollback', [])).forward).toEqual([]);
  });

  it('refuses a delete however it is dressed: legacy form, id in a later `a`, method in a later `m`', () => {
    const legacy = new RpcGuard();
    const step = feed(legacy, pack([1, 7, 'delete', [id(1)]]));
    expect(step.refusal?.reason).toBe('delete');
    expect(step.replies).toEqual([
      Buffer.concat([Buffer.from([0x94, 0x01, 0x07]), packRaw(step.refusal?.message as string), packRaw('Remote Exception')]),
    ]);

    const own = (guard: RpcGuard) => feed(guard, dictRequest(1, 'put', [['id', id(1)]]));
    const laterArgs = new RpcGuard();
    own(laterArgs);
    const twoArgs = pack({
      entries: [
        ['i', 2],
        ['m', 'delete'],
        ['a', { entries: [['id', id(1)]] }],
        ['a', { entries: [['id', id(2)]] }],
      ],
    });
    expect(feed(laterArgs, twoArgs).refusal?.reason).toBe('delete');

    const laterMethod = new RpcGuard();
    own(laterMethod);
    const twoMethods = pack({
      entries: [
        ['i', 2],
        ['m', 'get'],
        ['a', { entries: [['id', id(2)]] }],
        ['m', 'delete'],
      ],
    });
    expect(feed(laterMethod, twoMethods).refusal?.reason).toBe('delete');
  });

  it.each(['destroy', 'check', 'save_key', 'break_lock', 'inject_exception', 'scan', 'no_such_method'])('refuses %s', (method) => {
    const step = feed(new RpcGuard(), dictRequest(3, method, []));
    expect(step.refusal).toMatchObject({ method, reason: 'method' });
    expect(step.refusal?.message).toBe(
      `Borgitory pull mode refused '${method}': a host may only create, list, read and extract archives through this connection.`,
    );
    expect(step.forward).toEqual([]);
    expect(step.replies).toHaveLength(1);
  });

  it('refuses what is not a borg request, answering none without an integer msgid', () => {
    expect(feed(new RpcGuard(), pack(5)).refusal?.reason).toBe('protocol');
    const noMsgid = feed(
      new RpcGuard(),
      pack({
        entries: [
          ['i', 'x'],
          ['m', 'destroy'],
          ['a', { entries: [] }],
        ],
      }),
    );
    expect(noMsgid.refusal?.reason).toBe('method');
    expect(noMsgid.replies).toEqual([]);
    const garbage = feed(new RpcGuard(), dictRequest(1, 'get', []), Buffer.from([0xc1, 1, 2]));
    expect(garbage.refusal).toMatchObject({ reason: 'protocol', method: '' });
    expect(garbage.forward).toEqual([dictRequest(1, 'get', [])]);
  });

  it('names a refused method in printable ASCII only', () => {
    const step = feed(new RpcGuard(), dictRequest(1, 'rm\n\x1b[2J', []));
    expect(step.refusal?.method).toBe('rm??[2J');
  });
});
