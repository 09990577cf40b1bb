/** Common schedules offered by name; any other is typed as a custom cron expression. */
export const CRON_PRESETS: readonly { expression: string; label: string }[] = [
  { expression: '*/15 * * * *', label: 'Every 15 minutes' },
  { expression: '0 * * * *', label: 'Every hour' },
  { expression: '0 2 * * *', label: 'Every day at 02:00' },
  { expression: '0 22 * * 1-5', label: 'Every weekday (Monday to Friday) at 22:00' },
  { expression: '0 3 * * 0', label: 'Every Sunday at 03:00' },
  { expression: '0 4 1 * *', label: 'On the first of every month at 04:00' },
];

export const CUSTOM_CRON = 'custom';

export const DEFAULT_CRON = '0 2 * * *';

/** The preset an expression is (the server keeps it with single spaces), or CUSTOM_CRON. */
export function cronChoiceOf(expression: string): string {
  const normalized = expression.trim().split(/\s+/).join(' ');
  return CRON_PRESETS.find((preset) => preset.expression === normalized)?.expression ?? CUSTOM_CRON;
}
