import { FormField } from '../../components/form-field';
import type { FieldErrors } from '../../forms/form-errors';
import { generateSecret, type ChannelFormValues } from './channel-form-values';

interface WebhookFieldsetProps {
  values: ChannelFormValues;
  onChange: (values: ChannelFormValues) => void;
  /** The server holds a secret that an empty field keeps. */
  secretStored: boolean;
  errors: FieldErrors;
}

/** Where the JSON goes, the secret it is signed with (typed, or generated and shown once), and how a receiver checks it. */
export function WebhookFieldset({ values, onChange, secretStored, errors }: WebhookFieldsetProps) {
  return (
    <fieldset className="fieldset">
      <legend>Webhook</legend>
      <FormField
        label="URL"
        name="webhook_url"
        type="url"
        inputMode="url"
        className="mono"
        autoComplete="off"
        spellCheck={false}
        placeholder="https://example.org/hooks/borgitory"
        value={values.webhookUrl}
        onChange={(event) => onChange({ ...values, webhookUrl: event.target.value })}
        hint="Each event is POSTed there as JSON; any 2xx answer counts as delivered."
        errors={errors['config.url']}
      />
      <div className="webhook-secret">
        <FormField
          label="Signing secret"
          name="webhook_secret"
          type={values.secretGenerated ? 'text' : 'password'}
          className="mono"
          autoComplete="new-password"
          spellCheck={false}
          value={values.webhookSecret}
          onChange={(event) => onChange({ ...values, webhookSecret: event.target.value, secretGenerated: false })}
          hint={
            secretStored ? (
              <>
                <strong>Set</strong> — leave it empty to keep it. 16 to 256 characters.
              </>
            ) : (
              '16 to 256 characters, known only to Borgitory and the receiver.'
            )
          }
          errors={errors['config.secret']}
        />
        <button
          type="button"
          className="button"
          onClick={() => onChange({ ...values, webhookSecret: generateSecret(), secretGenerated: true })}
        >
          Generate
        </button>
      </div>
      {values.secretGenerated && (
        <p className="alert alert--warning" role="status">
          Copy this secret into your receiver now: once the channel is saved, Borgitory never shows it again.
        </p>
      )}
      <details className="webhook-verify">
        <summary>How to verify a delivery</summary>
        <p>
          Each request carries <code>X-Borgitory-Signature: sha256=…</code>, the hex HMAC-SHA256 of the raw body with this secret. Compute
          it over the bytes received, before parsing them, and compare in constant time; <code>X-Borgitory-Delivery</code> is the same on
          every retry. In Node.js:
        </p>
        <pre className="webhook-verify__code">
          {`const expected = Buffer.from('sha256=' +
  createHmac('sha256', secret).update(rawBody).digest('hex'));
const given = Buffer.from(signatureHeader);
given.length === expected.length && timingSafeEqual(given, expected);`}
        </pre>
        <p>
          More, and Python, in <code>docs/notifications.md</code> (Webhooks).
        </p>
      </details>
    </fieldset>
  );
}
