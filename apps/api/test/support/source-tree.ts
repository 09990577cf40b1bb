import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** `count` small distinct files in nested directories: enough work for borg to take a few seconds. */
export function writeManyFiles(root: string, count: number): string {
  for (let i = 0; i < count; i++) {
    const dir = join(root, `d${Math.floor(i / 500)}`);
    if (i % 500 === 0) mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `f${i}.txt`), `file ${i} ${'x'.repeat(i % 300)}\n`);
  }
  return root;
}
