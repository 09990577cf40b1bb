import { Suspense, useDeferredValue, type ReactNode } from 'react';
import { useLocation, useRoutes } from 'react-router-dom';
import { useAuthStatus, type User } from '../api/auth';
import { errorMessage } from '../api/errors';
import { AuthCard } from '../components/auth-card';
import { AppLayout } from '../layout/app-layout';
import { PageLoadBoundary } from './page-boundary';
import { LoginPage, PAGE_ROUTES, SetupPage } from './routes';
import { useTopOfNewPage } from './use-top-of-new-page';

/**
 * The auth status decides what is shown: first-run setup, the login page, or
 * the app. The URL is left alone, so a deep link opens once logged in.
 *
 * Pages are fetched when first shown (routes.ts). The screen follows the auth status and the page follows the
 * address through deferred values, so the screen or page on display (at first the splash) stays until the next
 * one's code is here: no blank page or half-drawn layout between them. The splash is the Suspense fallback only
 * for a render that could not wait, which none is today.
 */
export function App() {
  const status = useAuthStatus();
  const auth = useDeferredValue(status.data);
  const { pathname } = useLocation();
  const splash = (
    <p className="splash" role="status">
      Loading Borgitory…
    </p>
  );

  let screen: ReactNode;
  // A failed background refetch keeps the last answer, so the error screen is only for a first load that failed.
  if (auth === undefined) {
    screen =
      status.isPending || status.data !== undefined ? (
        splash
      ) : (
        <AuthCard title="Cannot reach the server" intro={<p>{errorMessage(status.error)}</p>}>
          <button type="button" className="button button--primary" onClick={() => void status.refetch()} disabled={status.isFetching}>
            Try again
          </button>
        </AuthCard>
      );
  } else if (auth.setup_required) {
    screen = <SetupPage />;
  } else if (!auth.authenticated || !auth.user) {
    screen = <LoginPage />;
  } else {
    screen = <AppRoutes user={auth.user} />;
  }

  return (
    <PageLoadBoundary pathname={pathname}>
      <Suspense fallback={splash}>{screen}</Suspense>
    </PageLoadBoundary>
  );
}

/**
 * The pages once logged in, inside the layout. The layout (the navigation) follows the address at once; the page
 * follows it once its code is here, and meanwhile the layout says that a page is loading.
 */
function AppRoutes({ user }: { user: User }) {
  const location = useLocation();
  const shown = useDeferredValue(location);
  const page = useRoutes(PAGE_ROUTES, shown);
  useTopOfNewPage(shown.pathname);
  return (
    <AppLayout user={user} loading={shown !== location}>
      <PageLoadBoundary pathname={shown.pathname}>{page}</PageLoadBoundary>
    </AppLayout>
  );
}

export default App;
