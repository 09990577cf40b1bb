import type { ReactNode } from 'react';
import type { HostKeyPolicy } from '../../api/repositories';
import { SelectField } from '../../components/select-field';
import { TextAreaField } from '../../components/text-area-field';
import type { FieldErrors } from '../../forms/form-errors';
import { SshPublicKey } from './ssh-public-key';

interface SshFieldsetProps {
  privateKey: string;
  onPrivateKeyChange: (value: string) => void;
  privateKeyHint: string;
  /** Disables the private key box (the edit form's "use Borgitory's own key"). */
  privateKeyDisabled?: boolean;
  policy: HostKeyPolicy;
  onPolicyChange: (value: HostKeyPolicy) => void;
  errors: FieldErrors;
  /** Extra controls about the key, shown above the private key box. */
  children?: ReactNode;
}

/** How Borgitory logs in to an ssh repository: its own key or another one, and which host keys it trusts. */
export function SshFieldset({
  privateKey,
  onPrivateKeyChange,
  privateKeyHint,
  privateKeyDisabled = false,
  policy,
  onPolicyChange,
  errors,
  children,
}: SshFieldsetProps) {
  return (
    <fieldset className="fieldset">
      <legend>SSH</legend>
      <SshPublicKey />
      {children}
      <TextAreaField
        label="Use a different private key"
        name="ssh-private-key"
        className="mono"
        rows={4}
        spellCheck={false}
        autoComplete="off"
        placeholder={'-----BEGIN OPENSSH PRIVATE KEY-----\n…'}
        value={privateKey}
        disabled={privateKeyDisabled}
        onChange={(event) => onPrivateKeyChange(event.target.value)}
        hint={privateKeyHint}
        errors={errors['ssh_private_key']}
      />
      <SelectField
        label="Host key policy"
        name="ssh-host-key-policy"
        value={policy}
        onChange={(event) => onPolicyChange(event.target.value as HostKeyPolicy)}
        hint="How Borgitory checks that it talks to the right server."
        errors={errors['ssh_host_key_policy']}
      >
        <option value="accept-new">Trust the server on first connection (recommended)</option>
        <option value="strict">Only connect to servers already in known_hosts</option>
      </SelectField>
    </fieldset>
  );
}
