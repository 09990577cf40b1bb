import type { CheckScope } from '../../../api/check-policies';
import { ChoiceGroup } from '../../../components/choice-group';
import { CHECK_SCOPES } from '../../../components/policies/check-scopes';

interface ScopeChoiceProps {
  value: CheckScope;
  onChange: (scope: CheckScope) => void;
  errors?: string[];
}

/** What borg check looks at: a radio group of the three scopes. */
export function ScopeChoice({ value, onChange, errors }: ScopeChoiceProps) {
  return (
    <ChoiceGroup legend="What to check" className="scope-choice" choices={CHECK_SCOPES} value={value} onChange={onChange} errors={errors} />
  );
}
