import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { Injectable, Logger } from '@nestjs/common';
import { BorgitoryEvent, EventData } from './borgitory-event';
import { EventName } from './event-names';

const EVENTS = 'event';

/**
 * The one internal stream that jobs, schedules and monitors publish to and that notifications listen to.
 * Publishing never waits for, or fails because of, a listener.
 */
@Injectable()
export class EventStream {
  private readonly logger = new Logger('Events');
  private readonly bus = new EventEmitter().setMaxListeners(0);

  publish(event: EventName, data: EventData, occurredAt = new Date()): BorgitoryEvent {
    const published: BorgitoryEvent = { id: randomUUID(), event, occurred_at: occurredAt.toISOString(), data };
    this.logger.log({ event, event_id: published.id }, data.summary);
    this.bus.emit(EVENTS, published);
    return published;
  }

  /** Returns the unsubscribe function. */
  subscribe(listener: (event: BorgitoryEvent) => void): () => void {
    const safe = (event: BorgitoryEvent) => {
      try {
        listener(event);
      } catch (error) {
        this.logger.warn({ err: error, event: event.event }, 'An event listener failed');
      }
    };
    this.bus.on(EVENTS, safe);
    return () => this.bus.off(EVENTS, safe);
  }
}
