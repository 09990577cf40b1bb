import { useTestHost, type Host, type HostTest } from '../../api/hosts';

/** What a test from the list came to: still running, its result, or why it could not run. */
export type ListedTest =
  { host: Host; state: 'testing' } | { host: Host; state: 'done'; result: HostTest } | { host: Host; state: 'failed'; error: unknown };

/** A row's Test (operators and up): logs in to the host and looks for borg and socat, reporting each stage to the list. */
export function TestHostButton({ host, onChange }: { host: Host; onChange: (test: ListedTest) => void }) {
  const test = useTestHost(host.id);
  return (
    <button
      type="button"
      className="button button--small"
      aria-label={test.isPending ? `Testing ${host.name}…` : `Test ${host.name}`}
      disabled={test.isPending}
      onClick={() => {
        onChange({ host, state: 'testing' });
        test.mutate(undefined, {
          onSuccess: (result) => onChange({ host, state: 'done', result }),
          onError: (error) => onChange({ host, state: 'failed', error }),
        });
      }}
    >
      {test.isPending ? 'Testing…' : 'Test'}
    </button>
  );
}
