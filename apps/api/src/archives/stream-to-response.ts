import type { Readable } from 'node:stream';
import type { BorgStreamResult } from '@borgitory/borg-runner';
import type { Response } from 'express';

export type StreamOutcome = 'complete' | 'client-gone';

/**
 * Copies borg's output to a response whose headers are set. With a known length the response is complete, and
 * borg is stopped, as soon as that many bytes are out: `borg extract` goes on reading the rest of the archive
 * after the file, which the client need not wait for. A client that goes away stops borg too. Rejects when borg
 * fails mid-stream (the response is then cut, so the client sees an incomplete download).
 */
export function streamToResponse({ stream, done }: BorgStreamResult, res: Response, length: number | null): Promise<StreamOutcome> {
  const source = stream as Readable;
  const stopBorg = () => {
    if (!source.destroyed) source.destroy();
  };
  return new Promise<StreamOutcome>((resolve, reject) => {
    let sent = 0;
    let settled = false;
    const settle = (outcome: StreamOutcome | Error) => {
      if (settled) return;
      settled = true;
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    source.on('error', () => undefined); // the reason arrives through `done`
    source.on('data', (chunk: Buffer) => {
      const part = length === null ? chunk : chunk.subarray(0, Math.max(0, length - sent));
      sent += part.length;
      if (part.length > 0 && !res.write(part)) {
        source.pause();
        res.once('drain', () => source.resume());
      }
      if (length !== null && sent >= length && !res.writableEnded) res.end();
    });
    source.on('end', () => {
      if (!res.writableEnded) res.end();
    });
    res.on('finish', () => {
      stopBorg();
      settle('complete');
    });
    res.on('close', () => {
      if (res.writableFinished) return;
      stopBorg();
      settle('client-gone');
    });
    done.catch((error: unknown) => {
      if (res.writableEnded) return; // stopped on purpose once the file was out
      res.destroy();
      settle(error instanceof Error ? error : new Error(String(error)));
    });
    source.resume();
  });
}
