import { get, IncomingHttpHeaders } from 'node:http';
import type { Agent } from 'supertest';
import { isJobFinished, JobStatus } from '@borgitory/job-states';

export interface JobBody {
  id: number;
  status: JobStatus;
  started_at: string | null;
  finished_at: string | null;
  progress: Record<string, unknown> | null;
  result: Record<string, unknown> | null;
  warnings: string[];
  error: { code: string; message: string } | null;
  retry_of_id: number | null;
  [field: string]: unknown;
}

export async function getJob(agent: Agent, id: number): Promise<JobBody> {
  return (await agent.get(`/api/jobs/${id}`).expect(200)).body.data;
}

/** Polls GET /api/jobs/{id} until `done` says so. */
export async function waitForJob(agent: Agent, id: number, done: (job: JobBody) => boolean, timeoutMs = 60_000): Promise<JobBody> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await getJob(agent, id);
    if (done(job)) return job;
    if (Date.now() > deadline) throw new Error(`job ${id} still ${job.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Polls until the job has finished. */
export function waitForFinish(agent: Agent, id: number, timeoutMs = 20_000): Promise<JobBody> {
  return waitForJob(agent, id, (job) => isJobFinished(job.status), timeoutMs);
}

export interface SseMessage {
  event: string;
  id?: string;
  data: string;
}

/** An SSE response being read; `close()` disconnects. No connection pooling, so nothing lingers after a test. */
export interface EventStream {
  status: number;
  headers: IncomingHttpHeaders;
  /** Resolves with the next raw chunk of the body, or null at its end. */
  nextChunk(): Promise<string | null>;
  close(): void;
}

export function openEvents(url: string, headers: Record<string, string>): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const request = get(url, { headers: { Accept: 'text/event-stream', ...headers }, agent: false }, (response) => {
      response.setEncoding('utf8');
      const chunks: (string | null)[] = [];
      let waiting: ((chunk: string | null) => void) | null = null;
      const push = (chunk: string | null) => {
        if (waiting) {
          waiting(chunk);
          waiting = null;
        } else chunks.push(chunk);
      };
      response.on('data', (chunk: string) => push(chunk));
      response.on('end', () => push(null));
      response.on('close', () => push(null));
      resolve({
        status: response.statusCode ?? 0,
        headers: response.headers,
        nextChunk: () => (chunks.length > 0 ? Promise.resolve(chunks.shift() as string | null) : new Promise((next) => (waiting = next))),
        close: () => request.destroy(),
      });
    });
    request.on('error', reject);
  });
}

/**
 * Reads a Server-Sent Events response until `stop` returns true (then
 * disconnects) or the server ends the stream.
 */
export async function readEvents(
  url: string,
  headers: Record<string, string>,
  stop: (message: SseMessage) => boolean = () => false,
): Promise<SseMessage[]> {
  const stream = await openEvents(url, headers);
  if (stream.status !== 200) throw new Error(`stream answered ${stream.status}`);
  const messages: SseMessage[] = [];
  let buffer = '';
  try {
    for (let chunk = await stream.nextChunk(); chunk !== null; chunk = await stream.nextChunk()) {
      buffer += chunk;
      let end = buffer.indexOf('\n\n');
      while (end !== -1) {
        const message = parseBlock(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf('\n\n');
        if (!message) continue;
        messages.push(message);
        if (stop(message)) return messages;
      }
    }
    return messages;
  } finally {
    stream.close();
  }
}

/** `event:`, `id:` and `data:` fields of one block; comment-only blocks (keep-alives) give null. */
function parseBlock(block: string): SseMessage | null {
  const message: SseMessage = { event: 'message', data: '' };
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') message.event = value;
    if (field === 'id') message.id = value;
    if (field === 'data') data.push(value);
  }
  if (data.length === 0) return null;
  message.data = data.join('\n');
  return message;
}
