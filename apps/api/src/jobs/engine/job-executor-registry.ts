import { Injectable } from '@nestjs/common';
import { JobExecutor } from './job-executor';
import { JobStepType } from '@borgitory/job-states';

/** Feature modules register the executor for their job type in onModuleInit; a step runs the executor of its type. */
@Injectable()
export class JobExecutorRegistry {
  private readonly executors = new Map<JobStepType, JobExecutor>();

  register(executor: JobExecutor): void {
    this.executors.set(executor.type, executor);
  }

  get(type: JobStepType): JobExecutor | undefined {
    return this.executors.get(type);
  }
}
