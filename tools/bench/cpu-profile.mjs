// Summarises a V8 CPU profile (`node --cpu-prof`, a .cpuprofile JSON file): self and total time by function and
// self time by package, optionally only within time windows (µs on CLOCK_MONOTONIC, the profile's own clock).
// Plain Node ESM, built-ins only. Used by load.mjs; also runs alone:
//
//   node tools/bench/cpu-profile.mjs FILE.cpuprofile [--top N] [--windows windows.json [--part idle|busy] [--route ROUTE]]
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export function readCpuProfile(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

const SPECIAL = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

/** Where a function comes from: a package under node_modules, the API bundle, Node's own code, or V8. */
function packageOf(callFrame) {
  const { url, functionName } = callFrame;
  if (SPECIAL.has(functionName)) return functionName;
  if (!url) return '(native: V8 builtins and addons)';
  const modules = url.lastIndexOf('/node_modules/');
  if (modules !== -1) {
    const parts = url.slice(modules + '/node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  if (url.includes('/dist/apps/api/')) return 'borgitory (dist/apps/api/main.js)';
  if (url.startsWith('node:')) return 'node core';
  return url;
}

const functionKey = (callFrame) =>
  `${callFrame.functionName || '(anonymous)'} ${callFrame.url ? `${callFrame.url.replace(/^.*\/node_modules\//, '').replace(/^.*\/dist\//, 'dist/')}:${callFrame.lineNumber + 1}` : ''}`.trim();

/**
 * Self time and total time (the function anywhere on the stack, counted once per sample) by function, and self
 * time by package, over the samples that fall in one of the windows (all samples when none are given).
 */
export function summariseCpuProfile(profile, windows = []) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const inWindow = (t) => windows.length === 0 || windows.some((w) => t >= w.from && t < w.to);

  const self = new Map();
  const total = new Map();
  const packages = new Map();
  let sampledUs = 0;
  const add = (map, key, us) => map.set(key, (map.get(key) ?? 0) + us);
  let t = profile.startTime;
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    t += timeDeltas[i];
    // A sample stands for the time until the next one.
    const us = i + 1 < samples.length ? timeDeltas[i + 1] : 0;
    if (us <= 0 || !inWindow(t)) continue;
    sampledUs += us;
    const leaf = nodes.get(samples[i]);
    add(self, functionKey(leaf.callFrame), us);
    add(packages, packageOf(leaf.callFrame), us);
    const seen = new Set();
    for (let id = samples[i]; id !== undefined; id = parent.get(id)) {
      const key = functionKey(nodes.get(id).callFrame);
      if (!seen.has(key)) add(total, key, us);
      seen.add(key);
    }
  }
  const sorted = (map) => [...map.entries()].sort((a, b) => b[1] - a[1]).map(([key, us]) => ({ key, ms: us / 1000 }));
  const windowUs = windows.length === 0 ? profile.endTime - profile.startTime : windows.reduce((sum, w) => sum + (w.to - w.from), 0);
  return { windowMs: windowUs / 1000, sampledMs: sampledUs / 1000, self: sorted(self), total: sorted(total), packages: sorted(packages) };
}

export function printProfileSummary(title, summary, { top = 25 } = {}) {
  const busyMs = summary.self.filter((entry) => entry.key !== '(idle)').reduce((sum, entry) => sum + entry.ms, 0);
  const share = (value) => `${((100 * value) / summary.sampledMs).toFixed(1).padStart(5)} %`;
  const line = (entry) => `    ${entry.ms.toFixed(0).padStart(7)} ms ${share(entry.ms)}  ${entry.key}`;
  console.log('');
  console.log(
    `  ${title}: ${(summary.windowMs / 1000).toFixed(1)} s of wall time, of which sampled ${(summary.sampledMs / 1000).toFixed(1)} s; ` +
      `on the CPU (not idle) ${(busyMs / 1000).toFixed(1)} s (${share(busyMs).trim()})`,
  );
  console.log('   self time by package:');
  for (const entry of summary.packages.slice(0, 14)) console.log(line(entry));
  console.log(`   self time, top ${top} functions:`);
  for (const entry of summary.self.slice(0, top)) console.log(line(entry));
  console.log(`   total time (on the stack), top ${top} functions:`);
  for (const entry of summary.total.filter((entry) => !['(root)', '(idle)'].includes(entry.key)).slice(0, top)) console.log(line(entry));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const file = args[0];
  if (!file || file.startsWith('--')) {
    console.error(
      'Usage: node tools/bench/cpu-profile.mjs FILE.cpuprofile [--top N] [--windows windows.json [--part idle|busy] [--route ROUTE]]',
    );
    process.exit(2);
  }
  // windows.json (written by the load part): { "idle": { "<route>": { "from": µs, "to": µs } }, "busy": { … } }
  const windows = [];
  if (option('--windows')) {
    const parts = JSON.parse(readFileSync(option('--windows'), 'utf8'));
    for (const [part, routes] of Object.entries(parts)) {
      if (option('--part') && part !== option('--part')) continue;
      for (const [route, window] of Object.entries(routes)) if (!option('--route') || route === option('--route')) windows.push(window);
    }
    if (windows.length === 0) {
      console.error('No window matches --part/--route');
      process.exit(2);
    }
  }
  printProfileSummary(file, summariseCpuProfile(readCpuProfile(file), windows), { top: Number(option('--top') ?? 25) });
}
