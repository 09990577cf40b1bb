import type { CloudSyncMode } from '../../api/cloud-sync';
import type { Choice } from '../choice-cards';

/** The two ways of copying, as the form offers them. */
export const MODE_CHOICES: readonly Choice<CloudSyncMode>[] = [
  {
    value: 'copy',
    label: 'Copy (recommended)',
    hint: 'Never deletes there: a file that changed here (which only damage or ransomware does to a borg repository) is moved aside to .replaced/ before it is overwritten, so the copy keeps the good one. It grows, as what prune and compact free here stays there.',
  },
  {
    value: 'sync',
    label: 'Mirror',
    hint: 'Makes the copy the same as the repository, deleting there what is gone here: it takes no more space, but damage here is mirrored there at the next sync.',
  },
];

const SUMMARIES: Record<CloudSyncMode, string> = {
  copy: 'Copy: never deletes there',
  sync: 'Mirror: deletes there what is gone here',
};

/** The mode in a few words, for the list. */
export function modeSummary(mode: CloudSyncMode): string {
  return SUMMARIES[mode] ?? mode;
}
