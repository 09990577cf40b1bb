import { UsersAndSessions1764180000000 } from './1764180000000-users-and-sessions';
import { Repositories1764190000000 } from './1764190000000-repositories';
import { Jobs1764200000000 } from './1764200000000-jobs';
import { Archives1764210000000 } from './1764210000000-archives';
import { PruningPolicies1764220000000 } from './1764220000000-pruning-policies';
import { CheckPolicies1764230000000 } from './1764230000000-check-policies';
import { Schedules1764240000000 } from './1764240000000-schedules';
import { CloudSyncConfigs1764250000000 } from './1764250000000-cloud-sync-configs';
import { ScheduleDisabledReason1764260000000 } from './1764260000000-schedule-disabled-reason';
import { JobHistory1764270000000 } from './1764270000000-job-history';
import { ArchiveListOrder1764280000000 } from './1764280000000-archive-list-order';
import { JobParametersSnakeCase1764290000000 } from './1764290000000-job-parameters-snake-case';
import { Notifications1764300000000 } from './1764300000000-notifications';
import { RepositoryMonitoring1764310000000 } from './1764310000000-repository-monitoring';
import { JobAcknowledgements1764320000000 } from './1764320000000-job-acknowledgements';
import { ArchiveStatistics1764330000000 } from './1764330000000-archive-statistics';
import { UserRoles1764340000000 } from './1764340000000-user-roles';
import { ApiKeys1764350000000 } from './1764350000000-api-keys';
import { SessionOwners1764360000000 } from './1764360000000-session-owners';
import { TwoFactor1764370000000 } from './1764370000000-two-factor';
import { AuditLog1764380000000 } from './1764380000000-audit-log';
import { SingleSignOn1764390000000 } from './1764390000000-single-sign-on';
import { VersionedAuditActions1764395000000 } from './1764395000000-versioned-audit-actions';
import { ListFilters1764400000000 } from './1764400000000-list-filters';
import { Hosts1764410000000 } from './1764410000000-hosts';
import { HostTests1764420000000 } from './1764420000000-host-tests';
import { JobHosts1764430000000 } from './1764430000000-job-hosts';
import { ScheduleHosts1764440000000 } from './1764440000000-schedule-hosts';

/** Every migration, oldest first. The app runs the pending ones at start; the schema is never synchronised. */
export const MIGRATIONS = [
  UsersAndSessions1764180000000,
  Repositories1764190000000,
  Jobs1764200000000,
  Archives1764210000000,
  PruningPolicies1764220000000,
  CheckPolicies1764230000000,
  Schedules1764240000000,
  CloudSyncConfigs1764250000000,
  ScheduleDisabledReason1764260000000,
  JobHistory1764270000000,
  ArchiveListOrder1764280000000,
  JobParametersSnakeCase1764290000000,
  Notifications1764300000000,
  RepositoryMonitoring1764310000000,
  JobAcknowledgements1764320000000,
  ArchiveStatistics1764330000000,
  UserRoles1764340000000,
  ApiKeys1764350000000,
  SessionOwners1764360000000,
  TwoFactor1764370000000,
  AuditLog1764380000000,
  SingleSignOn1764390000000,
  VersionedAuditActions1764395000000,
  ListFilters1764400000000,
  Hosts1764410000000,
  HostTests1764420000000,
  JobHosts1764430000000,
  ScheduleHosts1764440000000,
];
