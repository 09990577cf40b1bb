import type { JobStatus, JobType } from '@borgitory/job-states';
import type { EventName } from './event-names';

/** What an event is about, in the same words everywhere: webhooks carry it as `data`, templates read from it. */
export interface EventData {
  /** One sentence saying what happened and where, for people. */
  summary: string;
  repository: { id: number; name: string } | null;
  schedule: { id: number; name: string } | null;
  job: { id: number; type: JobType; status: JobStatus; url: string } | null;
  error: { code: string; message: string } | null;
  /** Numbers that go with the event: a backup's sizes and file count, an overdue repository's age, free space. */
  figures: Record<string, number | string | null>;
}

export interface BorgitoryEvent {
  /** A UUID; a webhook delivery of this event carries it as `id`. */
  id: string;
  event: EventName;
  /** ISO 8601. */
  occurred_at: string;
  data: EventData;
}
