import type { PostHookInput, PreHookInput, Schedule, ScheduleHook } from '../../../api/schedules';

export const DEFAULT_HOOK_TIMEOUT_SECONDS = 600;

/** One hook as the form holds it: text as typed; the shell line and the argument list are kept apart, so switching loses neither. */
export interface HookFormValues {
  /** Stable across edits and moves, for React. */
  key: number;
  name: string;
  shell: boolean;
  /** The line for /bin/sh -c. */
  line: string;
  /** The program and its arguments, one per line. */
  argv: string;
  timeout: string;
  critical: boolean;
  runOnFailure: boolean;
  /** NAME=value, one per line. */
  env: string;
}

export function emptyHook(key: number): HookFormValues {
  return {
    key,
    name: '',
    shell: false,
    line: '',
    argv: '',
    timeout: String(DEFAULT_HOOK_TIMEOUT_SECONDS),
    critical: false,
    runOnFailure: false,
    env: '',
  };
}

export function hookFormValues(hook: ScheduleHook, key: number): HookFormValues {
  return {
    key,
    name: hook.name,
    shell: hook.shell,
    line: hook.shell ? (hook.command[0] ?? '') : '',
    argv: hook.shell ? '' : hook.command.join('\n'),
    timeout: String(hook.timeout_seconds),
    critical: hook.critical,
    runOnFailure: hook.run_on_failure,
    env: Object.entries(hook.env)
      .map(([name, value]) => `${name}=${value}`)
      .join('\n'),
  };
}

/**
 * A pre-hook as the API takes it. Each line of the argument list is one
 * argument exactly as typed (spaces and quotes included, nothing is split or
 * unquoted); empty lines are left out. The timeout is sent as typed: the
 * server says what it cannot use, next to the field.
 */
export function preHookInput(values: HookFormValues): PreHookInput {
  const timeout = values.timeout.trim();
  return {
    name: values.name.trim(),
    shell: values.shell,
    command: values.shell ? [values.line] : lines(values.argv).filter((line) => line !== ''),
    timeout_seconds: timeout === '' ? DEFAULT_HOOK_TIMEOUT_SECONDS : Number(timeout),
    critical: values.critical,
    env: parseEnv(values.env).env,
  };
}

/** A post-hook is sent as a pre-hook is, and says whether it runs on failure too. */
export function postHookInput(values: HookFormValues): PostHookInput {
  return { ...preHookInput(values), run_on_failure: values.runOnFailure };
}

/**
 * NAME=value lines as an object: the name is what comes before the first
 * "=", the value everything after it (spaces included). Empty lines are left
 * out; a line without "=" or a name given twice is a problem, said here since
 * the server would never see it.
 */
export function parseEnv(text: string): { env: Record<string, string>; problems: string[] } {
  const env = new Map<string, string>();
  const problems: string[] = [];
  lines(text).forEach((line, index) => {
    if (line.trim() === '') return;
    const equals = line.indexOf('=');
    if (equals === -1) {
      problems.push(`Line ${index + 1} has no “=”: write NAME=value.`);
      return;
    }
    const name = line.slice(0, equals).trim();
    if (env.has(name)) problems.push(`${name} is set twice.`);
    env.set(name, line.slice(equals + 1));
  });
  return { env: Object.fromEntries(env), problems };
}

function lines(text: string): string[] {
  return text.split('\n').map((line) => line.replace(/\r$/, ''));
}

/** A schedule's hooks as they are stored. */
export type StoredHooks = Pick<Schedule, 'pre_hooks' | 'post_hooks'>;

/**
 * The stored hooks sent back exactly as they are, for a user who may not change hooks: the server refuses a change
 * of them from anyone but an admin, and a PUT without them would remove them.
 */
export function keptHooks(stored: StoredHooks): { pre_hooks: PreHookInput[]; post_hooks: PostHookInput[] } {
  return {
    pre_hooks: stored.pre_hooks.map((hook) => ({
      name: hook.name,
      command: hook.command,
      shell: hook.shell,
      timeout_seconds: hook.timeout_seconds,
      critical: hook.critical,
      env: hook.env,
    })),
    post_hooks: stored.post_hooks.map((hook) => ({ ...hook })),
  };
}
