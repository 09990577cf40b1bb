import { existsSync, readdirSync } from 'node:fs';
import { ArchivePath } from './archive-path';

/** Where each restored path lands under the destination once stripComponents leading components are dropped. */
export function restoreTargets(destination: string, paths: ArchivePath[], stripComponents: number): Buffer[] {
  return paths.map((path) => {
    const kept = path.components.slice(stripComponents);
    return Buffer.concat([Buffer.from(destination), ...kept.flatMap((component) => [Buffer.from('/'), component])]);
  });
}

/** Targets that already exist; a target that is the destination itself counts when the destination is not empty. */
export function existingRestoreTargets(destination: string, paths: ArchivePath[], stripComponents: number): Buffer[] {
  const destinationBytes = Buffer.from(destination);
  return restoreTargets(destination, paths, stripComponents).filter((target) =>
    target.equals(destinationBytes) ? readdirSync(destination).length > 0 : existsSync(target),
  );
}
