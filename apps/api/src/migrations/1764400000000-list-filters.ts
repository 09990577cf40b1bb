import { MigrationInterface, QueryRunner } from 'typeorm';

/** Each filter and order of the lists (`?sort=`, `?created_after=`, `?min_size=`…) that no index held yet. */
const INDEXES: Array<[name: string, table: string, columns: string[]]> = [
  ['idx_jobs_started', 'jobs', ['started_at', 'id']],
  ['idx_jobs_finished', 'jobs', ['finished_at', 'id']],
  ['idx_archives_repository_size', 'archives', ['repository_id', 'original_size', 'id']],
  ['idx_repositories_created', 'repositories', ['created_at', 'id']],
  ['idx_schedules_created', 'schedules', ['created_at', 'id']],
  ['idx_pruning_policies_created', 'pruning_policies', ['created_at', 'id']],
  ['idx_check_policies_created', 'check_policies', ['created_at', 'id']],
  ['idx_cloud_sync_configs_created', 'cloud_sync_configs', ['created_at', 'id']],
  ['idx_cloud_sync_configs_provider', 'cloud_sync_configs', ['provider', 'name']],
  ['idx_users_role', 'users', ['role', 'id']],
  ['idx_users_created', 'users', ['created_at', 'id']],
];

/** The indexes the lists' filters and orders read (platform/filtering), one per order or range not indexed before. */
export class ListFilters1764400000000 implements MigrationInterface {
  name = 'ListFilters1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [name, table, columns] of INDEXES) {
      await queryRunner.query(`CREATE INDEX "${name}" ON "${table}" (${columns.map((column) => `"${column}"`).join(', ')})`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [name] of [...INDEXES].reverse()) await queryRunner.query(`DROP INDEX "${name}"`);
  }
}
