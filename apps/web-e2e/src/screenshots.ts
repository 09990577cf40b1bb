import { join } from 'node:path';

/** Where the tests save the screenshots a person looks at (git-ignored). */
export function screenshotPath(name: string): string {
  return join(__dirname, '..', 'test-output', 'screenshots', `${name}.png`);
}
