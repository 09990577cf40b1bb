import type { AuditOutcome } from '../../api/audit';

const LOOKS: Record<AuditOutcome, { label: string; tone: string }> = {
  succeeded: { label: 'Succeeded', tone: 'badge--ok' },
  refused: { label: 'Refused', tone: 'audit-refused' },
  failed: { label: 'Failed', tone: 'badge--error' },
};

/** How a request ended, as a coloured badge, with its HTTP status beside the words. */
export function AuditOutcomeBadge({ outcome, status }: { outcome: AuditOutcome; status: number }) {
  const look = LOOKS[outcome];
  return (
    <span className={`badge ${look.tone}`}>
      {look.label} <span className="audit-status">{status}</span>
    </span>
  );
}
