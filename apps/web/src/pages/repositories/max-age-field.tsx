import { FormField } from '../../components/form-field';
import { MAX_AGE_HOURS_LIMIT } from './max-age-values';

interface MaxAgeFieldProps {
  value: string;
  onChange: (value: string) => void;
  errors?: string[];
}

/** How old the newest archive may get before the repository counts as overdue (and repository.overdue fires). */
export function MaxAgeField({ value, onChange, errors }: MaxAgeFieldProps) {
  return (
    <FormField
      label="Maximum age of the newest archive (hours)"
      name="max_age_hours"
      type="number"
      min={1}
      max={MAX_AGE_HOURS_LIMIT}
      step={1}
      inputMode="numeric"
      value={value}
      onChange={(event) => onChange(event.target.value)}
      hint="Optional. When the newest archive gets older than this, the repository is overdue and Borgitory says so. Its enabled schedules also expect an archive after each run. Empty: no maximum."
      errors={errors}
    />
  );
}
