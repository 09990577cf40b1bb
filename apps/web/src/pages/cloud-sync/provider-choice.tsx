import type { CloudProvider, ProviderName } from '../../api/cloud-sync';
import { ChoiceGroup } from '../../components/choice-group';

interface ProviderChoiceProps {
  providers: CloudProvider[];
  value: ProviderName | '';
  onChange: (provider: ProviderName) => void;
  errors?: string[];
}

/** Where the copies go: a card per provider, with what it is for. */
export function ProviderChoice({ providers, value, onChange, errors }: ProviderChoiceProps) {
  return (
    <ChoiceGroup
      legend="Where to copy to"
      className="provider-choice"
      choices={providers.map((provider) => ({
        value: provider.name,
        label: provider.label,
        hint: provider.description,
      }))}
      value={value}
      onChange={onChange}
      errors={errors}
    />
  );
}
