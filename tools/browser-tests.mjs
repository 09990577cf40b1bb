// The browser tests in shards that run side by side, each against its own server (its own port, OpenID provider and
// empty data directory; see apps/web-e2e/playwright.config.mts). The specs share one server within a shard and run
// one at a time there, as they always have. Each shard's output is printed whole when it ends, so that the logs of
// two shards do not interleave (a single shard prints as it goes).
//
// A shard keeps about two cores busy (the server, chromium): one shard per two cores, at most four. On two cores the
// tests are CPU-bound, and two shards took as long as one (8.7 min each against 9.4 min) while ReDoc's layout of
// the whole document, under the other shard's load, once missed its 15 s: there it stays one shard.
//
//   node tools/browser-tests.mjs [--shards N] [extra arguments for playwright test]
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { log, root } from './ensure.mjs';

/** Each shard's server takes its port and the next one (the OpenID provider). */
const FIRST_PORT = 8765;
const PORT_STEP = 10;

function shardCount(argv) {
  const at = argv.indexOf('--shards');
  if (at === -1) return { shards: Math.min(4, Math.max(1, Math.floor(availableParallelism() / 2))), rest: argv };
  const shards = Number(argv[at + 1]);
  if (!Number.isInteger(shards) || shards < 1) {
    log(`--shards needs a whole number of at least 1 (got "${argv[at + 1]}")`);
    process.exit(2);
  }
  return { shards, rest: [...argv.slice(0, at), ...argv.slice(at + 2)] };
}

function runShard(index, shards, extra) {
  const args = ['test', '-c', join(root, 'apps/web-e2e/playwright.config.mts'), `--shard=${index}/${shards}`, ...extra];
  const env = { ...process.env, E2E_PORT: String(FIRST_PORT + (index - 1) * PORT_STEP) };
  delete env.E2E_DATA_DIR;
  return new Promise((resolve) => {
    const started = Date.now();
    // Alone, a shard prints as it goes; beside others, its output waits for its end.
    const alone = shards === 1;
    const child = spawn(join(root, 'node_modules', '.bin', 'playwright'), args, {
      cwd: root,
      env,
      stdio: ['ignore', alone ? 'inherit' : 'pipe', alone ? 'inherit' : 'pipe'],
    });
    const output = [];
    child.stdout?.on('data', (chunk) => output.push(chunk));
    child.stderr?.on('data', (chunk) => output.push(chunk));
    child.on('error', (error) => output.push(Buffer.from(`${error.message}\n`)));
    child.on('close', (code, signal) => {
      const seconds = Math.round((Date.now() - started) / 1000);
      log(
        `Browser tests, shard ${index}/${shards} (port ${env.E2E_PORT}): ${code === 0 ? 'passed' : `failed (${code ?? signal})`} in ${seconds} s`,
      );
      process.stdout.write(Buffer.concat(output));
      resolve(code === 0);
    });
  });
}

const { shards, rest } = shardCount(process.argv.slice(2));
const results = await Promise.all(Array.from({ length: shards }, (_, index) => runShard(index + 1, shards, rest)));
process.exit(results.every(Boolean) ? 0 : 1);
