import { ServerFiles } from '../platform/files/server-files';
import { ArchivePath } from './archive-path';

/** Where each restored path lands under the destination once stripComponents leading components are dropped. */
export function restoreTargets(destination: string, paths: ArchivePath[], stripComponents: number): Buffer[] {
  return paths.map((path) => {
    const kept = path.components.slice(stripComponents);
    return Buffer.concat([Buffer.from(destination), ...kept.flatMap((component) => [Buffer.from('/'), component])]);
  });
}

/** Targets that already exist; a target that is the destination itself counts when the destination is not empty. */
export async function existingRestoreTargets(
  files: ServerFiles,
  destination: string,
  paths: ArchivePath[],
  stripComponents: number,
): Promise<Buffer[]> {
  const destinationBytes = Buffer.from(destination);
  const targets = restoreTargets(destination, paths, stripComponents);
  const taken = await Promise.all(
    targets.map((target) => (target.equals(destinationBytes) ? hasEntries(files, destination) : files.exists(target))),
  );
  return targets.filter((_, index) => taken[index]);
}

async function hasEntries(files: ServerFiles, directory: string): Promise<boolean> {
  return !(await files.isEmptyDirectory(directory));
}
