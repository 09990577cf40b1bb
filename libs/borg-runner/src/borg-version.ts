import { execFile } from 'node:child_process';

export interface BorgVersionOptions {
  timeoutMs?: number;
}

/** Runs `borg --version` and returns the version ("1.2.4"); rejects with a readable message when borg cannot run. */
export function readBorgVersion(borgBin: string, options: BorgVersionOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(borgBin, ['--version'], { timeout: options.timeoutMs ?? 10_000 }, (error, stdout) => {
      if (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const reason = code === 'ENOENT' ? `${borgBin} was not found` : `${borgBin} --version failed: ${error.message}`;
        return reject(new Error(reason));
      }
      const version = /(\d+\.\d+\.\d+\S*)/.exec(stdout)?.[1];
      if (!version) return reject(new Error(`Unexpected output from ${borgBin} --version: ${stdout.trim()}`));
      resolve(version);
    });
  });
}
