import type { NotificationService } from '../../api/notifications';
import { DescribedField } from '../../components/described-field';
import { SelectField } from '../../components/select-field';
import type { FieldErrors } from '../../forms/form-errors';
import { rawFields } from './apprise-url-values';
import { serviceFieldValue, withServiceField, type ChannelFormValues } from './channel-form-values';

interface AppriseFieldsetProps {
  services: NotificationService[];
  values: ChannelFormValues;
  onChange: (values: ChannelFormValues) => void;
  /** Where the channel sends now (masked), when an edit keeps its stored URL unless the fields are filled in again. */
  storedTarget: string | null;
  /** Messages by the name the form shows them at: `service`, `service.<field>`, `config.url`. */
  errors: FieldErrors;
}

/**
 * The Apprise service and its fields, drawn from what the server describes; the URL is made from them
 * (channelRequest). A refusal of the URL stands at the field that is the whole URL, or else at the service.
 */
export function AppriseFieldset({ services, values, onChange, storedTarget, errors }: AppriseFieldsetProps) {
  const service = services.find((candidate) => candidate.name === values.service);
  const urlField = service ? rawFields(service.url_template)[0] : undefined;
  return (
    <fieldset className="fieldset">
      <legend>Notification service</legend>
      <SelectField
        label="Service"
        name="service"
        value={values.service}
        onChange={(event) => onChange({ ...values, service: event.target.value })}
        hint={service?.description ?? 'Where the messages go; Apprise sends them there.'}
        errors={errors['service'] ?? (urlField ? undefined : errors['config.url'])}
      >
        <option value="" disabled>
          Choose a service…
        </option>
        {services.map((candidate) => (
          <option key={candidate.name} value={candidate.name}>
            {candidate.label}
          </option>
        ))}
      </SelectField>
      {storedTarget !== null && (
        <p className="stored-target">
          It sends to <code className="wrap">{storedTarget}</code> now. That URL is kept unless you fill in the fields again: its tokens are
          never shown.
        </p>
      )}
      {service && (
        <>
          <p className="field__hint">
            <a href={service.docs_url} target="_blank" rel="noreferrer">
              {service.label} in Apprise’s documentation
            </a>
            : what each part is and where to find it.
          </p>
          {service.fields.map((field) => (
            <DescribedField
              key={field.name}
              field={field}
              value={serviceFieldValue(values, field)}
              onChange={(value) => onChange(withServiceField(values, field.name, String(value)))}
              errors={errors[`service.${field.name}`] ?? (field.name === urlField ? errors['config.url'] : undefined)}
              secret={field.type === 'password'}
            />
          ))}
        </>
      )}
    </fieldset>
  );
}
