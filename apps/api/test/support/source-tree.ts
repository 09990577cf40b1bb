import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Writes files (path → content) under root. */
export function writeTree(root: string, files: Record<string, string>): string {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** `count` small distinct files in nested directories: enough work for borg to take a few seconds. */
export function writeManyFiles(root: string, count: number): string {
  for (let i = 0; i < count; i++) {
    const dir = join(root, `d${Math.floor(i / 500)}`);
    if (i % 500 === 0) mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `f${i}.txt`), `file ${i} ${'x'.repeat(i % 300)}\n`);
  }
  return root;
}
