import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import type { NextFunction, Request, Response } from 'express';
import { takeTurns } from './request-turns';

/** Counts event-loop turns: a setImmediate that keeps scheduling itself runs once per turn. */
function turnCounter() {
  const counter = { turn: 0, running: true };
  const tick = () => {
    counter.turn++;
    if (counter.running) setImmediate(tick);
  };
  setImmediate(tick);
  return counter;
}

const request = (destroyed = false) => ({ socket: { destroyed } }) as unknown as Request;
const response = {} as Response;
/** Lets `count` event-loop turns pass: counted in turns, not time, so that a busy machine cannot cut it short. */
const settle = (count = 10) =>
  new Promise<void>((resolve) => {
    let left = count;
    const step = () => (--left === 0 ? resolve() : setImmediate(step));
    setImmediate(step);
  });

describe('takeTurns', () => {
  it('starts a request at once while nobody waits and the turn has time left', () => {
    const middleware = takeTurns(5, () => 0);
    const next = jest.fn<void, []>();
    middleware(request(), response, next as NextFunction);
    middleware(request(), response, next as NextFunction);
    expect(next).toHaveBeenCalledTimes(2);
  });

  it('once a turn has spent its time, starts the others one per turn, in the order they came', async () => {
    let clock = 0;
    const middleware = takeTurns(5, () => clock);
    const counter = turnCounter();
    const started: Array<{ name: string; turn: number }> = [];
    const arrive = (name: string) => middleware(request(), response, (() => started.push({ name, turn: counter.turn })) as NextFunction);
    arrive('a');
    clock = 6; // 'a' took 6 ms of this turn
    arrive('b');
    arrive('c');
    arrive('d');
    expect(started.map((entry) => entry.name)).toEqual(['a']);
    await settle();
    counter.running = false;
    expect(started.map((entry) => entry.name)).toEqual(['a', 'b', 'c', 'd']);
    const turns = started.slice(1).map((entry) => entry.turn);
    expect(new Set(turns).size).toBe(3);
    expect(turns).toEqual([...turns].sort((x, y) => x - y));
  });

  it('lets later arrivals wait behind those already waiting, and drops those whose client has gone', async () => {
    let clock = 0;
    const middleware = takeTurns(5, () => clock);
    const started: string[] = [];
    const arrive = (name: string, gone = false) => middleware(request(gone), response, (() => started.push(name)) as NextFunction);
    arrive('a');
    clock = 6;
    arrive('b');
    arrive('gone', true);
    await new Promise((resolve) => setImmediate(resolve));
    clock = 100; // a new turn with time left, but others wait
    arrive('c');
    await settle();
    expect(started).toEqual(['a', 'b', 'c']);
  });

  it('lets a burst of new connections in while the server is saturated', async () => {
    // A handler that keeps the CPU busy for 4 ms per request, like a busy API route. Clients in a worker thread (its
    // own event loop): 20 connections ask again and again; after 0.5 s, 40 new connections open at once and ask too.
    // The measure is work, not time, so that a slow machine slows both sides alike: how many of the 40 have had an
    // answer by the time the 20 busy ones have had 400 more (about 1.6 s of the handler).
    const middleware = takeTurns();
    const server = http.createServer((req, res) => {
      middleware(
        req as Request,
        res as unknown as Response,
        (() => {
          const until = performance.now() + 4;
          while (performance.now() < until);
          res.end('ok');
        }) as NextFunction,
      );
    });
    server.keepAliveTimeout = 10_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const clients = new Worker(
      `const http = require('node:http');
       const { parentPort, workerData } = require('node:worker_threads');
       let asking = true;
       const keepAsking = async (agent, onAnswer) => {
         while (asking) {
           await new Promise((resolve) => {
             const req = http.get({ host: '127.0.0.1', port: workerData.port, agent }, (res) => {
               res.resume();
               res.on('end', () => { onAnswer(); resolve(); });
             });
             req.on('error', resolve);
           });
         }
       };
       const busy = new http.Agent({ keepAlive: true, maxSockets: 20 });
       let burst = false;
       let busyAnswers = 0;
       let answered = 0;
       let fresh;
       const end = () => {
         if (!asking) return;
         asking = false;
         parentPort.postMessage(answered);
         busy.destroy();
         fresh.destroy();
       };
       for (let i = 0; i < 20; i++) keepAsking(busy, () => { if (burst && ++busyAnswers >= 400) end(); });
       setTimeout(() => {
         fresh = new http.Agent({ keepAlive: true, maxSockets: 40 });
         burst = true;
         for (let i = 0; i < 40; i++) {
           let first = true;
           keepAsking(fresh, () => { if (first && ++answered === 40) end(); first = false; });
         }
       }, 500);`,
      { eval: true, workerData: { port } },
    );
    const answered = await new Promise<number>((resolve) => clients.once('message', resolve));
    await clients.terminate();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    // Without takeTurns, 8–10 of the 40 new connections had an answer in that time here.
    expect(answered).toBe(40);
  }, 20_000);
});
