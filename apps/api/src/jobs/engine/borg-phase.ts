import { BorgEvent } from '@borgitory/borg-runner';
import { forwardBorgEvent } from './forward-borg-event';
import { JobContext, JobProgress } from './job-executor';

/** The borg commands whose running figures say little, so that the progress says which phase they are in. */
export type PhasedCommand = 'prune' | 'compact' | 'check';

/** The phase each command is in before borg says more. */
export const FIRST_PHASE: Record<PhasedCommand, string> = {
  prune: 'Deciding which archives to keep',
  compact: 'Compacting the repository’s segments',
  check: 'Starting the check',
};

/** Between borg's lines: what the executors do after borg has finished. */
export const AFTER_BORG_PHASES = {
  archiveList: 'Reading the archive list again',
  figures: 'Reading the repository’s figures',
} as const;

const CHECK_PHASES: [RegExp, string][] = [
  [/^Starting repository check/, 'Checking the repository’s segments'],
  [/^Starting repository index check/, 'Checking the repository index'],
  [/^Starting archive consistency check/, 'Checking the archives'],
  [/^Starting cryptographic data integrity verification/, 'Verifying the data of every chunk'],
];

/**
 * What a borg event says about the phase of a prune, compact or check, as progress (the phase, and for archives
 * taken one by one, how many of how many); null when it says nothing new. borg's progress percentages of each phase
 * come through forwardBorgEvent as they are.
 */
export function phaseOf(command: PhasedCommand, event: BorgEvent): JobProgress | null {
  if (event.type !== 'log_message') return null;
  const message = event.message.trim();
  if (command === 'check') {
    const archive = /^Analyzing archive (.+) \((\d+)\/(\d+)\)$/.exec(message);
    if (archive) return countedPhase(`Checking archive ${archive[1]}`, archive[2], archive[3]);
    const phase = CHECK_PHASES.find(([pattern]) => pattern.test(message));
    return phase ? { phase: phase[1] } : null;
  }
  if (command === 'prune') {
    const pruning = /^(?:Would prune|Pruning archive) \((\d+)\/(\d+)\):\s+(\S+)/.exec(message);
    if (pruning) return countedPhase(`Removing archive ${pruning[3]}`, pruning[1], pruning[2]);
    if (/^Saving (chunks cache|cache config)/.test(message)) return { phase: 'Saving borg’s cache' };
  }
  return null;
}

function countedPhase(phase: string, current: string, total: string): JobProgress {
  return { phase: `${phase} (${current} of ${total})`, current: Number(current), total: Number(total) };
}

/** forwardBorgEvent, plus the phase the event starts. */
export function forwardPhasedBorgEvent(command: PhasedCommand, event: BorgEvent, context: JobContext): void {
  forwardBorgEvent(event, context);
  const phase = phaseOf(command, event);
  if (phase) context.progress(phase);
}
