import { packRaw } from '../pull-mode/rpc-error-reply';

/** Test-only msgpack encoding of the values borg's requests hold. */
export type Packable =
  | number
  | null
  | boolean
  | string
  | Buffer
  | { bin: Buffer }
  | { ext: number; data: Buffer }
  | { float: number }
  | Packable[]
  | { entries: [Packable, Packable][] };

export function pack(value: Packable): Buffer {
  if (value === null) return Buffer.from([0xc0]);
  if (value === true) return Buffer.from([0xc3]);
  if (value === false) return Buffer.from([0xc2]);
  if (typeof value === 'number') return packInt(value);
  if (typeof value === 'string' || Buffer.isBuffer(value)) return packRaw(value);
  if (Array.isArray(value)) return Buffer.concat([lengthHeader(value.length, 0x90, 0xdc, 0xdd), ...value.map(pack)]);
  if ('bin' in value) return Buffer.concat([binHeader(value.bin.length), value.bin]);
  if ('float' in value) {
    const b = Buffer.alloc(9);
    b[0] = 0xcb;
    b.writeDoubleBE(value.float, 1);
    return b;
  }
  if ('ext' in value) {
    const head = Buffer.alloc(6);
    head[0] = 0xc9;
    head.writeUInt32BE(value.data.length, 1);
    head[5] = value.ext;
    return Buffer.concat([head, value.data]);
  }
  const parts = value.entries.flatMap(([k, v]) => [pack(k), pack(v)]);
  return Buffer.concat([lengthHeader(value.entries.length, 0x80, 0xde, 0xdf), ...parts]);
}

/** A dict-form request as borg's client writes it. */
export function dictRequest(msgid: number, method: string, args: [string, Packable][]): Buffer {
  return pack({
    entries: [
      ['i', msgid],
      ['m', method],
      ['a', { entries: args }],
    ],
  });
}

function packInt(n: number): Buffer {
  if (n >= 0 && n < 128) return Buffer.from([n]);
  if (n < 0 && n >= -32) return Buffer.from([n & 0xff]);
  const b = Buffer.alloc(9);
  if (n >= 0) {
    b[0] = 0xcf;
    b.writeBigUInt64BE(BigInt(n), 1);
  } else {
    b[0] = 0xd3;
    b.writeBigInt64BE(BigInt(n), 1);
  }
  return b;
}

function lengthHeader(n: number, fix: number, b16: number, b32: number): Buffer {
  if (n < 16) return Buffer.from([fix | n]);
  if (n < 0x10000) return Buffer.from([b16, n >> 8, n & 0xff]);
  const b = Buffer.alloc(5);
  b[0] = b32;
  b.writeUInt32BE(n, 1);
  return b;
}

function binHeader(n: number): Buffer {
  if (n < 0x100) return Buffer.from([0xc4, n]);
  if (n < 0x10000) return Buffer.from([0xc5, n >> 8, n & 0xff]);
  const b = Buffer.alloc(5);
  b[0] = 0xc6;
  b.writeUInt32BE(n, 1);
  return b;
}
