/**
 * A streaming reader of the client→server half of borg 1.2's RPC protocol: a sequence of msgpack values, each one
 * request, either `{i: msgid, m: method, a: {args}}` or the legacy `(1, msgid, method, [args])` (borg's client sends
 * its first request, negotiate, this way). It finds where each request ends and reads only its msgid, method and
 * `id` argument; every other value (the chunk data of a put, up to 20 MiB) is stepped over without being copied, so
 * the cost of a chunk is independent of its size and of how the stream is cut into pieces.
 */

export interface RpcRequest {
  form: 'dict' | 'tuple' | 'other';
  /** The msgid's own msgpack encoding when it is an integer (what a reply must carry back), else null. */
  msgid: Buffer | null;
  /** The method name's bytes; null when absent, not a string, or longer than any real method name. */
  method: Buffer | null;
  /** The `id` argument's bytes (by name in the dict form, first positional in the legacy form), as for method. */
  id: Buffer | null;
}

export interface ScannedRequest {
  /** The offset in the chunk just after the request's last byte. */
  end: number;
  request: RpcRequest;
}

export interface ScanResult {
  requests: ScannedRequest[];
  /** Set once the stream is not msgpack a borg server would take; nothing after it is scanned. */
  error: string | null;
}

/** Longer than any method name or chunk id borg uses (ids are 32 bytes). */
const CAPTURE_LIMIT = 64;
/** Requests nest three deep; borg's own server refuses deep values too. */
const MAX_DEPTH = 16;
/** A put carries at most MAX_OBJECT_SIZE (20 MiB) of data; borg's server buffers at most 60 MiB. */
export const MAX_REQUEST_BYTES = 32 * 1024 * 1024;

type Role = 'none' | 'request' | 'key' | 'msgid' | 'method' | 'args' | 'id';

interface Frame {
  kind: 'map' | 'array';
  role: Role;
  /** Values in the container (twice the entries of a map) and how many are done. */
  total: number;
  done: number;
  /** In a map whose keys matter: the last key read. */
  key: string | null;
}

interface Header {
  kind: 'int' | 'raw' | 'other' | 'array' | 'map';
  /** Bytes that follow the header (raw, ext). */
  payload: number;
  /** Values in an array or map. */
  count: number;
}

export class RpcRequestScanner {
  private readonly header = Buffer.alloc(9);
  private headerHave = 0;
  private headerNeed = 0;
  private skip = 0;
  private capture: { role: Role; bytes: Buffer; have: number; tooLong: boolean } | null = null;
  private readonly stack: Frame[] = [];
  private request = emptyRequest();
  private requestBytes = 0;
  private failure: string | null = null;

  push(chunk: Buffer): ScanResult {
    const requests: ScannedRequest[] = [];
    let pos = 0;
    while (pos < chunk.length && this.failure === null) {
      pos = this.step(chunk, pos, requests);
      if (this.requestBytes > MAX_REQUEST_BYTES) this.failure = `a request longer than ${MAX_REQUEST_BYTES} bytes`;
    }
    return { requests, error: this.failure };
  }

  /** True between requests: a stream that ends here ended cleanly. */
  get atBoundary(): boolean {
    return this.requestBytes === 0 && this.failure === null;
  }

  private step(chunk: Buffer, pos: number, requests: ScannedRequest[]): number {
    if (this.skip > 0) {
      const take = Math.min(this.skip, chunk.length - pos);
      this.requestBytes += take;
      const capture = this.capture;
      if (capture && !capture.tooLong) chunk.copy(capture.bytes, capture.have, pos, pos + take);
      if (capture) capture.have += take;
      this.skip -= take;
      if (this.skip === 0) this.finishPayload(pos + take, requests);
      return pos + take;
    }
    if (this.headerNeed === 0) {
      const size = headerSize(chunk[pos] as number);
      if (size === 0) {
        this.failure = `byte 0x${(chunk[pos] as number).toString(16)} is not msgpack`;
        return pos;
      }
      this.headerNeed = size;
      this.headerHave = 0;
    }
    const take = Math.min(this.headerNeed - this.headerHave, chunk.length - pos);
    this.requestBytes += take;
    chunk.copy(this.header, this.headerHave, pos, pos + take);
    this.headerHave += take;
    if (this.headerHave === this.headerNeed) {
      this.headerNeed = 0;
      this.startValue(pos + take, requests);
    }
    return pos + take;
  }

  private startValue(end: number, requests: ScannedRequest[]): void {
    const header = decodeHeader(this.header);
    const role = this.roleOfNext();
    if (role === 'args') this.request.id = null; // a repeated `a` replaces the arguments entirely
    if (role === 'msgid') this.request.msgid = header.kind === 'int' ? Buffer.from(this.header.subarray(0, this.headerHave)) : null;
    if (header.kind === 'array' || header.kind === 'map') {
      if (this.stack.length >= MAX_DEPTH) {
        this.failure = `values nested deeper than ${MAX_DEPTH}`;
        return;
      }
      const frameRole = this.containerRole(role, header.kind);
      if (frameRole === 'request') this.request.form = header.kind === 'map' ? 'dict' : 'tuple';
      const total = header.kind === 'map' ? header.count * 2 : header.count;
      if (total === 0) return this.valueDone(null, end, requests);
      this.stack.push({ kind: header.kind, role: frameRole, total, done: 0, key: null });
      return;
    }
    const captured = role === 'key' || role === 'method' || role === 'id';
    if (header.payload === 0) return this.valueDone(captured && header.kind === 'raw' ? Buffer.alloc(0) : null, end, requests);
    this.skip = header.payload;
    this.capture =
      captured && header.kind === 'raw'
        ? {
            role,
            bytes: Buffer.alloc(Math.min(header.payload, CAPTURE_LIMIT)),
            have: 0,
            tooLong: header.payload > CAPTURE_LIMIT,
          }
        : null;
  }

  private finishPayload(end: number, requests: ScannedRequest[]): void {
    const capture = this.capture;
    this.capture = null;
    this.valueDone(capture && !capture.tooLong ? capture.bytes : null, end, requests);
  }

  /** What the value about to start is, from where it sits in the request. */
  private roleOfNext(): Role {
    const frame = this.stack[this.stack.length - 1];
    if (!frame) return 'request';
    if (frame.kind === 'map' && (frame.role === 'request' || frame.role === 'args')) {
      if (frame.done % 2 === 0) return 'key';
      if (frame.role === 'args') return frame.key === 'id' ? 'id' : 'none';
      return frame.key === 'i' ? 'msgid' : frame.key === 'm' ? 'method' : frame.key === 'a' ? 'args' : 'none';
    }
    if (frame.kind === 'array' && frame.role === 'request') {
      return frame.done === 1 ? 'msgid' : frame.done === 2 ? 'method' : frame.done === 3 ? 'args' : 'none';
    }
    if (frame.kind === 'array' && frame.role === 'args') return frame.done === 0 ? 'id' : 'none';
    return 'none';
  }

  private containerRole(role: Role, kind: 'array' | 'map'): Role {
    if (role === 'request') return 'request';
    if (role !== 'args') return 'none';
    // The arguments a server would use: a map in the dict form, an array in the legacy form.
    const parent = this.stack[this.stack.length - 1] as Frame;
    return (parent.kind === 'map') === (kind === 'map') ? 'args' : 'none';
  }

  /** A value (scalar or container) is complete; `captured` is its bytes when its role asked for them. */
  private valueDone(captured: Buffer | null, end: number, requests: ScannedRequest[]): void {
    let value = captured;
    for (;;) {
      const role = this.roleOfNext();
      // Like a Python dict, a repeated key takes the last value.
      if (role === 'method') this.request.method = value;
      if (role === 'id') this.request.id = value;
      const frame = this.stack[this.stack.length - 1];
      if (!frame) {
        requests.push({ end, request: this.request });
        this.request = emptyRequest();
        this.requestBytes = 0;
        return;
      }
      if (frame.kind === 'map' && frame.done % 2 === 0) frame.key = role === 'key' && value ? value.toString('latin1') : null;
      frame.done += 1;
      if (frame.done < frame.total) return;
      // The container is complete: it is now the value that ends in its parent.
      this.stack.pop();
      value = null;
    }
  }
}

function emptyRequest(): RpcRequest {
  return { form: 'other', msgid: null, method: null, id: null };
}

/**
 * The bytes of a value's header by its first byte: the byte itself plus the lengths, ext type or number that
 * follow it. 0 for 0xc1, which msgpack never uses.
 */
const HEADER_SIZES = (() => {
  const sizes = new Uint8Array(256).fill(1); // fixint, fixmap, fixarray, fixstr, nil, bool, negative fixint
  sizes[0xc1] = 0;
  const followedBy: [number[], number][] = [
    [[0xc4, 0xcc, 0xd0, 0xd9, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8], 1], // bin 8, uint 8, int 8, str 8; fixext: its type
    [[0xc5, 0xcd, 0xd1, 0xda, 0xdc, 0xde, 0xc7], 2], // 16-bit lengths and numbers; ext 8: length, type
    [[0xc8], 3], // ext 16: length, type
    [[0xc6, 0xca, 0xce, 0xd2, 0xdb, 0xdd, 0xdf], 4], // 32-bit lengths and numbers
    [[0xc9], 5], // ext 32: length, type
    [[0xcb, 0xcf, 0xd3], 8], // 64-bit numbers
  ];
  for (const [firsts, extra] of followedBy) for (const first of firsts) sizes[first] = 1 + extra;
  return sizes;
})();

function headerSize(first: number): number {
  return HEADER_SIZES[first] as number;
}

function decodeHeader(h: Buffer): Header {
  const first = h[0] as number;
  const scalar = (kind: 'int' | 'other', payload = 0): Header => ({ kind, payload, count: 0 });
  const raw = (payload: number): Header => ({ kind: 'raw', payload, count: 0 });
  if (first <= 0x7f || first >= 0xe0) return scalar('int');
  if (first <= 0x8f) return { kind: 'map', payload: 0, count: first & 0x0f };
  if (first <= 0x9f) return { kind: 'array', payload: 0, count: first & 0x0f };
  if (first <= 0xbf) return raw(first & 0x1f);
  switch (first) {
    case 0xc4:
    case 0xd9:
      return raw(h.readUInt8(1));
    case 0xc5:
    case 0xda:
      return raw(h.readUInt16BE(1));
    case 0xc6:
    case 0xdb:
      return raw(h.readUInt32BE(1));
    case 0xc7:
      return scalar('other', h.readUInt8(1));
    case 0xc8:
      return scalar('other', h.readUInt16BE(1));
    case 0xc9:
      return scalar('other', h.readUInt32BE(1));
    case 0xd4:
    case 0xd5:
    case 0xd6:
    case 0xd7:
    case 0xd8:
      return scalar('other', 1 << (first - 0xd4));
    case 0xdc:
      return { kind: 'array', payload: 0, count: h.readUInt16BE(1) };
    case 0xdd:
      return { kind: 'array', payload: 0, count: h.readUInt32BE(1) };
    case 0xde:
      return { kind: 'map', payload: 0, count: h.readUInt16BE(1) };
    case 0xdf:
      return { kind: 'map', payload: 0, count: h.readUInt32BE(1) };
    default:
      return first >= 0xcc && first <= 0xd3 ? scalar('int') : scalar('other'); // ints; nil, bool, floats
  }
}
