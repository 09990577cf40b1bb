/**
 * The entry of the main navigation that the page at `pathname` belongs to, by its path (`sections`, each "/" or
 * "/name"). A repository's archives and the archive browser belong to Archives, although they sit under the
 * repository's address; the audit log belongs to Settings, where its link is.
 */
export function navSection(pathname: string, sections: readonly string[]): string | undefined {
  if (/^\/repositories\/[^/]+\/archives(\/|$)/.test(pathname)) return '/archives';
  if (pathname === '/audit' || pathname.startsWith('/audit/')) return sections.includes('/settings') ? '/settings' : undefined;
  if (pathname === '/') return sections.includes('/') ? '/' : undefined;
  return sections.find((section) => section !== '/' && (pathname === section || pathname.startsWith(`${section}/`)));
}
