import type { Schedule } from '../../../api/schedules';

/**
 * Why Borgitory switched the schedule off (its timer could not be set: an expression that never fires, stored by an
 * older version or edited by hand). Nothing when it did not.
 */
export function DisabledReason({ schedule, inline = false }: { schedule: Schedule; inline?: boolean }) {
  const reason = schedule.disabled_reason;
  if (!reason) return null;
  if (inline) {
    return (
      <span className="schedule-warning" role="note">
        {reason}
      </span>
    );
  }
  return (
    <div className="alert alert--warning page-alert" role="note" aria-label="Switched off by Borgitory">
      <p>
        <strong>Switched off by Borgitory.</strong> {/[.!?]$/.test(reason) ? reason : `${reason}.`}
      </p>
      <p>Edit the schedule with a cron expression that runs, then switch it on again.</p>
    </div>
  );
}
