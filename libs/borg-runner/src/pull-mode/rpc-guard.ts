import { rpcErrorReply } from './rpc-error-reply';
import { RpcRequestScanner, type RpcRequest } from './rpc-request-scanner';

/**
 * The RPC methods a host's borg may call through the tunnel: what `borg create`, `list`, `info` and `extract`
 * call on a borg 1.2 repository server. Left out: `destroy` (borg delete of the repository), `check` (repair can
 * delete), `save_key` (a new repokey would lock Borgitory out), `break_lock`, `inject_exception` (a test hook),
 * `scan` (borg check and debug commands). `delete` is allowed apart, only for ids `put` earlier on the same
 * connection: create deletes its own checkpoint archives' metadata.
 */
export const PULL_MODE_METHODS: readonly string[] = [
  'negotiate', // protocol version: every connection's first request
  'open', // the repository (borg serve restricts it to exactly one)
  'load_key', // a repokey repository's key, encrypted by the passphrase the host holds
  'get', // manifest, archive metadata, chunks: list, info, extract; create's cache synchronisation
  'put', // create: chunks, archive metadata, manifest
  'commit', // create: the archive (and each checkpoint); append-only keeps every earlier transaction
  'rollback', // what a failing client sends on its way out (RemoteRepository.__exit__)
  'get_free_nonce', // create with an AES-CTR key (repokey, keyfile): the encryption counter's reservation
  'commit_nonce_reservation',
  '__len__', // create: the size of the chunk index it builds
  'list', // create --no-cache-sync: the repository's object ids
];

export type RefusalReason = 'method' | 'delete' | 'protocol';

export interface RpcRefusal {
  /** The method refused, printable ASCII only; empty for a stream that was not borg's protocol. */
  method: string;
  reason: RefusalReason;
  /** What the host's borg prints. */
  message: string;
}

export interface GuardStep {
  /** Pieces of the chunks given so far (whole requests only), in order, for borg serve. */
  forward: Buffer[];
  /** Error replies for the host, to be written after borg serve's last reply. */
  replies: Buffer[];
  /** Set by the step in which the guard refused: nothing more reaches borg serve, its stdin should end. */
  refusal: RpcRefusal | null;
}

/**
 * Watches the host's requests to borg serve and passes on whole requests the rules allow, their bytes unchanged.
 * At the first request it refuses, it stops: that request and everything after it is answered with the refusal
 * (so that the host's borg names the rule, whichever request it waits for), and borg serve, whose stdin the caller
 * then ends, rolls back whatever the connection had not committed.
 */
export class RpcGuard {
  private readonly scanner = new RpcRequestScanner();
  /** Ids this connection wrote (32 bytes each, as latin1 strings: half the memory of hex). */
  private readonly written = new Set<string>();
  private held: Buffer[] = [];
  private refused: RpcRefusal | null = null;

  get refusal(): RpcRefusal | null {
    return this.refused;
  }

  push(chunk: Buffer): GuardStep {
    const step: GuardStep = { forward: [], replies: [], refusal: null };
    const { requests, error } = this.scanner.push(chunk);
    let start = 0;
    for (const { end, request } of requests) {
      if (this.refused) {
        this.answer(request, step);
        continue;
      }
      const refusal = this.judge(request);
      if (refusal) {
        this.refused = step.refusal = refusal;
        this.held = [];
        this.answer(request, step);
        continue;
      }
      step.forward.push(...this.held, chunk.subarray(start, end));
      this.held = [];
      start = end;
    }
    if (error && !this.refused) {
      this.refused = step.refusal = { method: '', reason: 'protocol', message: `Borgitory pull mode: ${error}` };
    }
    if (!this.refused && start < chunk.length) this.held.push(chunk.subarray(start));
    return step;
  }

  private judge(request: RpcRequest): RpcRefusal | null {
    const method = request.method?.toString('latin1') ?? '';
    if (request.form === 'other' || request.method === null) {
      return { method: printable(method), reason: 'protocol', message: 'Borgitory pull mode: not a borg RPC request' };
    }
    if (method === 'delete') {
      if (request.id && this.written.has(request.id.toString('latin1'))) return null;
      return {
        method,
        reason: 'delete',
        message:
          "Borgitory pull mode refused 'delete': a host may add archives to this repository but not delete " +
          'what it did not write in this same session (borg delete, prune and compact run on the Borgitory server).',
      };
    }
    if (!PULL_MODE_METHODS.includes(method)) {
      return {
        method: printable(method),
        reason: 'method',
        message:
          `Borgitory pull mode refused '${printable(method)}': a host may only create, list, read and extract ` +
          'archives through this connection.',
      };
    }
    if (method === 'put' && request.id) this.written.add(request.id.toString('latin1'));
    return null;
  }

  private answer(request: RpcRequest, step: GuardStep): void {
    const reply = rpcErrorReply(request, (this.refused as RpcRefusal).message);
    if (reply) step.replies.push(reply);
  }
}

function printable(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?').slice(0, 40);
}
