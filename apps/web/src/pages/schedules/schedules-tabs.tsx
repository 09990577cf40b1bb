import { NavLink } from 'react-router-dom';
import './schedules-tabs.css';

const TABS = [
  { to: '/schedules', label: 'Schedules', end: true },
  { to: '/schedules/pruning-policies', label: 'Pruning policies', end: false },
  { to: '/schedules/check-policies', label: 'Check policies', end: false },
] as const;

/** The sections under "Schedules": the schedules themselves and the policies they run. */
export function SchedulesTabs() {
  return (
    <nav className="section-tabs" aria-label="Schedules and policies">
      <ul>
        {TABS.map((tab) => (
          <li key={tab.to}>
            <NavLink to={tab.to} end={tab.end}>
              {tab.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
