import { ChoiceCards, type Choice } from '../../components/choice-cards';

export type RepositoryMode = 'create' | 'import';

const CHOICES: Choice<RepositoryMode>[] = [
  {
    value: 'create',
    label: 'Create a new repository',
    hint: 'Borgitory runs borg init at the location, which must be empty or not exist yet.',
  },
  {
    value: 'import',
    label: 'Import an existing repository',
    hint: 'Use a repository made earlier, by Borgitory or by borg itself.',
  },
];

interface ModeChoiceProps {
  value: RepositoryMode;
  onChange: (mode: RepositoryMode) => void;
}

/** Create a new repository or import one that exists: a radio group. */
export function ModeChoice({ value, onChange }: ModeChoiceProps) {
  return (
    <fieldset className="choice-group">
      <legend>What would you like to do?</legend>
      <ChoiceCards choices={CHOICES} value={value} onChange={onChange} />
    </fieldset>
  );
}
