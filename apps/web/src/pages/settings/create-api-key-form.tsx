import { useRef, useState } from 'react';
import { useCreateApiKey, type CreatedApiKey } from '../../api/api-keys';
import type { Role } from '../../api/users';
import { ChoiceGroup } from '../../components/choice-group';
import { FormField } from '../../components/form-field';
import { FormActions, SaveForm } from '../../components/save-form';
import { useFormValues } from '../../forms/use-form-values';
import { useSaveForm } from '../../forms/use-save-form';
import { EMPTY_API_KEY_FORM, localDay, newApiKey, scopeChoices } from './api-key-values';
import { NewApiKey } from './new-api-key';

const SHOWN = ['name', 'scope', 'expires_at'] as const;

/** Makes an API key with a scope up to the user's role; the key is shown once, above the emptied form. */
export function CreateApiKeyForm({ role }: { role: Role }) {
  const create = useCreateApiKey();
  const [values, set, setValues] = useFormValues(EMPTY_API_KEY_FORM);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  // Where focus goes once the new key, which held it, is put away: ready for another key.
  const nameRef = useRef<HTMLInputElement>(null);
  const { formRef, errors, submit } = useSaveForm(create, newApiKey(values), {
    shown: SHOWN,
    onSaved: (key) => {
      setValues(EMPTY_API_KEY_FORM);
      setCreated(key);
    },
  });

  return (
    <section aria-labelledby="new-api-key-heading">
      <SaveForm
        ref={formRef}
        onSubmit={(event) => {
          setCreated(null);
          submit(event);
        }}
        className="settings-form"
        busy={create.isPending}
        alert={errors.alert}
        heading={
          <h2 id="new-api-key-heading" className="settings-heading">
            Create an API key
          </h2>
        }
      >
        {created && (
          <NewApiKey
            created={created}
            onDone={() => {
              setCreated(null);
              nameRef.current?.focus();
            }}
          />
        )}
        <FormField
          ref={nameRef}
          label="Name"
          autoComplete="off"
          hint="What the key is for, such as “nightly report script”."
          value={values.name}
          onChange={(event) => set('name')(event.target.value)}
          errors={errors.fields['name']}
        />
        <ChoiceGroup
          legend="Scope"
          className="api-key-scopes"
          choices={scopeChoices(role)}
          value={values.scope}
          onChange={set('scope')}
          errors={errors.fields['scope']}
        />
        <FormField
          label="Expires on"
          type="date"
          min={localDay(new Date())}
          hint="Optional: the key works until the end of this day. Leave it empty for a key that does not expire."
          value={values.expires_on}
          onChange={(event) => set('expires_on')(event.target.value)}
          errors={errors.fields['expires_at']}
        />
        <FormActions submitLabel="Create key" busyLabel="Creating…" busy={create.isPending} busyStatus="Creating the key…" />
      </SaveForm>
    </section>
  );
}
