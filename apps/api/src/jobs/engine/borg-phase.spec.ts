import { BorgEvent } from '@borgitory/borg-runner';
import { phaseOf } from './borg-phase';

const log = (message: string): BorgEvent => ({ type: 'log_message', level: 'INFO', name: 'borg.archive', message, time: 0 });

describe('phaseOf', () => {
  it('names the phases of borg check from its INFO lines', () => {
    expect(phaseOf('check', log('Starting repository check'))).toEqual({ phase: 'Checking the repository’s segments' });
    expect(phaseOf('check', log('Starting repository index check'))).toEqual({ phase: 'Checking the repository index' });
    expect(phaseOf('check', log('Starting archive consistency check...'))).toEqual({ phase: 'Checking the archives' });
    expect(phaseOf('check', log('Analyzing archive docs-2026-11-03 (2/5)'))).toEqual({
      phase: 'Checking archive docs-2026-11-03 (2 of 5)',
      current: 2,
      total: 5,
    });
    expect(phaseOf('check', log('Index object count match.'))).toBeNull();
  });

  it('counts the archives a prune removes, and names the saving of the cache', () => {
    const line = 'Pruning archive (1/3):                   a2                                   Mon, 2026-11-02 02:00:00 [a7e9]';
    expect(phaseOf('prune', log(line))).toEqual({ phase: 'Removing archive a2 (1 of 3)', current: 1, total: 3 });
    expect(phaseOf('prune', log('Saving chunks cache'))).toEqual({ phase: 'Saving borg’s cache' });
    expect(phaseOf('prune', log('Keeping archive (rule: daily #1):     a3'))).toBeNull();
  });

  it('reads nothing from progress events or from commands without phases of their own', () => {
    const percent: BorgEvent = {
      type: 'progress_percent',
      operation: 1,
      message: 'Compacting segments 6%',
      current: 1,
      total: 18,
      finished: false,
      time: 0,
    };
    expect(phaseOf('compact', percent)).toBeNull();
    expect(phaseOf('compact', log('Starting repository check'))).toBeNull();
  });
});
