import { dictRequest, pack } from '../testing/msgpack';
import { MAX_REQUEST_BYTES, RpcRequestScanner, type RpcRequest, type ScannedRequest } from './rpc-request-scanner';

const id = (byte: number) => Buffer.alloc(32, byte);

/** Feeds the pieces and returns every request with its end offset in the whole stream. */
function scan(pieces: Buffer[]): { requests: ScannedRequest[]; error: string | null } {
  const scanner = new RpcRequestScanner();
  const requests: ScannedRequest[] = [];
  let offset = 0;
  let error: string | null = null;
  for (const piece of pieces) {
    const result = scanner.push(piece);
    requests.push(...result.requests.map((r) => ({ end: offset + r.end, request: r.request })));
    error = result.error;
    offset += piece.length;
  }
  return { requests, error };
}

const summary = (r: RpcRequest) => ({
  form: r.form,
  msgid: r.msgid?.toString('hex') ?? null,
  method: r.method?.toString('latin1') ?? null,
  id: r.id?.toString('hex') ?? null,
});

/** A stream like a real session: legacy negotiate, then dict-form open, put, get, delete and commit. */
function session(dataSize = 3000): { stream: Buffer; ends: number[] } {
  const parts = [
    pack([1, 1, 'negotiate', [{ entries: [['client_version', [1, 2, 4]]] }]]),
    dictRequest(2, 'open', [
      ['path', '/srv/repo'],
      ['create', false],
      ['lock_wait', { float: 1.5 }],
      ['lock', true],
    ]),
    dictRequest(300, 'put', [
      ['id', id(0xaa)],
      ['data', Buffer.alloc(dataSize, 7)],
    ]),
    dictRequest(70_000, 'get', [['id', id(0xbb)]]),
    dictRequest(2 ** 40, 'delete', [['id', id(0xaa)]]),
    dictRequest(5, 'commit', [
      ['save_space', false],
      ['threshold', { float: 0.1 }],
    ]),
  ];
  const ends: number[] = [];
  let at = 0;
  for (const part of parts) ends.push((at += part.length));
  return { stream: Buffer.concat(parts), ends };
}

const expectedSession = [
  { form: 'tuple', msgid: '01', method: 'negotiate', id: null },
  { form: 'dict', msgid: '02', method: 'open', id: null },
  { form: 'dict', msgid: 'cf000000000000012c', method: 'put', id: 'aa'.repeat(32) },
  { form: 'dict', msgid: 'cf0000000000011170', method: 'get', id: 'bb'.repeat(32) },
  { form: 'dict', msgid: 'cf0000010000000000', method: 'delete', id: 'aa'.repeat(32) },
  { form: 'dict', msgid: '05', method: 'commit', id: null },
];

describe('RpcRequestScanner', () => {
  it('finds each request of a session, its msgid, method and id', () => {
    const { stream, ends } = session();
    const { requests, error } = scan([stream]);
    expect(error).toBeNull();
    expect(requests.map((r) => r.end)).toEqual(ends);
    expect(requests.map((r) => summary(r.request))).toEqual(expectedSession);
  });

  it('gives the same answer however the stream is cut: at every byte boundary, and byte by byte', () => {
    const { stream, ends } = session(300);
    for (let cut = 1; cut < stream.length; cut++) {
      const { requests, error } = scan([stream.subarray(0, cut), stream.subarray(cut)]);
      expect(error).toBeNull();
      expect(requests.map((r) => r.end)).toEqual(ends);
      expect(requests.map((r) => summary(r.request))).toEqual(expectedSession);
    }
    const bytes = [...stream].map((b) => Buffer.from([b]));
    const { requests } = scan(bytes);
    expect(requests.map((r) => summary(r.request))).toEqual(expectedSession);
  });

  it('steps over big payloads (str 32, bin 32) in any pieces without holding them', () => {
    const big = Buffer.alloc(20 * 1024 * 1024, 1);
    const stream = Buffer.concat([
      dictRequest(1, 'put', [
        ['id', id(1)],
        ['data', big],
      ]),
      dictRequest(2, 'put', [
        ['data', { bin: big }],
        ['id', id(2)],
      ]),
    ]);
    const pieces: Buffer[] = [];
    for (let at = 0; at < stream.length; at += 65_537) pieces.push(stream.subarray(at, at + 65_537));
    const started = Date.now();
    const { requests, error } = scan(pieces);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(error).toBeNull();
    expect(requests.map((r) => summary(r.request).id)).toEqual(['01'.repeat(32), '02'.repeat(32)]);
    expect(requests[1]?.end).toBe(stream.length);
  });

  it('reads nested maps and every msgpack type in between, in any key order', () => {
    const nested = pack({
      entries: [
        [
          'a',
          {
            entries: [
              [
                'x',
                {
                  entries: [
                    ['id', 'not this one'],
                    ['deep', [1, [2, [3, { entries: [] }]], []]],
                  ],
                },
              ],
              ['id', id(3)],
            ],
          },
        ],
        ['junk', [null, true, false, -1, -100, 2 ** 33, { float: 2.5 }, { ext: 5, data: Buffer.from('xyz') }, { bin: Buffer.alloc(300) }]],
        ['m', 'delete'],
        ['i', 9],
      ],
    });
    const { requests, error } = scan([nested]);
    expect(error).toBeNull();
    expect(requests.map((r) => summary(r.request))).toEqual([{ form: 'dict', msgid: '09', method: 'delete', id: '03'.repeat(32) }]);
  });

  it('steps over every msgpack type', () => {
    const h = (...bytes: number[]) => Buffer.from(bytes);
    const values = [
      h(0xcc, 1),
      h(0xcd, 0, 1),
      h(0xce, 0, 0, 0, 1),
      h(0xd0, 0xff),
      h(0xd1, 0, 1),
      h(0xd2, 0, 0, 0, 1),
      h(0xca, 0, 0, 0, 0),
      h(0xd4, 1, 0),
      h(0xd5, 1, 0, 0),
      h(0xd6, 1, 0, 0, 0, 0),
      h(0xd7, 1, ...Buffer.alloc(8)),
      h(0xd8, 1, ...Buffer.alloc(16)),
      h(0xc7, 3, 1, 0x91, 0x91, 0x91),
      h(0xc8, 0, 2, 1, 0xdf, 0xdf),
      h(0xd9, 2, 0x81, 0x81),
      h(0xda, 0, 1, 0x90),
      h(0xdb, 0, 0, 0, 1, 0xc1),
      h(0xc4, 1, 0xc1),
      h(0xc5, 0, 1, 0xc1),
      h(0xdc, 0, 1, 0xc0),
      h(0xdd, 0, 0, 0, 1, 0xc0),
      h(0xde, 0, 1, 0xc0, 0xc0),
      h(0xdf, 0, 0, 0, 1, 0xc0, 0xc0),
    ];
    const junk = Buffer.concat([h(0xdc, 0, values.length), ...values]);
    const request = Buffer.concat([
      h(0x84),
      pack('junk'),
      junk,
      pack('i'),
      pack(3),
      pack('m'),
      pack('get'),
      pack('a'),
      pack({ entries: [['id', id(5)]] }),
    ]);
    for (let cut = 1; cut < request.length; cut++) {
      const { requests, error } = scan([request.subarray(0, cut), request.subarray(cut)]);
      expect(error).toBeNull();
      expect(requests.map((r) => summary(r.request))).toEqual([{ form: 'dict', msgid: '03', method: 'get', id: '05'.repeat(32) }]);
    }
  });

  it('takes the last of repeated keys, as a Python dict does', () => {
    const repeated = pack({
      entries: [
        ['m', 'get'],
        ['a', { entries: [['id', id(1)]] }],
        ['i', 1],
        ['m', 'delete'],
        ['a', { entries: [['data', 'x']] }],
      ],
    });
    const { requests } = scan([repeated]);
    expect(summary(requests[0]?.request as RpcRequest)).toEqual({ form: 'dict', msgid: '01', method: 'delete', id: null });
  });

  it('reads the legacy tuple form: (1, msgid, method, [positional args])', () => {
    const put = pack([1, 42, 'put', [id(4), Buffer.alloc(1000)]]);
    const del = pack([1, 43, 'delete', [id(4)]]);
    const { requests } = scan([Buffer.concat([put, del])]);
    expect(requests.map((r) => summary(r.request))).toEqual([
      { form: 'tuple', msgid: '2a', method: 'put', id: '04'.repeat(32) },
      { form: 'tuple', msgid: '2b', method: 'delete', id: '04'.repeat(32) },
    ]);
  });

  it('reads no method, id or msgid that is not of its type, or too long to be one', () => {
    const odd = pack({
      entries: [
        ['i', 'seven'],
        ['m', 'x'.repeat(65)],
        ['a', { entries: [['id', 12]] }],
      ],
    });
    const scalar = pack(17);
    const { requests } = scan([odd, scalar]);
    expect(requests.map((r) => summary(r.request))).toEqual([
      { form: 'dict', msgid: null, method: null, id: null },
      { form: 'other', msgid: null, method: null, id: null },
    ]);
  });

  it('stops at what a borg server would not take: 0xc1, deep nesting, an oversized request', () => {
    expect(scan([Buffer.concat([dictRequest(1, 'get', [['id', id(1)]]), Buffer.from([0xc1])])]).error).toMatch(/0xc1/);
    expect(scan([Buffer.alloc(40, 0x91)]).error).toMatch(/nested/);
    const header = Buffer.from([0x83, 0xa1, 0x61, 0x81, 0xa4, 0x64, 0x61, 0x74, 0x61, 0xdb, 0, 0, 0, 0]);
    header.writeUInt32BE(MAX_REQUEST_BYTES + 10, 10);
    const result = scan([header, Buffer.alloc(MAX_REQUEST_BYTES)]);
    expect(result.error).toMatch(/longer than/);
    expect(result.requests).toEqual([]);
  });
});
