import type { RpcRequest } from './rpc-request-scanner';

/**
 * The exception class a refused request is answered with. borg's client has no class of this name, so it raises
 * its generic RPCError: the message is printed as the error and the class becomes the log line's msgid.
 */
export const REFUSAL_EXCEPTION_CLASS = 'PermissionDenied';

/**
 * A borg 1.2 server's error reply to a request, as its RepositoryServer.serve() writes one: strings as msgpack raw
 * (borg packs with use_bin_type=False and unpacks with raw=True), `exception_trace: false` so that the client prints
 * just the message, not a remote traceback. A legacy tuple request gets the legacy tuple reply, whose error field
 * the client prints in place of a class name. Null when the request had no integer msgid to answer.
 */
export function rpcErrorReply(request: RpcRequest, message: string): Buffer | null {
  if (!request.msgid) return null;
  if (request.form === 'tuple') {
    return Buffer.concat([Buffer.from([0x94, 0x01]), request.msgid, packRaw(message), packRaw('Remote Exception')]);
  }
  const lines = Buffer.concat([Buffer.from([0x91]), packRaw(message)]);
  return Buffer.concat([
    Buffer.from([0x86]),
    packRaw('i'),
    request.msgid,
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

/** A string as msgpack raw (the "str" family), UTF-8. */
export function packRaw(text: string | Buffer): Buffer {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  const n = bytes.length;
  let head: Buffer;
  if (n < 32) head = Buffer.from([0xa0 | n]);
  else if (n < 0x100) head = Buffer.from([0xd9, n]);
  else if (n < 0x10000) head = Buffer.from([0xda, n >> 8, n & 0xff]);
  else {
    head = Buffer.alloc(5);
    head[0] = 0xdb;
    head.writeUInt32BE(n, 1);
  }
  return Buffer.concat([head, bytes]);
}
