import { Component, type ReactNode } from 'react';
import { PageLoadError } from './lazy-page';

interface BoundaryProps {
  /** The address of the page shown; when it changes, the error is cleared. */
  pathname: string;
  children: ReactNode;
}

interface BoundaryState {
  error: unknown;
  /** The address the error happened at. */
  pathname: string;
}

/**
 * Where a page whose code could not be fetched shows an alert instead, with a way out. Other errors go on up, as
 * they did before pages were split.
 */
export class PageLoadBoundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { error: null, pathname: this.props.pathname };

  static getDerivedStateFromError(error: unknown): Partial<BoundaryState> {
    return { error };
  }

  static getDerivedStateFromProps(props: BoundaryProps, state: BoundaryState): Partial<BoundaryState> | null {
    return props.pathname === state.pathname ? null : { error: null, pathname: props.pathname };
  }

  override componentDidCatch(error: unknown) {
    // Shown now; the next visit to the page fetches its code again.
    if (error instanceof PageLoadError) error.forget();
  }

  override render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
    if (!(error instanceof PageLoadError)) throw error;
    return (
      <div className="alert alert--error" role="alert">
        <p>This page could not be loaded: the server did not answer, or Borgitory was updated since this tab opened.</p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    );
  }
}
