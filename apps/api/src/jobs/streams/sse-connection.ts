import type { Response } from 'express';

/**
 * One Server-Sent Events response: written directly to express (no envelope),
 * with a keep-alive comment so that proxies keep an idle stream open.
 */
export class SseConnection {
  private closed = false;
  private readonly keepAlive: NodeJS.Timeout;
  private readonly closeHandlers: (() => void)[] = [];

  constructor(
    private readonly response: Response,
    keepAliveMs: number,
  ) {
    response.status(200);
    response.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    response.setHeader('Cache-Control', 'no-cache, no-transform');
    response.setHeader('Connection', 'keep-alive');
    response.setHeader('X-Accel-Buffering', 'no');
    response.flushHeaders();
    this.keepAlive = setInterval(() => this.comment('keep-alive'), keepAliveMs);
    response.once('close', () => this.onClosed());
    // The client may have gone while the job was being read.
    if (response.destroyed || response.socket?.destroyed !== false) this.onClosed();
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Called once, when the client goes away or the stream is ended. */
  onClose(handler: () => void): void {
    if (this.closed) handler();
    else this.closeHandlers.push(handler);
  }

  /** Resolves when the client can take more (write backpressure), or at once. */
  send(event: string, data: unknown, id?: number): Promise<void> {
    if (this.closed) return Promise.resolve();
    const idLine = id === undefined ? '' : `id: ${id}\n`;
    return this.write(`event: ${event}\n${idLine}data: ${JSON.stringify(data)}\n\n`);
  }

  comment(text: string): void {
    if (!this.closed) void this.write(`: ${text}\n\n`);
  }

  end(): void {
    if (!this.closed) this.response.end();
    this.onClosed();
  }

  private write(chunk: string): Promise<void> {
    if (this.response.write(chunk)) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        this.response.off('drain', done);
        this.response.off('close', done);
        resolve();
      };
      this.response.on('drain', done);
      this.response.on('close', done);
    });
  }

  private onClosed(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.keepAlive);
    for (const handler of this.closeHandlers.splice(0)) handler();
  }
}
