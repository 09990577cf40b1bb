import type { UseMutationResult } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useCloudProviders, type CloudProvider, type CloudSyncConfig, type CloudSyncConfigInput } from '../../api/cloud-sync';
import { errorMessage } from '../../api/errors';
import { FormField } from '../../components/form-field';
import { NameField } from '../../components/name-field';
import { FormActions, SaveForm } from '../../components/save-form';
import { focusFirstProblem, useFocusFirstProblem } from '../../forms/focus-first-problem';
import { formErrors, NO_FORM_ERRORS } from '../../forms/form-errors';
import { useFormValues } from '../../forms/use-form-values';
import { cloudSyncInput, type CloudSyncFormValues } from './cloud-sync-form-values';
import { ModeChoice } from './mode-choice';
import { ProviderChoice } from './provider-choice';
import { ProviderFields } from './provider-fields';

/** The request fields the form shows a message at, besides the provider's own (`provider_config.<field>`). */
const FIELDS = ['name', 'provider', 'path_prefix', 'mode', 'bandwidth_limit'];

interface CloudSyncFormProps {
  initial: CloudSyncFormValues;
  save: UseMutationResult<CloudSyncConfig, Error, CloudSyncConfigInput>;
  submitLabel: string;
  onSaved: (config: CloudSyncConfig) => void;
  cancelPath: string;
  /** The configuration being changed: which secrets it holds. */
  saved?: CloudSyncConfig;
}

/** A cloud sync configuration's form, once the server has said which providers there are and what they ask. */
export function CloudSyncForm(props: CloudSyncFormProps) {
  const providers = useCloudProviders();
  if (providers.isPending) {
    return (
      <p className="panel" role="status">
        Loading the storage providers…
      </p>
    );
  }
  if (providers.isError) {
    return (
      <p className="alert alert--error page-alert" role="alert">
        {errorMessage(providers.error)}
      </p>
    );
  }
  return <ConfigForm {...props} providers={providers.data} />;
}

/**
 * The name, where to copy to (the provider's fields, drawn from what the
 * server describes), and how. The server checks everything; its messages
 * appear at the fields they are about.
 */
function ConfigForm({
  initial,
  save,
  submitLabel,
  onSaved,
  cancelPath,
  saved,
  providers,
}: CloudSyncFormProps & { providers: CloudProvider[] }) {
  const [values, set, setValues] = useFormValues<CloudSyncFormValues>(initial);
  const [missingProvider, setMissingProvider] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const provider = providers.find((candidate) => candidate.name === values.provider);
  const input = provider ? cloudSyncInput(values, provider) : undefined;
  const shown = [...FIELDS, ...(provider?.fields.map((field) => `provider_config.${field.name}`) ?? [])];
  const errors = input ? formErrors(save.error, { shown, sent: save.variables, current: input }) : NO_FORM_ERRORS;
  // Secrets are kept only while the provider stays the same.
  const storedSecrets = saved && saved.provider === values.provider ? saved.secrets_set : [];

  useFocusFirstProblem(formRef, save.error);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!input) {
      setMissingProvider(true);
      requestAnimationFrame(() => focusFirstProblem(formRef.current));
      return;
    }
    save.mutate(input, { onSuccess: onSaved });
  }

  return (
    <SaveForm ref={formRef} className="cloud-sync-form" onSubmit={submit} busy={save.isPending} alert={errors.alert}>
      <NameField
        value={values.name}
        onChange={set('name')}
        hint="How the configuration is called when you choose it, e.g. “Backblaze” or “NAS at the office”."
        errors={errors.fields['name']}
      />
      <ProviderChoice
        providers={providers}
        value={values.provider}
        onChange={(name) => {
          setValues((current) => ({ ...current, provider: name, preset: '' }));
          setMissingProvider(false);
        }}
        errors={missingProvider ? ['Choose where to copy to.'] : errors.fields['provider']}
      />
      {provider && (
        <ProviderFields provider={provider} values={values} onChange={setValues} storedSecrets={storedSecrets} errors={errors.fields} />
      )}
      <fieldset className="fieldset">
        <legend>The copies</legend>
        <FormField
          label="Folder (optional)"
          name="path_prefix"
          className="mono"
          autoComplete="off"
          spellCheck={false}
          placeholder="borgitory"
          value={values.pathPrefix}
          onChange={(event) => set('pathPrefix')(event.target.value)}
          hint="Where the copies go there. Each repository is copied into a folder of its own below it, named after the repository: borgitory/documents for “Documents”."
          errors={errors.fields['path_prefix']}
        />
        <ModeChoice value={values.mode} onChange={set('mode')} errors={errors.fields['mode']} />
        <FormField
          label="Bandwidth limit (optional)"
          name="bandwidth_limit"
          autoComplete="off"
          spellCheck={false}
          placeholder="10M"
          value={values.bandwidthLimit}
          onChange={(event) => set('bandwidthLimit')(event.target.value)}
          hint="Bytes per second, with K, M or G: 10M is 10 MiB/s. Empty: as fast as the connection goes."
          errors={errors.fields['bandwidth_limit']}
        />
      </fieldset>
      <FormActions submitLabel={submitLabel} busy={save.isPending} cancelPath={cancelPath} />
    </SaveForm>
  );
}
