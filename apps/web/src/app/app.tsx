import { Route, Routes } from 'react-router-dom';
import { useAuthStatus } from '../api/auth';
import { errorMessage } from '../api/errors';
import { AuthCard } from '../components/auth-card';
import { AppLayout } from '../layout/app-layout';
import { ArchiveBrowserPage } from '../pages/archives/archive-browser-page';
import { ArchiveDiffPage } from '../pages/archives/archive-diff-page';
import { ArchivesPage } from '../pages/archives/archives-page';
import { RepositoryArchivesPage } from '../pages/archives/repository-archives-page';
import { BackupsPage } from '../pages/backups/backups-page';
import { CloudSyncPage } from '../pages/cloud-sync/cloud-sync-page';
import { EditCloudSyncPage } from '../pages/cloud-sync/edit-cloud-sync-page';
import { NewCloudSyncPage } from '../pages/cloud-sync/new-cloud-sync-page';
import { DashboardPage } from '../pages/dashboard/dashboard-page';
import { JobPage } from '../pages/jobs/job-page';
import { JobsPage } from '../pages/jobs/jobs-page';
import { LoginPage } from '../pages/login-page';
import { NotFoundPage } from '../pages/not-found-page';
import { EditRepositoryPage } from '../pages/repositories/edit-repository-page';
import { NewRepositoryPage } from '../pages/repositories/new-repository-page';
import { RepositoriesPage } from '../pages/repositories/repositories-page';
import { RepositoryDetailsPage } from '../pages/repositories/repository-details-page';
import { CheckPoliciesPage } from '../pages/schedules/checks/check-policies-page';
import { EditCheckPolicyPage } from '../pages/schedules/checks/edit-check-policy-page';
import { NewCheckPolicyPage } from '../pages/schedules/checks/new-check-policy-page';
import { EditPruningPolicyPage } from '../pages/schedules/pruning/edit-pruning-policy-page';
import { NewPruningPolicyPage } from '../pages/schedules/pruning/new-pruning-policy-page';
import { PrunePreviewPage } from '../pages/schedules/pruning/prune-preview-page';
import { PruningPoliciesPage } from '../pages/schedules/pruning/pruning-policies-page';
import { EditSchedulePage } from '../pages/schedules/schedule/edit-schedule-page';
import { NewSchedulePage } from '../pages/schedules/schedule/new-schedule-page';
import { SchedulePage } from '../pages/schedules/schedule/schedule-page';
import { SchedulesPage } from '../pages/schedules/schedule/schedules-page';
import { SetupPage } from '../pages/setup-page';

/**
 * The auth status decides what is shown: first-run setup, the login page, or
 * the app. The URL is left alone, so a deep link opens once logged in.
 */
export function App() {
  const status = useAuthStatus();

  const auth = status.data;
  // A failed background refetch keeps the last answer, so the error screen is only for a first load that failed.
  if (auth === undefined) {
    if (status.isPending) {
      return (
        <p className="splash" role="status">
          Loading Borgitory…
        </p>
      );
    }
    return (
      <AuthCard title="Cannot reach the server" intro={<p>{errorMessage(status.error)}</p>}>
        <button type="button" className="button button--primary" onClick={() => void status.refetch()} disabled={status.isFetching}>
          Try again
        </button>
      </AuthCard>
    );
  }
  if (auth.setup_required) return <SetupPage />;
  if (!auth.authenticated || !auth.user) return <LoginPage />;

  return (
    <Routes>
      <Route element={<AppLayout user={auth.user} />}>
        <Route index element={<DashboardPage />} />
        <Route path="repositories">
          <Route index element={<RepositoriesPage />} />
          <Route path="new" element={<NewRepositoryPage />} />
          <Route path=":id" element={<RepositoryDetailsPage />} />
          <Route path=":id/edit" element={<EditRepositoryPage />} />
          <Route path=":id/archives" element={<RepositoryArchivesPage />} />
          <Route path=":id/archives/:archive" element={<ArchiveBrowserPage />} />
          <Route path=":id/archives/:archive/diff" element={<ArchiveDiffPage />} />
        </Route>
        <Route path="archives" element={<ArchivesPage />} />
        <Route path="backups" element={<BackupsPage />} />
        <Route path="schedules">
          <Route index element={<SchedulesPage />} />
          <Route path="new" element={<NewSchedulePage />} />
          <Route path=":id" element={<SchedulePage />} />
          <Route path=":id/edit" element={<EditSchedulePage />} />
          <Route path="pruning-policies">
            <Route index element={<PruningPoliciesPage />} />
            <Route path="new" element={<NewPruningPolicyPage />} />
            <Route path=":id/edit" element={<EditPruningPolicyPage />} />
            <Route path=":id/preview" element={<PrunePreviewPage />} />
          </Route>
          <Route path="check-policies">
            <Route index element={<CheckPoliciesPage />} />
            <Route path="new" element={<NewCheckPolicyPage />} />
            <Route path=":id/edit" element={<EditCheckPolicyPage />} />
          </Route>
        </Route>
        <Route path="jobs">
          <Route index element={<JobsPage />} />
          <Route path=":id" element={<JobPage />} />
        </Route>
        <Route path="cloud-sync">
          <Route index element={<CloudSyncPage />} />
          <Route path="new" element={<NewCloudSyncPage />} />
          <Route path=":id/edit" element={<EditCloudSyncPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

export default App;
