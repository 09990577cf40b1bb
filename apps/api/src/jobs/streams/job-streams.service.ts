import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import type { Response } from 'express';
import { JobDto } from '../dto/job.dto';
import { JobEvent, JobEvents } from './job-events';
import { JobLogs } from '../logs/job-logs';
import { JobSettings } from '../engine/job-settings';
import { isJobFinished } from '@borgitory/job-states';
import { JobsService } from '../jobs.service';
import { SseConnection } from './sse-connection';

/** Log lines sent per file read while a client catches up. */
const CATCH_UP_LINES = 1000;

/**
 * Live job progress over Server-Sent Events. A job's stream replays what the
 * client has not seen (status, latest progress, log lines after
 * Last-Event-ID), then follows the bus; log events carry their end offset as
 * event id, so a reconnecting client resumes the log exactly.
 */
@Injectable()
export class JobStreamsService implements OnApplicationShutdown {
  private readonly open = new Set<SseConnection>();

  constructor(
    private readonly jobs: JobsService,
    private readonly events: JobEvents,
    private readonly logs: JobLogs,
    private readonly settings: JobSettings,
  ) {}

  async streamJob(id: number, lastEventId: string | undefined, response: Response): Promise<void> {
    // Subscribe before reading the job, so that nothing published in between is missed.
    const missed: JobEvent[] = [];
    let deliver = (event: JobEvent) => void missed.push(event);
    const unsubscribe = this.events.subscribe(id, (event) => deliver(event));
    let job: JobDto;
    try {
      job = await this.jobs.get(id);
    } catch (error) {
      unsubscribe();
      throw error;
    }

    const sse = this.connect(response);
    sse.onClose(unsubscribe);
    await sse.send('status', job);
    if (job.progress) await sse.send('progress', job.progress);
    let offset = await this.sendLogs(sse, id, parseOffset(lastEventId));
    if (isJobFinished(job.status)) {
      await sse.send('done', job);
      return sse.end();
    }

    deliver = (event) => {
      switch (event.type) {
        case 'log':
          // Lines read from the file above may come again from the bus.
          if (event.line.offset < offset) return;
          offset = event.nextOffset;
          void sse.send('log', event.line, event.nextOffset);
          return;
        case 'progress':
          void sse.send('progress', event.progress);
          return;
        case 'status':
          void sse.send('status', event.job);
          return;
        case 'done':
          void sse.send('done', event.job).then(() => sse.end());
      }
    };
    for (const event of missed.splice(0)) deliver(event);
  }

  /** Status events of every job, for the dashboard; never ends by itself. */
  streamAll(response: Response): void {
    const sse = this.connect(response);
    const unsubscribe = this.events.subscribeAll((event) => {
      if (event.type === 'status') void sse.send('status', event.job);
    });
    sse.onClose(unsubscribe);
  }

  /** Ends open streams so that the HTTP server can close. */
  onApplicationShutdown(): void {
    for (const sse of [...this.open]) sse.end();
  }

  private connect(response: Response): SseConnection {
    const sse = new SseConnection(response, this.settings.sseKeepAliveMs);
    this.open.add(sse);
    sse.onClose(() => this.open.delete(sse));
    return sse;
  }

  /** Sends the log from `offset` to its current end; returns where the client now is. */
  private async sendLogs(sse: SseConnection, id: number, offset: number): Promise<number> {
    let position = await this.validOffset(id, offset);
    while (!sse.isClosed) {
      const { lines, nextOffset } = await this.logs.read(id, position, CATCH_UP_LINES);
      for (const [index, line] of lines.entries()) {
        await sse.send('log', line, lines[index + 1]?.offset ?? nextOffset);
      }
      position = nextOffset;
      if (lines.length < CATCH_UP_LINES) break;
    }
    return position;
  }

  /** A Last-Event-ID that is not a line start of this log (a stale or foreign id) replays from the beginning. */
  private async validOffset(id: number, offset: number): Promise<number> {
    if (offset === 0) return 0;
    try {
      await this.logs.read(id, offset, 1);
      return offset;
    } catch {
      return 0;
    }
  }
}

function parseOffset(lastEventId: string | undefined): number {
  const offset = Number(lastEventId);
  return lastEventId !== undefined && Number.isSafeInteger(offset) && offset > 0 ? offset : 0;
}
