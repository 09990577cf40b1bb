import { decodeReply, encodePacket, entryType, FXP, MAX_PACKET_BYTES, PacketSplitter, SftpProtocolError } from './sftp-packets';

function u32(value: number): Buffer {
  const word = Buffer.alloc(4);
  word.writeUInt32BE(value);
  return word;
}

function u64(value: bigint): Buffer {
  const word = Buffer.alloc(8);
  word.writeBigUInt64BE(value);
  return word;
}

function str(value: string | Buffer): Buffer {
  const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
  return Buffer.concat([u32(bytes.length), bytes]);
}

/** ATTRS with size, uid/gid, permissions, times and one extension. */
function fullAttrs(size: bigint, permissions: number, mtime: number): Buffer {
  return Buffer.concat([
    u32((0x1 | 0x2 | 0x4 | 0x8 | 0x80000000) >>> 0),
    u64(size),
    u32(1000),
    u32(1000),
    u32(permissions),
    u32(mtime - 10),
    u32(mtime),
    u32(1),
    str('ext@example.com'),
    str('data'),
  ]);
}

describe('encodePacket', () => {
  it('writes length, type, uint32s and strings', () => {
    expect(encodePacket(FXP.INIT, [3])).toEqual(Buffer.from([0, 0, 0, 5, 1, 0, 0, 0, 3]));
    expect(encodePacket(FXP.REALPATH, [7, 'é'])).toEqual(Buffer.from([0, 0, 0, 11, 16, 0, 0, 0, 7, 0, 0, 0, 2, 0xc3, 0xa9]));
    expect(encodePacket(FXP.READDIR, [1, Buffer.from([0xff])])).toEqual(Buffer.from([0, 0, 0, 10, 12, 0, 0, 0, 1, 0, 0, 0, 1, 0xff]));
  });
});

describe('decodeReply', () => {
  it('reads VERSION (extensions ignored)', () => {
    const body = Buffer.concat([Buffer.from([FXP.VERSION]), u32(3), str('posix-rename@openssh.com'), str('1')]);
    expect(decodeReply(body)).toEqual({ type: FXP.VERSION, version: 3 });
  });

  it('reads STATUS, with or without its message', () => {
    expect(decodeReply(Buffer.concat([Buffer.from([101]), u32(9), u32(2), str('No such file'), str('')]))).toEqual({
      type: FXP.STATUS,
      id: 9,
      code: 2,
      message: 'No such file',
    });
    expect(decodeReply(Buffer.concat([Buffer.from([101]), u32(9), u32(1)]))).toEqual({ type: FXP.STATUS, id: 9, code: 1, message: '' });
  });

  it('reads HANDLE as bytes', () => {
    expect(decodeReply(Buffer.concat([Buffer.from([102]), u32(4), str(Buffer.from([0, 1, 2]))]))).toEqual({
      type: FXP.HANDLE,
      id: 4,
      handle: Buffer.from([0, 1, 2]),
    });
  });

  it('reads NAME entries with all attributes, names as UTF-8 with their bytes', () => {
    const odd = Buffer.from([0x61, 0xff, 0x62]); // not UTF-8
    const body = Buffer.concat([
      Buffer.from([104]),
      u32(5),
      u32(3),
      str('with space\nand "quotes"'),
      str('-rw-r--r-- long name'),
      fullAttrs(12345678901n, 0o100644, 1_700_000_000),
      str('dir'),
      str('drwxr-xr-x'),
      Buffer.concat([u32(0x4), u32(0o040755)]),
      str(odd),
      str(''),
      u32(0),
    ]);
    const reply = decodeReply(body);
    if (reply.type !== FXP.NAME) throw new Error('not NAME');
    expect(reply.id).toBe(5);
    expect(reply.names.map((n) => n.name)).toEqual(['with space\nand "quotes"', 'dir', 'a\ufffdb']);
    expect(reply.names[2].bytes).toEqual(odd);
    expect(reply.names[0].attrs).toEqual({ size: 12345678901, permissions: 0o100644, mtime: 1_700_000_000 });
    expect(reply.names[1].attrs).toEqual({ size: null, permissions: 0o040755, mtime: null });
    expect(reply.names[2].attrs).toEqual({ size: null, permissions: null, mtime: null });
  });

  it('reads ATTRS', () => {
    expect(decodeReply(Buffer.concat([Buffer.from([105]), u32(2), fullAttrs(5n, 0o120777, 99)]))).toEqual({
      type: FXP.ATTRS,
      id: 2,
      attrs: { size: 5, permissions: 0o120777, mtime: 99 },
    });
  });

  it('refuses a truncated packet', () => {
    expect(() => decodeReply(Buffer.concat([Buffer.from([104]), u32(1), u32(2), str('only one')]))).toThrow(SftpProtocolError);
    expect(() => decodeReply(Buffer.alloc(0))).toThrow(SftpProtocolError);
  });

  it('passes on packets it does not know', () => {
    expect(decodeReply(Buffer.concat([Buffer.from([201]), u32(8)]))).toEqual({ type: 'other', packetType: 201, id: 8 });
  });
});

describe('PacketSplitter', () => {
  it('joins packets split anywhere and splits packets sent together', () => {
    const a = encodePacket(FXP.VERSION, [3]);
    const b = encodePacket(FXP.STATUS, [1, 0, 'ok', '']);
    const stream = Buffer.concat([a, b]);
    for (let cut = 0; cut <= stream.length; cut++) {
      const splitter = new PacketSplitter();
      const bodies = [...splitter.push(stream.subarray(0, cut)), ...splitter.push(stream.subarray(cut))];
      expect(bodies).toEqual([a.subarray(4), b.subarray(4)]);
    }
  });

  it('refuses an impossible length', () => {
    expect(() => new PacketSplitter().push(u32(MAX_PACKET_BYTES + 1))).toThrow(SftpProtocolError);
    expect(() => new PacketSplitter().push(u32(0))).toThrow(SftpProtocolError);
  });
});

describe('entryType', () => {
  it.each([
    [0o040755, 'directory'],
    [0o100600, 'file'],
    [0o120777, 'symlink'],
    [0o010644, 'other'],
    [null, 'other'],
  ])('%o → %s', (permissions, type) => {
    expect(entryType(permissions)).toBe(type);
  });
});
