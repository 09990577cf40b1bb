import { SectionTabs } from '../../components/section-tabs';

const TABS = [
  { to: '/schedules', label: 'Schedules', end: true },
  { to: '/schedules/pruning-policies', label: 'Pruning policies', end: false },
  { to: '/schedules/check-policies', label: 'Check policies', end: false },
] as const;

/** The sections under "Schedules": the schedules themselves and the policies they run. */
export function SchedulesTabs() {
  return <SectionTabs label="Schedules and policies" tabs={TABS} />;
}
