import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { RcloneError, RcloneRunner } from '@borgitory/rclone-runner';
import { JobDto } from '../jobs/dto/job.dto';
import { JobsService } from '../jobs/jobs.service';
import { APP_CONFIG, AppConfig } from '../platform/config/app-config';
import { DomainError } from '../platform/errors/domain-error';
import { ErrorCode } from '../platform/errors/error-code';
import { RepositoryDto } from '../repositories/dto/repository.dto';
import { RepositoriesService } from '../repositories/repositories.service';
import { missingRepository, RepositoryPreconditions } from '../repositories/repository-preconditions';
import { CloudRemotes } from './cloud-remotes';
import { CloudSyncConfigsService } from './cloud-sync-configs.service';
import { CloudSyncParametersDto } from '../jobs/contract/cloud-sync-job';
import { CloudSyncRequestDto, CloudVerifyResultDto, ConnectionTestDto, ConnectionTestStepDto } from './dto/cloud-sync-actions.dto';
import { PROVIDERS } from './providers';
import { rcloneErrorCode, repositoryFolder } from './rclone-failure';
import { StallWatchdog } from './stall-watchdog';

const VERIFY_TIMEOUT_MS = 60 * 60_000;
const TEST_CONTENT = 'Written by Borgitory to test the connection; it deletes it again.\n';

@Injectable()
export class CloudSyncService {
  constructor(
    @Inject(APP_CONFIG) private readonly appConfig: AppConfig,
    private readonly configs: CloudSyncConfigsService,
    private readonly remotes: CloudRemotes,
    private readonly rclone: RcloneRunner,
    private readonly repositories: RepositoriesService,
    private readonly preconditions: RepositoryPreconditions,
    private readonly jobs: JobsService,
  ) {}

  providers() {
    return Object.values(PROVIDERS).map((provider) => ({
      name: provider.name,
      label: provider.label,
      description: provider.description,
      presets: provider.presets,
      fields: provider.fields.map(({ name, label, type, required, secret, default: defaultValue, help, options }) => ({
        name,
        label,
        type,
        required,
        secret,
        default: defaultValue,
        help,
        options,
      })),
    }));
  }

  /** Writes, reads back, deletes and lists a small object where the repositories would go; stops at the first failure. */
  async test(configId: number): Promise<ConnectionTestDto> {
    await this.configs.find(configId);
    const steps: ConnectionTestStepDto[] = [];
    let remotePath = '';
    let hostKeyLearned: string | null = null;
    try {
      const resolved = await this.remotes.resolve(configId, null);
      remotePath = resolved.display;
      hostKeyLearned = resolved.hostKeyLearned;
      const { target } = resolved;
      const name = `.borgitory-test-${randomBytes(6).toString('hex')}`;
      const step = async (label: string, work: () => Promise<void>) => {
        const started = Date.now();
        try {
          await work();
          steps.push({ step: label, ok: true, duration_ms: Date.now() - started });
        } catch (error) {
          steps.push({ step: label, ok: false, duration_ms: Date.now() - started });
          throw error;
        }
      };
      await step('write', () => this.rclone.putObject(target, name, TEST_CONTENT));
      await step('read', async () => {
        const back = await this.rclone.getObject(target, name);
        if (back !== TEST_CONTENT) throw new DomainError(ErrorCode.RCLONE_ERROR, 'The test object read back differs from what was written');
      });
      await step('delete', () => this.rclone.deleteObject(target, name));
      await step('list', async () => void (await this.rclone.list(target)));
      return { ok: true, remote_path: remotePath, steps, error: null, host_key_learned: hostKeyLearned };
    } catch (error) {
      return { ok: false, remote_path: remotePath, steps, error: describeFailure(error), host_key_learned: hostKeyLearned };
    }
  }

  /** A cloud_sync job: it waits in the repository's queue, so it never copies while borg writes. */
  /** A sync with the configuration the path names: 404 when it does not exist, 422 when the repository cannot be copied. */
  async startSyncWith(configId: number, repositoryId: number): Promise<JobDto> {
    await this.configs.find(configId);
    return this.startSync({ repository_id: repositoryId, cloud_sync_config_id: configId });
  }

  async startSync(input: CloudSyncRequestDto): Promise<JobDto> {
    const problems = await this.problems(input.repository_id, input.cloud_sync_config_id);
    if (Object.keys(problems).length > 0) throw DomainError.invalidInput(problems);
    const config = await this.configs.find(input.cloud_sync_config_id);
    const parameters: CloudSyncParametersDto = { cloud_sync_config_id: config.id, config_name: config.name };
    return this.jobs.enqueue({ type: 'cloud_sync', repositoryId: input.repository_id, parameters });
  }

  /** Why a repository cannot be copied with a configuration, per field (schedules ask too). */
  async problems(repositoryId: number, configId: number): Promise<Record<string, string[]>> {
    const problems: Record<string, string[]> = {};
    const repository = await this.repositories.get(repositoryId).catch(() => null);
    if (!repository) problems['repository_id'] = [missingRepository(repositoryId)];
    else if (repository.is_remote) problems['repository_id'] = [localOnly(repository)];
    if (!(await this.configs.exists(configId))) problems['cloud_sync_config_id'] = [`Cloud sync configuration ${configId} does not exist`];
    return problems;
  }

  /** `rclone check`: whether the remote copy holds the repository as it is here, by hash where both sides have one. */
  async verify(configId: number, repositoryId: number): Promise<CloudVerifyResultDto> {
    await this.configs.find(configId);
    const repository = await this.repositories.get(repositoryId).catch(() => null);
    if (!repository) throw DomainError.invalidInput({ repository_id: [missingRepository(repositoryId)] });
    if (repository.is_remote) throw DomainError.invalidInput({ repository_id: [localOnly(repository)] });
    await this.preconditions.assertIdle(repositoryId, 'verify when it has finished');
    const { config, target, display } = await this.remotes.resolve(configId, repositoryFolder(repository));
    const watchdog = new StallWatchdog(this.appConfig.stallTimeoutSeconds);
    try {
      const check = await this.rclone.check(repository.path, target, {
        oneWay: config.mode === 'copy',
        timeoutMs: VERIFY_TIMEOUT_MS,
        signal: watchdog.signal,
        onEvent: (event) => watchdog.observe(event),
      });
      const differences = check.differing + check.missingOnRemote + check.missingLocally + check.errors;
      return {
        in_sync: differences === 0 && check.matching > 0,
        remote_path: display,
        mode: config.mode,
        compared_by: check.comparedBy,
        matching: check.matching,
        differing: check.differing,
        missing_on_remote: check.missingOnRemote,
        missing_locally: check.missingLocally,
        errors: check.errors,
        examples: check.examples,
      };
    } catch (error) {
      if (watchdog.stalled) throw new DomainError(ErrorCode.CLOUD_SYNC_STALLED, watchdog.message('verification'));
      if (error instanceof RcloneError) throw new DomainError(rcloneErrorCode(error), error.message);
      throw error;
    } finally {
      watchdog.stop();
    }
  }
}

function localOnly(repository: RepositoryDto): string {
  return `Repository "${repository.name}" is on another machine (${repository.path}); only repositories on this server can be copied off-site from here`;
}

function describeFailure(error: unknown): { code: string; message: string } {
  // A probe moves one small object: when it runs out of time, the server did not answer.
  if (error instanceof RcloneError && error.kind === 'timeout') {
    return { code: rcloneErrorCode(error), message: `The server did not answer in time: ${error.message}` };
  }
  if (error instanceof RcloneError) return { code: rcloneErrorCode(error), message: error.message };
  if (error instanceof DomainError) return { code: error.code, message: error.message };
  throw error;
}
