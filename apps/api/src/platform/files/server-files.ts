import { constants } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { access, lstat, mkdir, readdir, readFile, readlink, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute } from 'node:path';
import { Injectable } from '@nestjs/common';

type FsPath = string | Buffer;

/**
 * The server's file system as services use it (as BorgRunner and RcloneRunner are for processes): asynchronous
 * throughout, so that a slow or hung disk (a dead network mount named as a backup source or restore destination)
 * never holds the event loop, and one place to stand in for in a unit test.
 */
@Injectable()
export class ServerFiles {
  /** Why `path` cannot be read (a directory: read and listed), in words; null when it can. */
  async readProblem(path: string): Promise<string | null> {
    if (!isAbsolute(path)) return `${path} is not an absolute path`;
    try {
      const entry = await stat(path);
      await access(path, entry.isDirectory() ? constants.R_OK | constants.X_OK : constants.R_OK);
      return null;
    } catch (error) {
      const code = errorCode(error);
      return code === 'ENOENT' ? `${path} does not exist` : `${path} cannot be read (${code})`;
    }
  }

  /** Why files cannot be written into `path` (not absolute, missing, not a directory, not writable); null when they can. */
  async writableDirectoryProblem(path: string): Promise<string | null> {
    if (!isAbsolute(path)) return 'must be an absolute path';
    try {
      if (!(await stat(path)).isDirectory()) return `${path} is not a directory`;
      await access(path, constants.W_OK);
      return null;
    } catch (error) {
      return errorCode(error) === 'ENOENT' ? `${path} does not exist` : `${path} is not writable by the server`;
    }
  }

  async exists(path: FsPath): Promise<boolean> {
    try {
      await stat(path);
      return true;
    } catch {
      return false;
    }
  }

  async isEmptyDirectory(path: FsPath): Promise<boolean> {
    return (await readdir(path)).length === 0;
  }

  /**
   * Where `path` really is: the symbolic links of its deepest existing ancestor resolved, the rest kept as written.
   * `path` is absolute and normalized.
   */
  async realLocation(path: Buffer): Promise<Buffer> {
    const components = path.toString('latin1').split('/').filter(Boolean);
    for (let kept = components.length; kept >= 0; kept--) {
      const ancestor = Buffer.from('/' + components.slice(0, kept).join('/'), 'latin1');
      try {
        const real = await realpath(ancestor, { encoding: 'buffer' });
        const rest = components.slice(kept).map((component) => Buffer.from('/' + component, 'latin1'));
        return Buffer.concat([real.equals(Buffer.from('/')) && rest.length ? Buffer.alloc(0) : real, ...rest]);
      } catch (error) {
        if (errorCode(error) !== 'ENOENT' && errorCode(error) !== 'ENOTDIR') throw error;
      }
    }
    return Buffer.from('/');
  }

  /**
   * Every symbolic link under the directory `path` (not followed), with where it points, resolved against its
   * directory; nothing when `path` is not a directory.
   */
  async *symbolicLinksUnder(path: Buffer): AsyncGenerator<{ link: Buffer; pointsTo: Buffer }> {
    const entry = await lstat(path).catch(() => null);
    if (!entry?.isDirectory()) return;
    for (const child of await readdir(path, { withFileTypes: true, encoding: 'buffer' })) {
      const childPath = Buffer.concat([path, Buffer.from('/'), child.name]);
      if (child.isDirectory()) yield* this.symbolicLinksUnder(childPath);
      else if (child.isSymbolicLink()) {
        const written = await readlink(childPath, { encoding: 'buffer' });
        yield { link: childPath, pointsTo: written[0] === 0x2f ? written : Buffer.concat([path, Buffer.from('/'), written]) };
      }
    }
  }

  readText(path: string): Promise<string> {
    return readFile(path, 'utf8');
  }

  /** Writes a file only the server's user can read (0600), in a directory only it can enter (0700) if that is new. */
  async writePrivate(path: string, text: string): Promise<void> {
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    await writeFile(path, text, { mode: 0o600 });
  }

  /** As writePrivate, but readers see the old text or the new, never a part: written beside, then renamed over. */
  async replacePrivate(path: string, text: string): Promise<void> {
    const next = `${path}.${randomUUID()}.tmp`;
    await this.writePrivate(next, text);
    try {
      await rename(next, path);
    } catch (error) {
      await rm(next, { force: true });
      throw error;
    }
  }

  /** A directory only the server's user can enter (0700), made if missing. */
  async makePrivateDirectory(path: string): Promise<void> {
    await mkdir(path, { recursive: true, mode: 0o700 });
  }

  /** Gone afterwards, whether it was there or not. */
  async remove(path: string): Promise<void> {
    await rm(path, { force: true });
  }
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException).code;
}
