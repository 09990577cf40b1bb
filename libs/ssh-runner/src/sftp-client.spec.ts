import { PassThrough } from 'node:stream';
import { SftpClient, SftpStatusError } from './sftp-client';
import { decodeReply, encodePacket, FX, FXP, PacketSplitter, SftpProtocolError } from './sftp-packets';

/** One request as the server sees it: type, id and the fields after them (raw). */
interface Request {
  type: number;
  id: number;
  rest: Buffer;
}

function stringField(rest: Buffer): Buffer {
  return rest.subarray(4, 4 + rest.readUInt32BE(0));
}

function attrs(permissions: number, size: number, mtime: number): Buffer {
  const out = Buffer.alloc(24);
  out.writeUInt32BE(0x1 | 0x4 | 0x8, 0);
  out.writeBigUInt64BE(BigInt(size), 4);
  out.writeUInt32BE(permissions, 12);
  out.writeUInt32BE(mtime, 16);
  out.writeUInt32BE(mtime, 20);
  return out;
}

function nameReply(id: number, names: Array<[string, Buffer]>): Buffer {
  const entries = names.map(([name, attr]) => Buffer.concat([encodeString(name), encodeString(''), attr]));
  return lengthPrefix(Buffer.concat([Buffer.from([FXP.NAME]), u32(id), u32(names.length), ...entries]));
}

function u32(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(value);
  return b;
}
function encodeString(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  return Buffer.concat([u32(bytes.length), bytes]);
}
function lengthPrefix(body: Buffer): Buffer {
  return Buffer.concat([u32(body.length), body]);
}

/** A scripted server: answers each request with what `answer` returns. */
function fakeServer(answer: (request: Request) => Buffer[]) {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const splitter = new PacketSplitter();
  const seen: Request[] = [];
  toServer.on('data', (chunk: Buffer) => {
    for (const body of splitter.push(chunk)) {
      const type = body[0];
      if (type === FXP.INIT) {
        toClient.write(encodePacket(FXP.VERSION, [3]));
        continue;
      }
      const request = { type, id: body.readUInt32BE(1), rest: body.subarray(5) };
      seen.push(request);
      for (const reply of answer(request)) toClient.write(reply);
    }
  });
  return { client: new SftpClient(toServer, toClient), toClient, seen };
}

describe('SftpClient', () => {
  it('lists a directory across READDIR calls, skipping . and .., and closes the handle', async () => {
    let reads = 0;
    const { client, seen } = fakeServer((request) => {
      switch (request.type) {
        case FXP.OPENDIR:
          expect(stringField(request.rest).toString()).toBe('/home/u/my dir');
          return [encodePacket(FXP.HANDLE, [request.id, Buffer.from('h1')])];
        case FXP.READDIR:
          reads += 1;
          if (reads === 1) {
            return [
              nameReply(request.id, [
                ['.', attrs(0o040755, 0, 1)],
                ['a file', attrs(0o100644, 42, 1_700_000_000)],
              ]),
            ];
          }
          if (reads === 2)
            return [
              nameReply(request.id, [
                ['..', attrs(0o040755, 0, 1)],
                ['sub\n"dir"', attrs(0o040700, 4096, 5)],
              ]),
            ];
          return [encodePacket(FXP.STATUS, [request.id, FX.EOF, 'EOF', ''])];
        case FXP.CLOSE:
          return [encodePacket(FXP.STATUS, [request.id, FX.OK, '', ''])];
        default:
          throw new Error(`unexpected ${request.type}`);
      }
    });
    await client.init();
    expect(await client.readdir('/home/u/my dir')).toEqual([
      { name: 'a file', type: 'file', size: 42, modifiedAt: new Date(1_700_000_000_000) },
      { name: 'sub\n"dir"', type: 'directory', size: 4096, modifiedAt: new Date(5000) },
    ]);
    expect(seen.map((r) => r.type)).toEqual([FXP.OPENDIR, FXP.READDIR, FXP.READDIR, FXP.READDIR, FXP.CLOSE]);
  });

  it('asks LSTAT for an entry sent without attributes', async () => {
    const { client, seen } = fakeServer((request) => {
      switch (request.type) {
        case FXP.OPENDIR:
          return [encodePacket(FXP.HANDLE, [request.id, Buffer.from('h')])];
        case FXP.READDIR:
          return seen.filter((r) => r.type === FXP.READDIR).length === 1
            ? [nameReply(request.id, [['link', u32(0)]])]
            : [encodePacket(FXP.STATUS, [request.id, FX.EOF])];
        case FXP.LSTAT:
          expect(stringField(request.rest).toString()).toBe('/d/link');
          return [lengthPrefix(Buffer.concat([Buffer.from([FXP.ATTRS]), u32(request.id), attrs(0o120777, 7, 9)]))];
        default:
          return [encodePacket(FXP.STATUS, [request.id, FX.OK])];
      }
    });
    await client.init();
    expect(await client.readdir('/d/')).toEqual([{ name: 'link', type: 'symlink', size: 7, modifiedAt: new Date(9000) }]);
  });

  it('answers REALPATH with the one name', async () => {
    const { client } = fakeServer((request) => [nameReply(request.id, [['/home/u', u32(0)]])]);
    await client.init();
    expect(await client.realpath('.')).toBe('/home/u');
  });

  it('says whether a path exists by LSTAT: no such file is false, another refusal rejects', async () => {
    const { client } = fakeServer((request) => {
      const path = stringField(request.rest).toString();
      if (path === '/there') return [lengthPrefix(Buffer.concat([Buffer.from([FXP.ATTRS]), u32(request.id), attrs(0o100644, 1, 1)]))];
      const code = path === '/missing' ? FX.NO_SUCH_FILE : FX.PERMISSION_DENIED;
      return [encodePacket(FXP.STATUS, [request.id, code, 'refused', ''])];
    });
    await client.init();
    expect(await client.exists('/there')).toBe(true);
    expect(await client.exists('/missing')).toBe(false);
    await expect(client.exists('/secret/x')).rejects.toBeInstanceOf(SftpStatusError);
  });

  it('rejects with the status of a failed request', async () => {
    const { client } = fakeServer((request) => [encodePacket(FXP.STATUS, [request.id, FX.NO_SUCH_FILE, 'No such file', ''])]);
    await client.init();
    const error = await client.readdir('/nope').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SftpStatusError);
    expect((error as SftpStatusError).status).toBe(FX.NO_SUCH_FILE);
    expect((error as Error).message).toBe('No such file');
  });

  it('fails open requests when the stream ends or breaks', async () => {
    const { client, toClient } = fakeServer(() => []);
    await client.init();
    const pending = client.realpath('.');
    toClient.end();
    await expect(pending).rejects.toThrow('the SFTP connection closed');
    await expect(client.realpath('.')).rejects.toThrow('the SFTP connection closed');
  });

  it('fails on a reply to no request', async () => {
    const { client, toClient } = fakeServer(() => []);
    await client.init();
    const pending = client.realpath('.');
    toClient.write(encodePacket(FXP.STATUS, [999, FX.OK]));
    await expect(pending).rejects.toBeInstanceOf(SftpProtocolError);
  });

  it('decodes what it encodes', () => {
    expect(decodeReply(encodePacket(FXP.STATUS, [3, FX.EOF, 'x', '']).subarray(4))).toEqual({
      type: FXP.STATUS,
      id: 3,
      code: 1,
      message: 'x',
    });
  });
});
