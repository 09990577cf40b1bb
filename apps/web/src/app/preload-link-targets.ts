/**
 * Calls `preload` with the path of a same-origin link as soon as the pointer reaches it (touch included) or it gets
 * the focus: the page's code is usually here by the time of the click.
 */
export function preloadLinkTargets(preload: (path: string) => void): void {
  let last: string | null = null;
  const onIntent = (event: Event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!(link instanceof HTMLAnchorElement) || link.origin !== window.location.origin || link.pathname === last) return;
    last = link.pathname;
    preload(link.pathname);
  };
  document.addEventListener('pointerover', onIntent, { passive: true });
  document.addEventListener('focusin', onIntent);
}
