import { EventData } from '../platform/events/borgitory-event';

/** The data of an event about a repository (the monitors' events): no job, and the schedule or error when there is one. */
export function repositoryEvent(
  repository: { id: number; name: string },
  summary: string,
  figures: EventData['figures'],
  more: Partial<Pick<EventData, 'schedule' | 'error'>> = {},
): EventData {
  return {
    summary,
    repository: { id: repository.id, name: repository.name },
    schedule: more.schedule ?? null,
    job: null,
    error: more.error ?? null,
    figures,
  };
}
