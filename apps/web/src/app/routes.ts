import { matchRoutes } from 'react-router-dom';
import { lazyPage, type LazyPage } from './lazy-page';

// Every page is a chunk of its own, fetched on its first visit (or earlier, see preloadPageAt): the dashboard's first
// load carries only the dashboard. Code that several pages share lands in chunks that Vite splits out for them.

export const SetupPage = lazyPage(() => import('../pages/setup-page').then((m) => m.SetupPage));
export const LoginPage = lazyPage(() => import('../pages/login-page').then((m) => m.LoginPage));

/** A route of the app once logged in; `useRoutes` renders `Component`, `preloadPageAt` fetches it. */
export type PageRoute = { index: true; Component: LazyPage } | { path: string; Component?: LazyPage; children?: PageRoute[] };

export const PAGE_ROUTES: PageRoute[] = [
  { index: true, Component: lazyPage(() => import('../pages/dashboard/dashboard-page').then((m) => m.DashboardPage)) },
  {
    path: 'repositories',
    children: [
      { index: true, Component: lazyPage(() => import('../pages/repositories/repositories-page').then((m) => m.RepositoriesPage)) },
      { path: 'new', Component: lazyPage(() => import('../pages/repositories/new-repository-page').then((m) => m.NewRepositoryPage)) },
      {
        path: ':id',
        Component: lazyPage(() => import('../pages/repositories/repository-details-page').then((m) => m.RepositoryDetailsPage)),
      },
      {
        path: ':id/edit',
        Component: lazyPage(() => import('../pages/repositories/edit-repository-page').then((m) => m.EditRepositoryPage)),
      },
      {
        path: ':id/archives',
        Component: lazyPage(() => import('../pages/archives/repository-archives-page').then((m) => m.RepositoryArchivesPage)),
      },
      {
        path: ':id/archives/:archive',
        Component: lazyPage(() => import('../pages/archives/archive-browser-page').then((m) => m.ArchiveBrowserPage)),
      },
      {
        path: ':id/archives/:archive/diff',
        Component: lazyPage(() => import('../pages/archives/archive-diff-page').then((m) => m.ArchiveDiffPage)),
      },
    ],
  },
  {
    path: 'hosts',
    children: [
      { index: true, Component: lazyPage(() => import('../pages/hosts/hosts-page').then((m) => m.HostsPage)) },
      { path: 'new', Component: lazyPage(() => import('../pages/hosts/new-host-page').then((m) => m.NewHostPage)) },
      { path: ':id', Component: lazyPage(() => import('../pages/hosts/edit-host-page').then((m) => m.EditHostPage)) },
    ],
  },
  { path: 'archives', Component: lazyPage(() => import('../pages/archives/archives-page').then((m) => m.ArchivesPage)) },
  { path: 'search', Component: lazyPage(() => import('../pages/search/search-page').then((m) => m.SearchPage)) },
  { path: 'backups', Component: lazyPage(() => import('../pages/backups/backups-page').then((m) => m.BackupsPage)) },
  {
    path: 'schedules',
    children: [
      { index: true, Component: lazyPage(() => import('../pages/schedules/schedule/schedules-page').then((m) => m.SchedulesPage)) },
      { path: 'new', Component: lazyPage(() => import('../pages/schedules/schedule/new-schedule-page').then((m) => m.NewSchedulePage)) },
      { path: ':id', Component: lazyPage(() => import('../pages/schedules/schedule/schedule-page').then((m) => m.SchedulePage)) },
      {
        path: ':id/edit',
        Component: lazyPage(() => import('../pages/schedules/schedule/edit-schedule-page').then((m) => m.EditSchedulePage)),
      },
      {
        path: 'pruning-policies',
        children: [
          {
            index: true,
            Component: lazyPage(() => import('../pages/schedules/pruning/pruning-policies-page').then((m) => m.PruningPoliciesPage)),
          },
          {
            path: 'new',
            Component: lazyPage(() => import('../pages/schedules/pruning/new-pruning-policy-page').then((m) => m.NewPruningPolicyPage)),
          },
          {
            path: ':id/edit',
            Component: lazyPage(() => import('../pages/schedules/pruning/edit-pruning-policy-page').then((m) => m.EditPruningPolicyPage)),
          },
          {
            path: ':id/preview',
            Component: lazyPage(() => import('../pages/schedules/pruning/prune-preview-page').then((m) => m.PrunePreviewPage)),
          },
        ],
      },
      {
        path: 'check-policies',
        children: [
          {
            index: true,
            Component: lazyPage(() => import('../pages/schedules/checks/check-policies-page').then((m) => m.CheckPoliciesPage)),
          },
          {
            path: 'new',
            Component: lazyPage(() => import('../pages/schedules/checks/new-check-policy-page').then((m) => m.NewCheckPolicyPage)),
          },
          {
            path: ':id/edit',
            Component: lazyPage(() => import('../pages/schedules/checks/edit-check-policy-page').then((m) => m.EditCheckPolicyPage)),
          },
        ],
      },
    ],
  },
  {
    path: 'jobs',
    children: [
      { index: true, Component: lazyPage(() => import('../pages/jobs/jobs-page').then((m) => m.JobsPage)) },
      { path: ':id', Component: lazyPage(() => import('../pages/jobs/job-page').then((m) => m.JobPage)) },
    ],
  },
  {
    path: 'cloud-sync',
    children: [
      { index: true, Component: lazyPage(() => import('../pages/cloud-sync/cloud-sync-page').then((m) => m.CloudSyncPage)) },
      { path: 'new', Component: lazyPage(() => import('../pages/cloud-sync/new-cloud-sync-page').then((m) => m.NewCloudSyncPage)) },
      { path: ':id/edit', Component: lazyPage(() => import('../pages/cloud-sync/edit-cloud-sync-page').then((m) => m.EditCloudSyncPage)) },
    ],
  },
  {
    path: 'notifications',
    children: [
      { index: true, Component: lazyPage(() => import('../pages/notifications/channels-page').then((m) => m.ChannelsPage)) },
      { path: 'new', Component: lazyPage(() => import('../pages/notifications/new-channel-page').then((m) => m.NewChannelPage)) },
      { path: ':id/edit', Component: lazyPage(() => import('../pages/notifications/edit-channel-page').then((m) => m.EditChannelPage)) },
      { path: 'deliveries', Component: lazyPage(() => import('../pages/notifications/deliveries-page').then((m) => m.DeliveriesPage)) },
    ],
  },
  { path: 'settings', Component: lazyPage(() => import('../pages/settings/settings-page').then((m) => m.SettingsPage)) },
  { path: 'audit', Component: lazyPage(() => import('../pages/audit/audit-page').then((m) => m.AuditPage)) },
  { path: 'graphql', Component: lazyPage(() => import('../pages/graphql/graphql-page').then((m) => m.GraphQLPage)) },
  { path: '*', Component: lazyPage(() => import('../pages/not-found-page').then((m) => m.NotFoundPage)) },
];

/** Starts fetching the page that `path` shows, for a page the user is about to see. */
export function preloadPageAt(path: string): void {
  for (const match of matchRoutes(PAGE_ROUTES, path) ?? []) match.route.Component?.preload();
}
