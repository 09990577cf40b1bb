import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { BorgRunner } from '@borgitory/borg-runner';

/**
 * Runs borg's self-tests once when the server starts; later borg calls then skip them (see BorgRunner.selfTest).
 * The server does not wait for it: calls made meanwhile run the self-tests themselves.
 */
@Injectable()
export class BorgSelfTest implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Borg');
  private readonly stop = new AbortController();

  constructor(private readonly borg: BorgRunner) {}

  onApplicationBootstrap(): void {
    this.borg.selfTest({ signal: this.stop.signal }).catch((error: unknown) => {
      if (this.stop.signal.aborted) return;
      this.logger.warn({ err: error }, "borg's self-tests did not pass; every borg call runs them again");
    });
  }

  onApplicationShutdown(): void {
    this.stop.abort();
  }
}
