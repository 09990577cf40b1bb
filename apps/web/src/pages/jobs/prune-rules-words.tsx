import type { PruneParameters } from '../../api/prune-job';
import { keepRulesOfPrune, keepRulesSummary } from '../schedules/pruning/keep-rules';

/** "Keeps 7 daily · 4 weekly of the archives matching docs-*, then compacts." */
export function PruneRulesWords({ parameters }: { parameters: PruneParameters }) {
  const glob = parameters.rules.globArchives;
  return (
    <>
      Keeps {keepRulesSummary(keepRulesOfPrune(parameters.rules))}
      {glob ? (
        <>
          {' '}
          of the archives matching <code className="wrap">{glob}</code>
        </>
      ) : (
        ' of every archive'
      )}
      {parameters.compact_after && !parameters.dry_run ? ', then compacts the repository' : ''}.
    </>
  );
}
