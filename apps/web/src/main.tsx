import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
// The shared styles first, so that the components' own stylesheets come after them and can refine them.
import './styles/index.css';
import { createQueryClient } from './api/query-client';
import { App } from './app/app';
import { preloadLinkTargets } from './app/preload-link-targets';
import { preloadPageAt } from './app/routes';

const queryClient = createQueryClient();
// The page at this address is fetched while the auth status is asked, rather than after it; another page when a
// link to it is pointed at or focused.
preloadPageAt(window.location.pathname);
preloadLinkTargets(preloadPageAt);

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      {/* Navigations are plain updates: the app defers the page itself (app/app.tsx), the navigation follows at once. */}
      <BrowserRouter useTransitions={false}>
        <App />
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
