import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Logger, Module } from '@nestjs/common';
import { GraphQLModule, GraphQLSchemaHost } from '@nestjs/graphql';
import { ModuleRef } from '@nestjs/core';
import { ArchivesModule } from '../archives/archives.module';
import { AuthModule } from '../auth/auth.module';
import { AuditLog } from '../auth/audit/audit-log';
import { RequestAuthenticator } from '../auth/request-authenticator';
import { BackupsModule } from '../backups/backups.module';
import { CloudSyncModule } from '../cloud-sync/cloud-sync.module';
import { JobsModule } from '../jobs/jobs.module';
import { OverviewModule } from '../overview/overview.module';
import { RepositoriesModule } from '../repositories/repositories.module';
import { SchedulesModule } from '../schedules/schedules.module';
import { API_PREFIX } from '../platform/versioning/api-version';
import { graphQLContext } from './graphql-context';
import { formatGraphQLError } from './graphql-errors';
import { queryLimitsPlugin } from './limits/query-limits.plugin';
import { mutationAuditPlugin } from './mutation-audit.plugin';
import { RequestLoaderFactory } from './request-loaders';
import { JobsResolver } from './resolvers/jobs.resolver';
import { OverviewResolver } from './resolvers/overview.resolver';
import { RepositoriesResolver } from './resolvers/repositories.resolver';
import { SchedulesResolver } from './resolvers/schedules.resolver';

/** Under the API's version, like every REST route; `/api/graphql` is its alias too (platform/versioning). */
export const GRAPHQL_PATH = `/${API_PREFIX}/graphql`;

const SERVICE_MODULES = [
  AuthModule,
  RepositoriesModule,
  ArchivesModule,
  JobsModule,
  SchedulesModule,
  BackupsModule,
  CloudSyncModule,
  OverviewModule,
];

/** The services the resolvers and the request context use, in a module of their own so that GraphQLModule's factory can inject them. */
@Module({
  imports: SERVICE_MODULES,
  providers: [RequestLoaderFactory],
  exports: [RequestLoaderFactory, ...SERVICE_MODULES],
})
class GraphQLServicesModule {}

/**
 * GraphQL over the same services, authentication and roles as REST (code first: the schema comes from the types in
 * `types/`, committed as libs/api-client/schema.graphql). See docs/api.md#graphql.
 */
@Module({
  imports: [
    GraphQLServicesModule,
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      imports: [GraphQLServicesModule],
      inject: [RequestAuthenticator, RequestLoaderFactory, AuditLog, ModuleRef],
      useFactory: (authenticator: RequestAuthenticator, loaders: RequestLoaderFactory, audit: AuditLog, moduleRef: ModuleRef) => ({
        path: GRAPHQL_PATH,
        useGlobalPrefix: false,
        autoSchemaFile: true,
        sortSchema: true,
        // Its own explorer in the SPA (/graphql), behind the sign-in; Apollo's landing page would load from a CDN.
        playground: false,
        graphiql: false,
        // Every operation, introspection too, needs a session or an API key (graphql-context.ts).
        introspection: true,
        includeStacktraceInErrorResponses: false,
        // Mutations only over POST (Apollo's rule); its CSRF check on top of the app's same-origin and JSON-only rules.
        csrfPrevention: true,
        context: graphQLContext(authenticator, loaders),
        formatError: formatGraphQLError(new Logger('GraphQL')),
        plugins: [queryLimitsPlugin(() => moduleRef.get(GraphQLSchemaHost, { strict: false }).schema), mutationAuditPlugin(audit)],
      }),
    }),
  ],
  providers: [RepositoriesResolver, JobsResolver, SchedulesResolver, OverviewResolver],
})
export class BorgitoryGraphQLModule {}
