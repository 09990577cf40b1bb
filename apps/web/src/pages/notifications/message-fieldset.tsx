import type { NotificationCatalog } from '../../api/notifications';
import { FormField } from '../../components/form-field';
import { TextAreaField } from '../../components/text-area-field';

interface MessageFieldsetProps {
  catalog: NotificationCatalog;
  title: string;
  body: string;
  onTitleChange: (title: string) => void;
  onBodyChange: (body: string) => void;
  errors: { title?: string[]; body?: string[] };
}

/** The title and body an Apprise message is made from, with the placeholders they may use and the defaults. */
export function MessageFieldset({ catalog, title, body, onTitleChange, onBodyChange, errors }: MessageFieldsetProps) {
  return (
    <fieldset className="fieldset">
      <legend>Message</legend>
      <p className="field__hint">
        Empty fields use the default. A line whose placeholders are all empty is left out, so one body fits every event.
      </p>
      <FormField
        label="Title (optional)"
        name="template_title"
        className="mono"
        autoComplete="off"
        spellCheck={false}
        placeholder={catalog.default_title}
        value={title}
        onChange={(event) => onTitleChange(event.target.value)}
        hint={
          <>
            Default: <code>{catalog.default_title}</code>
          </>
        }
        errors={errors.title}
      />
      <TextAreaField
        label="Body (optional)"
        name="template_body"
        className="mono"
        rows={4}
        spellCheck={false}
        placeholder={catalog.default_body}
        value={body}
        onChange={(event) => onBodyChange(event.target.value)}
        hint={
          <>
            Default: <code className="message-default">{catalog.default_body}</code>
          </>
        }
        errors={errors.body}
      />
      <div className="placeholders">
        <p className="placeholders__title">Placeholders</p>
        <dl>
          {catalog.placeholders.map((placeholder) => (
            <div key={placeholder.name} className="placeholders__row">
              <dt>
                <code>{`{${placeholder.name}}`}</code>
              </dt>
              <dd>{placeholder.description}</dd>
            </div>
          ))}
        </dl>
      </div>
    </fieldset>
  );
}
