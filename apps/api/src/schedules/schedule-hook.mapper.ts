import { DEFAULT_HOOK_TIMEOUT_SECONDS, ScheduleHookDto } from './dto/schedule-hook.dto';
import { ScheduleHook } from './hooks/schedule-hook';

/** A hook as stored: every default filled in. */
export function toScheduleHook(hook: ScheduleHookDto): ScheduleHook {
  return {
    name: hook.name,
    command: hook.command,
    shell: hook.shell ?? false,
    timeout_seconds: hook.timeout_seconds ?? DEFAULT_HOOK_TIMEOUT_SECONDS,
    critical: hook.critical ?? false,
    run_on_failure: hook.run_on_failure ?? false,
    env: hook.env ?? {},
  };
}
