/** A command run before or after a schedule's backup; stored as the API shows it. */
export interface ScheduleHook {
  name: string;
  /** argv; with shell, one element: the line for /bin/sh -c. */
  command: string[];
  shell: boolean;
  timeout_seconds: number;
  /** A failure stops the run (pre-hooks) or fails it (post-hooks); otherwise it is a warning. */
  critical: boolean;
  /** Post-hooks only: also after a failed or cancelled run. */
  run_on_failure: boolean;
  /** Added to the hook's environment; not secret (it is shown in the API). */
  env: Record<string, string>;
}
