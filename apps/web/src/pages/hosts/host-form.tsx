import type { UseMutationResult } from '@tanstack/react-query';
import { useRef, type FormEvent } from 'react';
import type { Host, HostKeyPolicy } from '../../api/hosts';
import { ChoiceGroup } from '../../components/choice-group';
import { FormField } from '../../components/form-field';
import { NameField } from '../../components/name-field';
import { FormActions, SaveForm } from '../../components/save-form';
import { TextAreaField } from '../../components/text-area-field';
import { useFocusFirstProblem } from '../../forms/focus-first-problem';
import { formErrors } from '../../forms/form-errors';
import { useFormValues } from '../../forms/use-form-values';
import { shownHostFields, type HostFormValues } from './host-form-values';

const POLICIES = [
  {
    value: 'accept-new',
    label: 'Trust the key seen at the first connection',
    hint: 'Borgitory keeps the key the host shows the first time it logs in, and refuses any other from then on.',
  },
  {
    value: 'strict',
    label: 'Only this key',
    hint: 'Borgitory logs in only if the host shows the key given below: for a network you do not trust.',
  },
] as const;

/** How the alert names a refused field the form does not show. */
const LABELS = { name: 'Name', address: 'Address', host_key_policy: 'Host key policy', host_key: 'Host key' };

interface HostFormProps<Input extends object> {
  initial: HostFormValues;
  save: UseMutationResult<Host, Error, Input>;
  /** The body to send for the values. */
  request: (values: HostFormValues) => Input;
  submitLabel: string;
  onSaved: (host: Host) => void;
  cancelPath: string;
  /** The host being changed: an unchanged form is not sent, and the key it has is kept unless another is given. */
  saved?: Host;
}

/** A host's name, address and host key policy (with the key for the strict one); the server's refusals at their fields. */
export function HostForm<Input extends object>({ initial, save, request, submitLabel, onSaved, cancelPath, saved }: HostFormProps<Input>) {
  const [values, set] = useFormValues<HostFormValues>(initial);
  const formRef = useRef<HTMLFormElement>(null);
  const input = request(values);
  const errors = formErrors(save.error, { shown: shownHostFields(values), sent: save.variables, current: input, labels: LABELS });
  const knownKey = saved?.host_key_fingerprint ?? null;

  useFocusFirstProblem(formRef, save.error);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saved && Object.keys(input).length === 0) {
      onSaved(saved);
      return;
    }
    save.mutate(input, { onSuccess: onSaved });
  }

  return (
    <SaveForm ref={formRef} className="host-form" onSubmit={submit} busy={save.isPending} alert={errors.alert}>
      <NameField
        value={values.name}
        onChange={set('name')}
        hint="How the host is called in Borgitory, e.g. “NAS” or “Anna’s laptop”."
        errors={errors.fields['name']}
      />
      <FormField
        label="Address"
        name="address"
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        required
        className="mono"
        placeholder="ssh://backup@nas.local:22"
        value={values.address}
        onChange={(event) => set('address')(event.target.value)}
        hint={
          <>
            <code>ssh://user@host:port</code>: the user Borgitory logs in as, the host&rsquo;s name or IP address (an IPv6 address in
            brackets, <code>ssh://backup@[2001:db8::7]:2222</code>) and its ssh port, 22 when left out.
          </>
        }
        errors={errors.fields['address']}
      />
      <ChoiceGroup<HostKeyPolicy>
        legend="Host key policy"
        choices={POLICIES}
        value={values.hostKeyPolicy}
        onChange={set('hostKeyPolicy')}
        errors={errors.fields['host_key_policy']}
      />
      {values.hostKeyPolicy === 'strict' && (
        <TextAreaField
          label="Host key"
          name="host_key"
          className="mono"
          rows={3}
          spellCheck={false}
          autoComplete="off"
          placeholder="ssh-ed25519 AAAA…"
          value={values.hostKey}
          onChange={(event) => set('hostKey')(event.target.value)}
          hint={
            <>
              One line: on the host, <code>cat /etc/ssh/ssh_host_ed25519_key.pub</code> prints it.
              {knownKey && (
                <>
                  {' '}
                  Leave it empty to keep the key known now, <code className="wrap">{knownKey}</code>.
                </>
              )}
            </>
          }
          errors={errors.fields['host_key']}
        />
      )}
      <FormActions submitLabel={submitLabel} busy={save.isPending} cancelPath={cancelPath} />
    </SaveForm>
  );
}
