import { SectionTabs } from '../../components/section-tabs';
import { DELIVERIES_PATH, NOTIFICATIONS_PATH } from '../../paths/page-paths';

const TABS = [
  { to: NOTIFICATIONS_PATH, label: 'Channels', end: true },
  { to: DELIVERIES_PATH, label: 'Delivery log', end: false },
] as const;

/** The sections under "Notifications": where messages go, and what was sent. */
export function NotificationsTabs() {
  return <SectionTabs label="Notifications" tabs={TABS} />;
}
