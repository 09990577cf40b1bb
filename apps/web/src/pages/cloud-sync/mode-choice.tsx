import type { CloudSyncMode } from '../../api/cloud-sync';
import { ChoiceGroup } from '../../components/choice-group';
import { MODE_CHOICES } from '../../components/cloud-sync/modes';

interface ModeChoiceProps {
  value: CloudSyncMode;
  onChange: (mode: CloudSyncMode) => void;
  errors?: string[];
}

/** Copy (nothing deleted on the remote) or mirror (rclone sync). */
export function ModeChoice({ value, onChange, errors }: ModeChoiceProps) {
  return <ChoiceGroup legend="How to copy" choices={MODE_CHOICES} value={value} onChange={onChange} errors={errors} />;
}
