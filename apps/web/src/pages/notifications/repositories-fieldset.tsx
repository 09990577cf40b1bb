import type { Repository } from '../../api/repositories';
import { CheckboxField } from '../../components/checkbox-field';
import { ChoiceGroup } from '../../components/choice-group';

const SCOPES = [
  { value: 'all', label: 'All repositories', hint: 'Those added later too, and events about no repository.' },
  { value: 'chosen', label: 'Only these', hint: 'Events about the repositories chosen below.' },
] as const;

interface RepositoriesFieldsetProps {
  repositories: Repository[];
  /** null: every repository. */
  value: number[] | null;
  onScopeChange: (all: boolean) => void;
  onChange: (id: number, chosen: boolean) => void;
  errors?: string[];
}

/** Whether the channel hears about every repository or about some: a checkbox each. */
export function RepositoriesFieldset({ repositories, value, onScopeChange, onChange, errors }: RepositoriesFieldsetProps) {
  return (
    <fieldset className="fieldset">
      <legend>Which repositories</legend>
      <ChoiceGroup
        legend="Events about"
        choices={SCOPES}
        value={value === null ? 'all' : 'chosen'}
        onChange={(scope) => onScopeChange(scope === 'all')}
        errors={errors}
      />
      {value !== null && (
        <fieldset className="choice-group repository-choices">
          <legend>Repositories to tell about</legend>
          {repositories.length === 0 && <p className="muted">There are no repositories yet.</p>}
          {repositories.map((repository) => (
            <CheckboxField
              key={repository.id}
              label={repository.name}
              checked={value.includes(repository.id)}
              onChange={(chosen) => onChange(repository.id, chosen)}
            />
          ))}
        </fieldset>
      )}
    </fieldset>
  );
}
