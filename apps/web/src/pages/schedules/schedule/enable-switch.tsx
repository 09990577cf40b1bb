import { useState } from 'react';
import { errorMessage } from '../../../api/errors';
import { useToggleSchedule, type Schedule } from '../../../api/schedules';
import { useRoleAtLeast } from '../../../api/roles';

interface EnableSwitchProps {
  schedule: Schedule;
  /** Says "On" or "Off" beside the switch (where there is room for it). */
  withState?: boolean;
}

/**
 * Turns the schedule's timer on or off: a checkbox with the switch role, named
 * after the schedule. It moves at once and stays there while the server
 * answers; a refusal moves it back and says why.
 */
export function EnableSwitch({ schedule, withState = false }: EnableSwitchProps) {
  const toggle = useToggleSchedule();
  const mayToggle = useRoleAtLeast('operator');
  const [wanted, setWanted] = useState<boolean | null>(null);
  const enabled = wanted ?? schedule.enabled;
  return (
    <span className="enable-switch">
      <label className="switch">
        <input
          type="checkbox"
          role="switch"
          className="switch__input"
          checked={enabled}
          // A viewer sees the state; only an operator may change it.
          disabled={!mayToggle}
          // Not disabled while the server answers: that would take the focus away from a keyboard user.
          aria-busy={toggle.isPending || undefined}
          onChange={() => {
            if (toggle.isPending) return;
            setWanted(!schedule.enabled);
            toggle.mutate(schedule.id, { onSettled: () => setWanted(null) });
          }}
        />
        <span className="switch__track" aria-hidden="true" />
        {withState && (
          <span className="switch__state" aria-hidden="true">
            {enabled ? 'On' : 'Off'}
          </span>
        )}
        <span className="visually-hidden">Enable {schedule.name}</span>
      </label>
      {toggle.isError && (
        <span className="enable-switch__error" role="alert">
          {errorMessage(toggle.error)}
        </span>
      )}
    </span>
  );
}
