import { useLayoutEffect, useRef } from 'react';
import { useNavigationType } from 'react-router-dom';

/**
 * Opens each newly shown page at its top. The window keeps its scroll position across the SPA's navigations, so a
 * page reached from low down on another (Back up now, at the foot of the backup form) would open scrolled past its
 * title. Going back or forward leaves the position to the browser.
 */
export function useTopOfNewPage(pathname: string): void {
  // Read through a ref: only a new page moves the view, not the navigation's type alone.
  const navigationType = useNavigationType();
  const latestType = useRef(navigationType);
  useLayoutEffect(() => {
    latestType.current = navigationType;
  });
  useLayoutEffect(() => {
    if (latestType.current !== 'POP') window.scrollTo(0, 0);
  }, [pathname]);
}
