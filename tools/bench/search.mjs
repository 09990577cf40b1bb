// Search part of `npm run bench`: three repositories of three archives each (100,000 files an archive, the browse
// part's tree), made with borg import-tar and cached; imported into a fresh server, every archive indexed with
// POST …/archives/{name}/index ("Index it now"), then GET /api/search timed for several kinds of query, and the
// per-repository GET /api/repositories/{id}/search for comparison. Plain Node ESM; it loads the server's own index
// reader from the build (dist/apps/api/archive-index-reader.js) to time one archive's scan without HTTP.
//
// See docs/benchmarks.md ("Search") for what the figures mean and the last recorded run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { browseLayout, directoryBytes, ENCRYPTION, importTree, REPO_PASSPHRASE, repoEnv } from './browse.mjs';
import { printProfileSummary, readCpuProfile, summariseCpuProfile } from './cpu-profile.mjs';
import { count, fail, freePort, loadAverage, log, now, procCpu, root, seconds, Server, sleep, table, timeWithCpu } from './common.mjs';

/** Bump when the trees, the archives or the repository settings change: the cached repositories are keyed by it. */
const SEARCH_VERSION = 'search-v1';
const FILES_PER_ARCHIVE = 100_000;
const ARCHIVES_PER_REPOSITORY = 3;
/** Each repository's tree is the browse tree under another top directory; one file exists in one repository only. */
const REPOSITORIES = [
  { name: 'laptop', top: 'home' },
  { name: 'nas', top: 'volume1', rare: true },
  { name: 'server', top: 'srv' },
];
const RARE_FILE = { directory: 'area-04/project-02/docs', name: 'Tax-Return-2026.pdf' };
const ROUNDS = 100;
const WARM_UP = 10;
/** p95 above which a search deserves a profile (with 900,000 indexed entries). */
const LOOK_CLOSER_MS = 100;

const ms = (value) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;

function repositoryLayout(repository) {
  const layout = browseLayout(FILES_PER_ARCHIVE);
  for (const directory of layout.directories) directory.path = repository.top + directory.path.slice('data'.length);
  if (repository.rare) {
    const directory = layout.directories.find((d) => d.path === `${repository.top}/${RARE_FILE.directory}`);
    directory.named.push(RARE_FILE.name);
    directory.entries++;
    layout.files++;
    layout.entries++;
  }
  return layout;
}

const archiveName = (repository, k) => `${repository.name}-2026-11-0${k + 1}`;

/**
 * The cached repositories, or new ones: each archive a tar stream into borg import-tar, a day apart (--timestamp),
 * with other contents and sizes for the same paths (another seed), so that a file's versions differ.
 */
async function ensureRepositories(options) {
  const dir = join(options.cacheDir, `${SEARCH_VERSION}-${FILES_PER_ARCHIVE}`);
  const marker = join(dir, 'ready.json');
  const repos = REPOSITORIES.map((repository) => ({ ...repository, repo: join(dir, repository.name, 'repo') }));
  if (!options.freshRepo && existsSync(marker) && repos.every((r) => existsSync(join(r.repo, 'config')))) {
    const ready = JSON.parse(readFileSync(marker, 'utf8'));
    if (ready.version === SEARCH_VERSION && ready.files === FILES_PER_ARCHIVE && ready.archives === ARCHIVES_PER_REPOSITORY) {
      log(`Using the cached repositories under ${dir} (made ${ready.madeAt} in ${seconds(ready.makeMs)})`);
      return { repos, cached: true, ...ready };
    }
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const env = repoEnv(join(dir, 'borg-base-import'));
  const started = now();
  let tarBytes = 0;
  for (const [r, repository] of repos.entries()) {
    mkdirSync(join(repository.repo, '..'), { recursive: true });
    const init = spawnSync('borg', ['init', `--encryption=${ENCRYPTION}`, repository.repo], { env, encoding: 'utf8' });
    if (init.status !== 0) fail(`borg init failed (exit ${init.status ?? init.signal}): ${init.stderr}`);
    const layout = repositoryLayout(repository);
    for (let k = 0; k < ARCHIVES_PER_REPOSITORY; k++) {
      const name = archiveName(repository, k);
      const timestamp = `2026-11-0${k + 1}T03:00:00`;
      const made = await importTree(`${repository.repo}::${name}`, layout, env, {
        seed: 0x5ea0 + 16 * r + k,
        borgArgs: ['--timestamp', timestamp],
      });
      tarBytes += made.tarBytes;
      log(`  ${name}: ${count(layout.files)} files in ${seconds(made.importMs)}`);
    }
  }
  const makeMs = now() - started;
  rmSync(env.BORG_BASE_DIR, { recursive: true, force: true }); // borg's chunk cache; nothing else reads it
  const repoBytes = repos.reduce((sum, r) => sum + directoryBytes(r.repo).total, 0);
  const ready = {
    version: SEARCH_VERSION,
    files: FILES_PER_ARCHIVE,
    archives: ARCHIVES_PER_REPOSITORY,
    tarBytes,
    repoBytes,
    makeMs,
    madeAt: new Date().toISOString(),
  };
  writeFileSync(marker, `${JSON.stringify(ready, null, 2)}\n`);
  log(`Made ${repos.length * ARCHIVES_PER_REPOSITORY} archives in ${seconds(makeMs)} (${(tarBytes / 2 ** 20).toFixed(0)} MiB of tar)`);
  return { repos, cached: false, ...ready };
}

/** "Index it now" for every archive at once (the server builds two at a time); waits until all are ready. */
async function indexAll(server, cookie, archives) {
  const cpuBefore = procCpu(server.pid);
  const started = now();
  for (const archive of archives) {
    await server.request('POST', `${archive.base}/index`, { cookie, expected: 202 });
  }
  const pending = new Set(archives);
  let lastLog = now();
  while (pending.size > 0) {
    if (server.exited !== null) fail(`the server exited (${server.exited}) while indexing:\n${server.tail()}`);
    await sleep(100);
    for (const archive of [...pending]) {
      const { data: status } = await server.request('GET', `${archive.base}/index`, { cookie });
      if (status.state === 'ready') {
        Object.assign(archive, { readyMs: now() - started, entries: status.entries, indexBytes: status.bytes });
        pending.delete(archive);
      } else if (status.state !== 'building') fail(`the index of ${archive.name} is "${status.state}": ${status.error}`);
    }
    if (now() - lastLog > 5000) {
      log(`  … ${archives.length - pending.size} of ${archives.length} indexes ready, ${seconds(now() - started)}`);
      lastLog = now();
    }
  }
  const wallMs = now() - started;
  const cpuAfter = procCpu(server.pid);
  return {
    wallMs,
    serverCpuMs: (cpuAfter.own - cpuBefore.own) * 1000,
    borgCpuMs: (cpuAfter.children - cpuBefore.children) * 1000,
    entries: archives.reduce((sum, a) => sum + a.entries, 0),
    bytes: archives.reduce((sum, a) => sum + a.indexBytes, 0),
  };
}

/** What an answer holds: hits on the page, hits in all, whether truncated, versions on the page. */
function describe(text, crossRepository) {
  const data = JSON.parse(text).data;
  const versions = crossRepository ? data.hits.reduce((sum, hit) => sum + hit.versions.length, 0) : null;
  return {
    page: data.hits.length,
    total: crossRepository ? data.total : null,
    truncated: data.truncated,
    versions,
    searchedArchives: crossRepository ? data.repositories.reduce((sum, r) => sum + r.searched_archives, 0) : data.searched_archives,
    first: data.hits[0] ? `${data.hits[0].repository?.name ?? ''}:${data.hits[0].path}` : null,
  };
}

/** One archive's index, queried with the server's reader as FileSearch does (limit 1,001), without HTTP: median of 20. */
function readerScans(indexFile, texts) {
  const readerModule = join(root, 'dist', 'apps', 'api', 'archive-index-reader.js');
  if (!existsSync(readerModule)) fail(`${readerModule} does not exist; run without --no-build`);
  const { ArchiveIndexReader } = createRequire(join(root, 'package.json'))(readerModule);
  const reader = new ArchiveIndexReader(indexFile);
  try {
    return texts.map((text) => {
      const searchTimes = [];
      const pathTimes = [];
      let rows = [];
      for (let i = 0; i < 20; i++) {
        let started = now();
        rows = reader.search(text, 1001);
        searchTimes.push(now() - started);
        started = now();
        for (const row of rows) reader.componentsOf(row);
        pathTimes.push(now() - started);
      }
      const median = (values) => values.sort((a, b) => a - b)[values.length >> 1];
      return { text, rows: rows.length, searchMs: median(searchTimes), pathsMs: median(pathTimes) };
    });
  } finally {
    reader.close();
  }
}

function printSearchProfile(profileDir, measured) {
  const files = existsSync(profileDir) ? readdirSync(profileDir).filter((name) => name.endsWith('.cpuprofile')) : [];
  if (files.length !== 1) return log(`expected one .cpuprofile in ${profileDir}, found ${files.length}`);
  const file = join(profileDir, files[0]);
  const profile = readCpuProfile(file);
  console.log(`Server CPU profile (node --cpu-prof; ${file}), cut to the measured calls:`);
  for (const { label, result } of measured) printProfileSummary(label, summariseCpuProfile(profile, [result.window]), { top: 15 });
}

export async function searchBench(options, work) {
  const archivesInAll = REPOSITORIES.length * ARCHIVES_PER_REPOSITORY;
  log(
    `Search: ${REPOSITORIES.length} repositories × ${ARCHIVES_PER_REPOSITORY} archives × ${count(FILES_PER_ARCHIVE)} files ` +
      `(load average ${loadAverage()})`,
  );
  const made = await ensureRepositories(options);

  const dataName = 'search-data';
  const profileDir = options.profileServer ? join(work, 'search-profile') : null;
  const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const server = new Server(work, await freePort(), { dataName, nodeArgs });
  const measured = [];
  try {
    await server.waitHealthy();
    const cookie = await server.setup();
    const archives = [];
    const ids = {};
    const started = now();
    for (const repository of made.repos) {
      const { data: created } = await server.request('POST', '/api/repositories', {
        body: { name: repository.name, path: repository.repo, encryption: ENCRYPTION, passphrase: REPO_PASSPHRASE, initialize: false },
        cookie,
        expected: 201,
      });
      ids[repository.name] = created.id;
      const { data: listed } = await server.request('GET', `/api/repositories/${created.id}/archives`, { cookie });
      for (let k = 0; k < ARCHIVES_PER_REPOSITORY; k++) {
        const name = archiveName(repository, k);
        if (!listed.some((archive) => archive.name === name)) fail(`GET …/archives of ${repository.name} does not list ${name}`);
        archives.push({ name, base: `/api/repositories/${created.id}/archives/${encodeURIComponent(name)}` });
      }
    }
    const importMs = now() - started;
    log(`Imported ${made.repos.length} repositories and read their archive lists in ${seconds(importMs)}`);

    log(`Indexing ${archivesInAll} archives (POST …/index each, the server builds two at a time)…`);
    const loadBeforeIndexing = loadAverage();
    const indexing = await indexAll(server, cookie, archives);
    const onDisk = directoryBytes(join(work, dataName, 'archive-indexes'));
    log(`Indexed ${count(indexing.entries)} entries in ${seconds(indexing.wallMs)}`);

    const loadAtStart = loadAverage();
    const enc = encodeURIComponent;
    const queries = [
      { label: 'rare file name (one repository holds it)', q: 'tax-return-2026' },
      { label: 'common substring, first page of 50', q: 'module' },
      { label: 'directory name', q: 'project-07' },
      { label: 'path fragment (two components)', q: 'project-07/logs' },
      { label: 'no match', q: 'no-such-name-xyz' },
    ].map((query) => ({ ...query, path: `/api/search?q=${enc(query.q)}`, cross: true }));
    queries.push(
      {
        label: 'one repository (…/{id}/search), rare name',
        q: 'tax-return-2026',
        path: `/api/repositories/${ids.nas}/search?q=tax-return-2026`,
      },
      { label: 'one repository (…/{id}/search), common, 100 hits', q: 'module', path: `/api/repositories/${ids.nas}/search?q=module` },
    );
    for (const query of queries) {
      log(`  ${query.label}: GET ${query.path}`);
      const result = await timeWithCpu(server, query.path, { cookie, accept: 'application/json' }, { rounds: ROUNDS, warmUp: WARM_UP });
      measured.push({ ...query, result, answer: describe(result.text, query.cross ?? false) });
    }
    const loadAtEnd = loadAverage();
    const indexFile = onDisk.files.find((file) => file.path.endsWith('.sqlite'))?.path;
    const scans = indexFile ? readerScans(indexFile, ['tax-return-2026', 'module', 'no-such-name-xyz']) : [];

    const hitsCell = ({ answer }) =>
      answer.total === null
        ? `${answer.page} hits${answer.truncated ? ' (truncated)' : ''}`
        : `${answer.page} of ${count(answer.total)} hits${answer.truncated ? ', truncated' : ''}, ${answer.versions} versions`;
    const cell = ({ result }) => `${ms(result.p50)} / ${ms(result.p95)} / ${ms(result.max)}   (server CPU ${ms(result.cpuMs)} a call)`;
    console.log('');
    console.log(
      `Search — ${REPOSITORIES.length} repositories × ${ARCHIVES_PER_REPOSITORY} archives of ${count(FILES_PER_ARCHIVE)} files ` +
        `(${count(indexing.entries)} indexed entries); ${ROUNDS} calls each after ${WARM_UP}, one kept-alive connection (p50 / p95 / max)`,
    );
    console.log(
      table([
        [
          'repositories',
          `${ENCRYPTION}, lz4, ${(made.repoBytes / 2 ** 20).toFixed(0)} MiB on disk ` +
            (made.cached ? `(cached; made ${made.madeAt} in ${seconds(made.makeMs)})` : `(made now in ${seconds(made.makeMs)})`),
        ],
        ['import (POST /api/repositories) and archive lists', seconds(importMs)],
        [
          `indexing ${archivesInAll} archives ("Index it now")`,
          `${seconds(indexing.wallMs)} → ${count(Math.round(indexing.entries / (indexing.wallMs / 1000)))} entries/s; ` +
            `server CPU ${seconds(indexing.serverCpuMs)}, its borg children ${seconds(indexing.borgCpuMs)} (load average ${loadBeforeIndexing})`,
        ],
        [
          'indexes on disk',
          `${(indexing.bytes / 2 ** 20).toFixed(1)} MiB as the API reports them, ${(onDisk.total / 2 ** 20).toFixed(1)} MiB ` +
            `under archive-indexes/ (${onDisk.files.length} files; ${(indexing.bytes / indexing.entries).toFixed(0)} bytes an entry)`,
        ],
        ...measured.flatMap((m) => [
          [`${m.label}: "${m.q}"`, cell(m)],
          [
            '',
            `${hitsCell(m)}; ${count(m.result.bytes)} bytes; ${m.answer.searchedArchives} archives searched` +
              (m.answer.first ? `; first ${m.answer.first}` : ''),
          ],
        ]),
        ...scans.map((scan) => [
          `one archive's index, reader.search("${scan.text}", 1001)`,
          `${ms(scan.searchMs)} (${count(scan.rows)} rows), their paths (componentsOf) ${ms(scan.pathsMs)} (median of 20)`,
        ]),
        [
          'threshold for a closer look',
          `GET /api/search p95 ≤ ${LOOK_CLOSER_MS} ms: ` +
            measured
              .filter((m) => m.cross)
              .map((m) => `"${m.q}" ${m.result.p95 <= LOOK_CLOSER_MS ? 'under' : 'OVER'}`)
              .join(', '),
        ],
      ]),
    );
    console.log(`  (load average: ${loadAtStart} before the timed calls, ${loadAtEnd} at the end; 2 cores are easily shared)`);
    console.log('');
  } finally {
    const exit = await server.stop();
    if (exit !== 0 && exit !== 'SIGTERM') log(`the server exited with ${exit}`);
  }
  if (profileDir) printSearchProfile(profileDir, measured);
}
