/** SFTP version 3 (draft-ietf-secsh-filexfer-02): the packets this library sends and reads. */
export const SFTP_VERSION = 3;

export const FXP = {
  INIT: 1,
  VERSION: 2,
  CLOSE: 4,
  LSTAT: 7,
  OPENDIR: 11,
  READDIR: 12,
  REALPATH: 16,
  STATUS: 101,
  HANDLE: 102,
  NAME: 104,
  ATTRS: 105,
} as const;

export const FX = { OK: 0, EOF: 1, NO_SUCH_FILE: 2, PERMISSION_DENIED: 3, FAILURE: 4 } as const;

const ATTR = { SIZE: 0x1, UIDGID: 0x2, PERMISSIONS: 0x4, ACMODTIME: 0x8, EXTENDED: 0x80000000 } as const;

/** Larger than any packet OpenSSH's sftp-server sends (256 KiB); a bigger length means a broken or hostile peer. */
export const MAX_PACKET_BYTES = 1024 * 1024;

export interface SftpAttrs {
  size: number | null;
  permissions: number | null;
  mtime: number | null;
}

export interface SftpName {
  /** The name as sent (bytes), and decoded as UTF-8 (invalid sequences become U+FFFD). */
  bytes: Buffer;
  name: string;
  attrs: SftpAttrs;
}

export type SftpReply =
  | { type: typeof FXP.VERSION; version: number }
  | { type: typeof FXP.STATUS; id: number; code: number; message: string }
  | { type: typeof FXP.HANDLE; id: number; handle: Buffer }
  | { type: typeof FXP.NAME; id: number; names: SftpName[] }
  | { type: typeof FXP.ATTRS; id: number; attrs: SftpAttrs }
  | { type: 'other'; packetType: number; id: number | null };

export class SftpProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SftpProtocolError';
  }
}

/** A field of a request: a uint32, or a string (bytes or UTF-8 text) with its uint32 length. */
export type Field = number | string | Buffer;

/** One packet: uint32 length, byte type, then the fields. */
export function encodePacket(type: number, fields: Field[]): Buffer {
  const parts = fields.map((field) => {
    if (typeof field === 'number') {
      const word = Buffer.alloc(4);
      word.writeUInt32BE(field);
      return word;
    }
    const bytes = typeof field === 'string' ? Buffer.from(field, 'utf8') : field;
    const length = Buffer.alloc(4);
    length.writeUInt32BE(bytes.length);
    return Buffer.concat([length, bytes]);
  });
  const body = Buffer.concat([Buffer.from([type]), ...parts]);
  const header = Buffer.alloc(4);
  header.writeUInt32BE(body.length);
  return Buffer.concat([header, body]);
}

/** Reads big-endian fields from a packet's body; throws SftpProtocolError past the end. */
class Reader {
  private offset = 0;
  constructor(private readonly buffer: Buffer) {}

  uint32(): number {
    this.need(4);
    const value = this.buffer.readUInt32BE(this.offset);
    this.offset += 4;
    return value;
  }

  uint64(): number {
    this.need(8);
    const value = this.buffer.readBigUInt64BE(this.offset);
    this.offset += 8;
    return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
  }

  bytes(): Buffer {
    const length = this.uint32();
    this.need(length);
    const value = this.buffer.subarray(this.offset, this.offset + length);
    this.offset += length;
    return value;
  }

  string(): string {
    return this.bytes().toString('utf8');
  }

  attrs(): SftpAttrs {
    const flags = this.uint32();
    const attrs: SftpAttrs = { size: null, permissions: null, mtime: null };
    if (flags & ATTR.SIZE) attrs.size = this.uint64();
    if (flags & ATTR.UIDGID) {
      this.uint32();
      this.uint32();
    }
    if (flags & ATTR.PERMISSIONS) attrs.permissions = this.uint32();
    if (flags & ATTR.ACMODTIME) {
      this.uint32();
      attrs.mtime = this.uint32();
    }
    if (flags & ATTR.EXTENDED) {
      const count = this.uint32();
      for (let i = 0; i < count; i++) {
        this.bytes();
        this.bytes();
      }
    }
    return attrs;
  }

  private need(length: number): void {
    if (this.offset + length > this.buffer.length) throw new SftpProtocolError('truncated SFTP packet');
  }
}

/** Decodes one packet body (type byte first, without the length). */
export function decodeReply(body: Buffer): SftpReply {
  if (body.length === 0) throw new SftpProtocolError('empty SFTP packet');
  const type = body[0];
  const reader = new Reader(body.subarray(1));
  if (type === FXP.VERSION) return { type, version: reader.uint32() };
  const id = body.length >= 5 ? reader.uint32() : null;
  if (id === null) return { type: 'other', packetType: type, id };
  switch (type) {
    case FXP.STATUS: {
      const code = reader.uint32();
      // SFTP 3 servers may leave out the message and language tag.
      let message = '';
      try {
        message = reader.string();
      } catch {
        message = '';
      }
      return { type, id, code, message };
    }
    case FXP.HANDLE:
      return { type, id, handle: reader.bytes() };
    case FXP.NAME: {
      const count = reader.uint32();
      const names: SftpName[] = [];
      for (let i = 0; i < count; i++) {
        const bytes = reader.bytes();
        reader.bytes(); // longname, for display by ls-like clients only
        names.push({ bytes, name: bytes.toString('utf8'), attrs: reader.attrs() });
      }
      return { type, id, names };
    }
    case FXP.ATTRS:
      return { type, id, attrs: reader.attrs() };
    default:
      return { type: 'other', packetType: type, id };
  }
}

/** Splits a byte stream into packet bodies. */
export class PacketSplitter {
  private pending: Buffer = Buffer.alloc(0);

  /** The complete packet bodies that `chunk` finishes; throws SftpProtocolError on an impossible length. */
  push(chunk: Buffer): Buffer[] {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const bodies: Buffer[] = [];
    while (this.pending.length >= 4) {
      const length = this.pending.readUInt32BE(0);
      if (length === 0 || length > MAX_PACKET_BYTES) throw new SftpProtocolError(`SFTP packet of ${length} bytes`);
      if (this.pending.length < 4 + length) break;
      bodies.push(this.pending.subarray(4, 4 + length));
      this.pending = this.pending.subarray(4 + length);
    }
    return bodies;
  }
}

const S_IFMT = 0o170000;

/** The entry type from POSIX permission bits (file type in the high bits). */
export function entryType(permissions: number | null): 'directory' | 'file' | 'symlink' | 'other' {
  if (permissions === null) return 'other';
  switch (permissions & S_IFMT) {
    case 0o040000:
      return 'directory';
    case 0o100000:
      return 'file';
    case 0o120000:
      return 'symlink';
    default:
      return 'other';
  }
}
