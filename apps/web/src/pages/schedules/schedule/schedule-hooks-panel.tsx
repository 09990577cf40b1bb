import { useId } from 'react';
import type { Schedule, ScheduleHook } from '../../../api/schedules';
import { HookCommand } from '../../../components/hook-command';
import { formatDuration } from '../../../format/duration';
import type { StoredHooks } from './hook-values';

/** The pre- and post-hooks in their order: each with its command as it runs and how a failure counts. */
export function ScheduleHooksPanel({ schedule }: { schedule: Schedule }) {
  return (
    <section className="panel" aria-labelledby="hooks-heading">
      <div className="panel__header">
        <h2 id="hooks-heading">Hooks</h2>
      </div>
      <HookLists hooks={schedule} />
    </section>
  );
}

/** Both lists of hooks in words, as they run. */
export function HookLists({ hooks }: { hooks: StoredHooks }) {
  return (
    <div className="hook-lists">
      <HookList title="Pre-hooks, before the backup" hooks={hooks.pre_hooks} phase="pre" />
      <HookList title="Post-hooks, at the end" hooks={hooks.post_hooks} phase="post" />
    </div>
  );
}

function HookList({ title, hooks, phase }: { title: string; hooks: ScheduleHook[]; phase: 'pre' | 'post' }) {
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {hooks.length === 0 ? (
        <p className="muted">No {phase}-hooks.</p>
      ) : (
        <ol className="hook-summary">
          {hooks.map((hook, index) => (
            <li key={index} className="hook-summary__item">
              <span className="hook-summary__name">{hook.name}</span>
              <HookCommand command={hook.command} shell={hook.shell} />
              <p className="hook-summary__facts">
                {[
                  hook.critical
                    ? phase === 'pre'
                      ? 'Critical: a failure stops the run'
                      : 'Critical: a failure fails the run'
                    : 'A failure is a warning',
                  hook.run_on_failure && 'runs on failure too',
                  `timeout ${formatDuration(hook.timeout_seconds)}`,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              {Object.keys(hook.env).length > 0 && (
                <ul className="code-list hook-summary__env" aria-label={`Environment of ${hook.name}`}>
                  {Object.entries(hook.env).map(([name, value]) => (
                    <li key={name}>
                      <code className="wrap">
                        {name}={value}
                      </code>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
