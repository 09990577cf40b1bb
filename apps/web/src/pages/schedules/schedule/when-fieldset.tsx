import { CheckboxField } from '../../../components/checkbox-field';
import { ComboboxField } from '../../../components/combobox-field';
import type { ComboboxOption } from '../../../components/combobox-options';
import { FormField } from '../../../components/form-field';
import { SelectField } from '../../../components/select-field';
import type { FieldErrors } from '../../../forms/form-errors';
import { useDebouncedValue } from '../../../util/use-debounced-value';
import { CRON_PRESETS, CUSTOM_CRON } from './cron-presets';
import { CronPreview } from './cron-preview';
import { cronExpressionOf, type ScheduleFormValues } from './schedule-form-values';
import { timeZoneChoices, utcOffsetLabel } from './time-zones';

/** The preview is asked for once the user pauses typing for this long. */
const PREVIEW_DELAY_MS = 400;

const BROWSER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

type WhenValues = Pick<ScheduleFormValues, 'cronChoice' | 'customCron' | 'timezone' | 'enabled' | 'catchUp'>;

interface WhenFieldsetProps {
  values: WhenValues;
  onChange: (patch: Partial<WhenValues>) => void;
  errors: FieldErrors;
}

/** When the schedule runs: a preset or a cron expression, in a time zone, with a live preview of the next runs. */
export function WhenFieldset({ values, onChange, errors }: WhenFieldsetProps) {
  const custom = values.cronChoice === CUSTOM_CRON;
  const cronErrors = errors['cron_expression'];
  const previewCron = useDebouncedValue(cronExpressionOf(values), PREVIEW_DELAY_MS);
  const previewZone = useDebouncedValue(values.timezone, PREVIEW_DELAY_MS);

  return (
    <fieldset className="form-section">
      <legend>When</legend>
      <SelectField
        label="Runs"
        name="cron-choice"
        value={values.cronChoice}
        onChange={(event) => {
          const choice = event.target.value;
          // Custom starts from the preset it replaces, to be changed rather than typed afresh.
          if (choice === CUSTOM_CRON) onChange({ cronChoice: choice, customCron: cronExpressionOf(values) });
          else onChange({ cronChoice: choice });
        }}
        hint={custom ? 'Type the cron expression below.' : undefined}
        errors={custom ? undefined : cronErrors}
      >
        {CRON_PRESETS.map((preset) => (
          <option key={preset.expression} value={preset.expression}>
            {preset.label}
          </option>
        ))}
        <option value={CUSTOM_CRON}>Custom (cron expression)…</option>
      </SelectField>
      {custom && (
        <FormField
          label="Cron expression"
          name="cron-expression"
          className="mono"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          placeholder="30 1 * * 1-5"
          value={values.customCron}
          onChange={(event) => onChange({ customCron: event.target.value })}
          hint={
            <>
              Five fields: minute, hour, day of the month, month, day of the week. <code>30 1 * * 1-5</code> is 01:30 from Monday to Friday;{' '}
              <code>*/30 * * * *</code> every half hour.
            </>
          }
          errors={cronErrors}
        />
      )}
      <ComboboxField
        label="Time zone"
        name="timezone"
        options={timeZoneOptions()}
        placeholder="Type to search: Berlin, New York, UTC…"
        value={values.timezone}
        onChange={(timezone) => onChange({ timezone })}
        hint={
          <>
            The times above are on this zone&rsquo;s clock, summer time included. Type part of a city or region to search the IANA zones;
            your browser&rsquo;s, <code>{BROWSER_ZONE}</code>, is first.
          </>
        }
        errors={errors['timezone']}
      />
      <CronPreview cronExpression={previewCron} timezone={previewZone} />
      <CheckboxField
        label="Enabled"
        checked={values.enabled}
        onChange={(enabled) => onChange({ enabled })}
        hint="Runs on its own at these times. A disabled schedule can still be run by hand."
        errors={errors['enabled']}
      />
      <CheckboxField
        label="Catch up a missed run"
        checked={values.catchUp}
        onChange={(catchUp) => onChange({ catchUp })}
        hint="If the server was down when a run was due, run it once as soon as the server is back."
        errors={errors['catch_up']}
      />
    </fieldset>
  );
}

let zoneOptions: ComboboxOption[] | null = null;

/** The IANA zones the browser knows, its own first, each with its offset now; worked out once, as there are about 400. */
function timeZoneOptions(): ComboboxOption[] {
  zoneOptions ??= timeZoneChoices(Intl.supportedValuesOf('timeZone'), BROWSER_ZONE).map((zone) => ({
    value: zone,
    description: zone === BROWSER_ZONE ? `${utcOffsetLabel(zone)}, your browser’s zone` : utcOffsetLabel(zone),
  }));
  return zoneOptions;
}
