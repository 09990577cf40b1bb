import type { Schemas } from '@borgitory/api-client';
import { keepRulesOfPrune, keepRulesSummary } from '../../components/policies/keep-rules';

/** "Keeps 7 daily · 4 weekly of the archives matching docs-*, then compacts." */
export function PruneRulesWords({ parameters }: { parameters: Schemas['PruneParametersDto'] }) {
  const glob = parameters.rules.glob_archives;
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
