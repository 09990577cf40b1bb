import type { RequestHandler } from 'express';

/** How long one event-loop turn may spend on requests that start at once; later ones wait for the next turns. */
export const TURN_BUDGET_MS = 5;

/**
 * The first middleware: it keeps event-loop turns short when the server is saturated.
 *
 * libuv (Node 20) accepts at most one new connection per event-loop turn. A saturated server that runs every ready
 * request to the end in one turn makes turns of hundreds of milliseconds, so a burst of new clients waits seconds in
 * the kernel's accept queue while the connections already open are served again and again (issue 13: requests timed
 * out in the opening burst). Here a request starts at once while nobody waits and its turn has spent less than
 * `budgetMs`; otherwise it joins a queue that starts one request per turn, in arrival order, so that every turn also
 * accepts a connection and reads what has arrived meanwhile. A request whose client has gone while it waited is
 * dropped.
 */
export function takeTurns(budgetMs = TURN_BUDGET_MS, now: () => number = () => performance.now()): RequestHandler {
  const waiting: Array<{ gone: () => boolean; start: () => void }> = [];
  let turnStartedAt: number | null = null;

  const startOne = (): void => {
    let request = waiting.shift();
    while (request?.gone()) request = waiting.shift();
    // Scheduled from a setImmediate callback, the next one runs in the next turn.
    if (waiting.length > 0) setImmediate(startOne);
    request?.start();
  };

  return (request, _response, next) => {
    if (waiting.length === 0) {
      if (turnStartedAt === null) {
        turnStartedAt = now();
        setImmediate(() => (turnStartedAt = null));
      }
      if (now() - turnStartedAt < budgetMs) return next();
    }
    waiting.push({ gone: () => request.socket.destroyed, start: () => next() });
    if (waiting.length === 1) setImmediate(startOne);
  };
}
