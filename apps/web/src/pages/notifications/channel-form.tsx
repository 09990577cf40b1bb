import type { UseMutationResult } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/errors';
import {
  useNotificationCatalog,
  useNotificationServices,
  type Channel,
  type ChannelInput,
  type ChannelType,
  type NotificationCatalog,
  type NotificationService,
} from '../../api/notifications';
import { useRepositoryOptions, type Repository } from '../../api/repositories';
import { CheckboxField } from '../../components/checkbox-field';
import { ChoiceGroup } from '../../components/choice-group';
import { FormField } from '../../components/form-field';
import { NameField } from '../../components/name-field';
import { FormActions, SaveForm } from '../../components/save-form';
import { focusFirstProblem, useFocusFirstProblem } from '../../forms/focus-first-problem';
import { formErrors } from '../../forms/form-errors';
import { useFormValues } from '../../forms/use-form-values';
import { AppriseFieldset } from './apprise-fieldset';
import { channelRequest, withEvent, withRepository, type ChannelFormValues } from './channel-form-values';
import { EventsFieldset } from './events-fieldset';
import { MessageFieldset } from './message-fieldset';
import { RepositoriesFieldset } from './repositories-fieldset';
import { WebhookFieldset } from './webhook-fieldset';

/** The request fields the form shows a message at. */
const SHOWN = [
  'name',
  'type',
  'config.url',
  'config.secret',
  'events',
  'repository_ids',
  'enabled',
  'template.title',
  'template.body',
  'throttle_minutes',
];

const TYPES = [
  { value: 'apprise', label: 'A notification service', hint: 'Discord, Slack, Telegram, ntfy, e-mail and 100 more, through Apprise.' },
  { value: 'webhook', label: 'A webhook', hint: 'Your own receiver gets each event as JSON, signed with a secret.' },
] as const;

interface ChannelFormProps {
  initial: (services: NotificationService[]) => ChannelFormValues;
  save: UseMutationResult<Channel, Error, ChannelInput>;
  submitLabel: string;
  onSaved: (channel: Channel) => void;
  cancelPath: string;
  /** The channel being changed: which secrets it holds, where it sends. */
  saved?: Channel;
}

/** A channel's form, once the server has said which events, services and repositories there are. */
export function ChannelForm(props: ChannelFormProps) {
  const catalog = useNotificationCatalog();
  const services = useNotificationServices();
  const repositories = useRepositoryOptions();
  const failed = catalog.error ?? services.error ?? repositories.error;
  if (failed) {
    return (
      <p className="alert alert--error page-alert" role="alert">
        {errorMessage(failed)}
      </p>
    );
  }
  if (!catalog.data || !services.data || !repositories.data) {
    return (
      <p className="panel" role="status">
        Loading the events and services…
      </p>
    );
  }
  return <LoadedChannelForm {...props} catalog={catalog.data} services={services.data} repositories={repositories.data.items} />;
}

interface LoadedProps extends ChannelFormProps {
  catalog: NotificationCatalog;
  services: NotificationService[];
  repositories: Repository[];
}

/**
 * The name, where messages go (an Apprise service's fields, or a webhook), what about, and how they read. What
 * the server cannot know (a required service field left empty) is said at the field on submit; the server's
 * refusals appear at the fields they are about.
 */
function LoadedChannelForm({ initial, save, submitLabel, onSaved, cancelPath, saved, catalog, services, repositories }: LoadedProps) {
  const [values, set, setValues] = useFormValues<ChannelFormValues>(() => initial(services));
  const [checked, setChecked] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const { input, problems } = channelRequest(values, services, saved);
  const server = formErrors(save.error, { shown: SHOWN, sent: save.variables, current: input });
  const errors = { ...server.fields, ...(checked ? problems : {}) };
  const keepsUrl = saved?.type === 'apprise' && values.type === 'apprise' && saved.secrets_set.includes('url');
  const order = catalog.events.map((event) => event.name);

  useFocusFirstProblem(formRef, save.error);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(problems).length > 0) {
      requestAnimationFrame(() => focusFirstProblem(formRef.current));
      return;
    }
    save.mutate(input, { onSuccess: onSaved });
  }

  return (
    <SaveForm ref={formRef} className="channel-form" onSubmit={submit} busy={save.isPending} alert={server.alert}>
      <NameField
        value={values.name}
        onChange={set('name')}
        hint="How the channel is called in the lists and the log, e.g. “Family Discord”."
        errors={errors['name']}
      />
      <ChoiceGroup<ChannelType> legend="Send through" choices={TYPES} value={values.type} onChange={set('type')} errors={errors['type']} />
      {values.type === 'apprise' ? (
        <AppriseFieldset
          services={services}
          values={values}
          onChange={setValues}
          storedTarget={keepsUrl && saved ? saved.target : null}
          errors={errors}
        />
      ) : (
        <WebhookFieldset
          values={values}
          onChange={setValues}
          secretStored={saved?.type === 'webhook' && saved.secrets_set.includes('secret')}
          errors={errors}
        />
      )}
      <EventsFieldset
        catalog={catalog}
        value={values.events}
        onChange={(name, chosen) => setValues((current) => withEvent(current, name, chosen, order))}
        errors={errors['events']}
      />
      <RepositoriesFieldset
        repositories={repositories}
        value={values.repositoryIds}
        onScopeChange={(all) => set('repositoryIds')(all ? null : (values.repositoryIds ?? []))}
        onChange={(id, chosen) => setValues((current) => withRepository(current, id, chosen))}
        errors={errors['repository_ids']}
      />
      <fieldset className="fieldset">
        <legend>Repeated failures</legend>
        <FormField
          label="Minutes between the same failure"
          name="throttle_minutes"
          type="number"
          min={0}
          step={1}
          inputMode="numeric"
          value={values.throttleMinutes}
          onChange={(event) => set('throttleMinutes')(event.target.value)}
          hint="A failure like one sent less than this long ago (same event, repository, schedule and error) is logged as suppressed instead of sent. 0 sends every one; empty is 60."
          errors={errors['throttle_minutes']}
        />
      </fieldset>
      {values.type === 'apprise' && (
        <MessageFieldset
          catalog={catalog}
          title={values.title}
          body={values.body}
          onTitleChange={set('title')}
          onBodyChange={set('body')}
          errors={{ title: errors['template.title'], body: errors['template.body'] }}
        />
      )}
      <CheckboxField
        label="Enabled"
        checked={values.enabled}
        onChange={set('enabled')}
        hint="A disabled channel gets no events; a test still goes."
        errors={errors['enabled']}
      />
      <FormActions submitLabel={submitLabel} busy={save.isPending} cancelPath={cancelPath} />
    </SaveForm>
  );
}
