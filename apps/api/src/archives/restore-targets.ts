import { ServerFiles } from '../platform/files/server-files';
import { ArchivePath } from './archive-path';

/** borg keeps paths without their leading slash, so extracting in the root puts each file back where it was backed up from. */
export const ORIGINAL_LOCATION = '/';

export type RestoreTarget = { ok: true; destination: string } | { ok: false; problems: Record<string, string[]> };

/**
 * The directory borg extracts in. Restoring to the original location replaces
 * the files there, so it is only done when asked with overwrite, and without
 * a destination or stripped components that would contradict it.
 */
export function restoreTarget(input: {
  destination?: string;
  strip_components?: number;
  overwrite?: boolean;
  to_original_location?: boolean;
}): RestoreTarget {
  if (!input.to_original_location) {
    return input.destination
      ? { ok: true, destination: input.destination }
      : { ok: false, problems: { destination: ['Choose a destination directory'] } };
  }
  const problems: Record<string, string[]> = {};
  if (input.destination !== undefined) problems['destination'] = ['Leave the destination out when restoring to the original location'];
  if (input.strip_components) problems['strip_components'] = ['Files restored to their original location keep their whole path'];
  if (input.overwrite !== true) {
    problems['overwrite'] = ['Restoring to the original location replaces the files there; confirm it with overwrite'];
  }
  return Object.keys(problems).length ? { ok: false, problems } : { ok: true, destination: ORIGINAL_LOCATION };
}

/** Where each restored path lands under the destination once stripComponents leading components are dropped. */
export function restoreTargets(destination: string, paths: ArchivePath[], stripComponents: number): Buffer[] {
  const base = Buffer.from(destination.replace(/\/+$/, ''));
  return paths.map((path) => {
    const kept = path.components.slice(stripComponents);
    if (kept.length === 0) return Buffer.from(destination);
    return Buffer.concat([base, ...kept.flatMap((component) => [Buffer.from('/'), component])]);
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
