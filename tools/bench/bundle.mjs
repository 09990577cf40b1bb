// Bundle part of `npm run bench`: the JavaScript a browser fetches to show the dashboard (`/`) to a logged-in user,
// measured in Debian's chromium (through the project's playwright-core) against the built API serving the built
// SPA. Raw bytes are what the server sends (it does not compress); gzip is zlib's default level over each file,
// what a compressing proxy in front of Borgitory would send. Plain Node ESM; the one package it loads is the
// project's own playwright-core.
import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { count, fail, freePort, log, root, Server, sleep, table } from './common.mjs';

const CHROMIUM = '/usr/bin/chromium';
/** A phone's width: the narrowest layout, and the device for which first-load bytes matter most. */
const VIEWPORT = { width: 390, height: 844 };
/** After the dashboard shows, how long to keep listening for late script requests. */
const SETTLE_MS = 1500;
const WEB_DIR = join(root, 'dist', 'apps', 'web');

const isScript = (url, contentType) => /\.m?js$/.test(new URL(url).pathname) || /javascript/.test(contentType ?? '');
const size = (bytes) => `${count(bytes)} B (${(bytes / 1024).toFixed(1)} KiB)`;
const weight = ({ files, raw, gzip }) => `${files} JS file${files === 1 ? '' : 's'}, ${size(raw)} raw, ${size(gzip)} gzip`;

/** Every script response of the page, in the order they finished: file name, raw bytes, gzip bytes. */
function recordScripts(page) {
  const scripts = [];
  page.on('response', async (response) => {
    if (!isScript(response.url(), response.headers()['content-type'])) return;
    const body = await response.body().catch(() => null);
    if (!body) return;
    scripts.push({
      file: basename(new URL(response.url()).pathname),
      status: response.status(),
      raw: body.length,
      gzip: gzipSync(body).length,
    });
  });
  return scripts;
}

function totals(scripts) {
  return {
    files: scripts.length,
    raw: scripts.reduce((sum, each) => sum + each.raw, 0),
    gzip: scripts.reduce((sum, each) => sum + each.gzip, 0),
  };
}

/** All JavaScript of the build, for scale: what one bundle of everything would weigh. */
function builtScripts() {
  const assets = join(WEB_DIR, 'assets');
  const files = readdirSync(assets).filter((file) => file.endsWith('.js'));
  return totals(
    files.map((file) => {
      const body = readFileSync(join(assets, file));
      return { file, raw: body.length, gzip: gzipSync(body).length };
    }),
  );
}

export async function bundleBench(_options, work) {
  const { chromium } = createRequire(join(root, 'package.json'))('playwright-core');
  const port = await freePort();
  const server = new Server(work, port, { dataName: 'data-bundle', webDir: WEB_DIR });
  let browser = null;
  try {
    await server.waitHealthy();
    const cookie = await server.setup();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
    });
    const context = await browser.newContext({ viewport: VIEWPORT });
    await context.addCookies(
      cookie.split('; ').map((pair) => {
        const at = pair.indexOf('=');
        return { name: pair.slice(0, at), value: pair.slice(at + 1), url: server.base };
      }),
    );
    const page = await context.newPage();
    const scripts = recordScripts(page);

    log('Opening the dashboard (/) in chromium, logged in, with an empty cache…');
    await page.goto(`${server.base}/`);
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor({ timeout: 30_000 });
    await page.getByRole('heading', { name: 'Server health' }).waitFor();
    await sleep(SETTLE_MS);
    const failed = scripts.filter((each) => each.status !== 200);
    if (failed.length) fail(`script requests failed: ${failed.map((each) => `${each.file} (${each.status})`).join(', ')}`);
    const dashboard = [...scripts];
    const first = totals(dashboard);

    log('Following the navigation to Jobs…');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' }).click();
    await page.getByRole('heading', { name: 'Jobs', level: 1 }).waitFor({ timeout: 30_000 });
    await sleep(SETTLE_MS);
    const jobs = totals(scripts.slice(dashboard.length));
    const all = builtScripts();

    console.log('');
    console.log(`Web bundle — first load of the dashboard (/), logged in, ${VIEWPORT.width} px wide`);
    console.log(
      table([
        ...dashboard.map((each) => [each.file, `${size(each.raw)} raw, ${size(each.gzip)} gzip`]),
        ['dashboard first load', weight(first)],
        ['then the Jobs page adds', weight(jobs)],
        ['all JS of the build', weight(all)],
      ]),
    );
    console.log('  (gzip: node:zlib at its default level, per file; the server itself sends the raw bytes)');
    console.log('');
  } finally {
    if (browser) await browser.close();
    await server.stop();
  }
}
