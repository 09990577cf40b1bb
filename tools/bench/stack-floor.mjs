// The floor under the load goals: the decided HTTP stack with none of Borgitory's code. A Nest application with
// helmet's headers, express-session (a memory store, a signed cookie), one route that checks the session and
// answers four constant rows in the envelope, and one pino line per answer — measured exactly as load.mjs measures
// the server (autocannon in this process, 100 connections, 10 s, after a 1 s warm-up). Plain Node ESM:
//
//   node tools/bench/stack-floor.mjs [--connections N] [--seconds N] [--runs N]
//
// See docs/benchmarks.md ("Load").
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { freePort, sleep } from './common.mjs';

const require = createRequire(import.meta.url);

async function serve(port) {
  require('reflect-metadata');
  const { NestFactory } = require('@nestjs/core');
  const { Controller, Get, Module, Post, Req, UnauthorizedException } = require('@nestjs/common');
  const session = require('express-session');
  const helmet = require('helmet');
  const pino = require('pino');
  const log = pino(pino.destination({ dest: '/dev/null', sync: true }));
  const rows = Array.from({ length: 4 }, (_, i) => ({ id: i + 1, name: `repository ${i + 1}`, path: `/srv/borg/${i + 1}` }));

  class FloorController {
    list(req) {
      if (req.session.userId === undefined) throw new UnauthorizedException();
      return { success: true, data: rows };
    }
    login(req) {
      req.session.userId = 1;
      return { success: true };
    }
  }
  Get('repositories')(FloorController.prototype, 'list', Object.getOwnPropertyDescriptor(FloorController.prototype, 'list'));
  Req()(FloorController.prototype, 'list', 0);
  Post('login')(FloorController.prototype, 'login', Object.getOwnPropertyDescriptor(FloorController.prototype, 'login'));
  Req()(FloorController.prototype, 'login', 0);
  Controller('api')(FloorController);
  class FloorModule {}
  Module({ controllers: [FloorController] })(FloorModule);

  const app = await NestFactory.create(FloorModule, { logger: false });
  app.use(helmet());
  app.use((req, res, next) => {
    const start = performance.now();
    res.on('finish', () => log.info({ method: req.method, url: req.url, status: res.statusCode, ms: performance.now() - start }));
    next();
  });
  app.use(session({ secret: 'floor '.repeat(8), resave: false, saveUninitialized: false, cookie: { httpOnly: true, sameSite: 'strict' } }));
  await app.listen(port, '127.0.0.1');
  process.send('listening');
}

async function measure(options) {
  const autocannon = require('autocannon');
  const port = await freePort();
  const server = fork(import.meta.filename, ['--serve', String(port)], { stdio: 'inherit' });
  await new Promise((resolve, reject) => {
    server.once('message', resolve);
    server.once('exit', (code) => reject(new Error(`the floor server exited with ${code}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  const login = await fetch(`${base}/api/login`, { method: 'POST' });
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const url = `${base}/api/repositories`;
  console.log(`Stack floor: ${options.connections} connections, ${options.seconds} s per run`);
  for (let run = 1; run <= options.runs; run++) {
    await autocannon({ url, connections: 10, duration: 1, headers: { cookie } });
    const result = await autocannon({ url, connections: options.connections, duration: options.seconds, headers: { cookie } });
    const rate = Math.round(result.requests.total / options.seconds);
    console.log(
      `  run ${run}: ${rate} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ` +
        `errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}`,
    );
    await sleep(500);
  }
  server.kill('SIGTERM');
}

function option(name, fallback) {
  const at = process.argv.indexOf(name);
  if (at === -1) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} takes a whole number ≥ 1`);
  return value;
}

if (process.argv[2] === '--serve') await serve(Number(process.argv[3]));
else await measure({ connections: option('--connections', 100), seconds: option('--seconds', 10), runs: option('--runs', 3) });
