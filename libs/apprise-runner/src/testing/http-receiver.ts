import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  /** Path and query as requested. */
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** The status to answer with; the answer waits for the promise, so a test can hold a request (or never answer). */
export type ReceiverAnswer = (request: ReceivedRequest, index: number) => number | Promise<number>;

export interface TestHttpReceiver {
  port: number;
  /** Every request so far, in order of arrival. */
  received: ReceivedRequest[];
  /** `json://127.0.0.1:PORT/path`, the Apprise URL that posts to this receiver. */
  appriseUrl(path: string): string;
  /** The n-th request (0-based), once it has arrived. */
  request(index: number): Promise<ReceivedRequest>;
  stop(): Promise<void>;
}

/** An HTTP server on 127.0.0.1 (a free port) that records what is posted to it; answers 200 unless told otherwise. */
export async function startHttpReceiver(answer: ReceiverAnswer = () => 200): Promise<TestHttpReceiver> {
  const received: ReceivedRequest[] = [];
  const waiting = new Map<number, Array<(request: ReceivedRequest) => void>>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      const index = received.push(request) - 1;
      waiting.get(index)?.forEach((resolve) => resolve(request));
      waiting.delete(index);
      void Promise.resolve(answer(request, index)).then(
        (status) => res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 400 ? 'ok' : 'failed'),
        () => res.writeHead(500).end(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    received,
    appriseUrl: (path) => `json://127.0.0.1:${port}/${path.replace(/^\//, '')}`,
    request: (index) =>
      index < received.length
        ? Promise.resolve(received[index])
        : new Promise((resolve) => waiting.set(index, [...(waiting.get(index) ?? []), resolve])),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
