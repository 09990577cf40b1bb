import type { ReactNode } from 'react';

/** A section of the app that is not built yet: its heading and what it will hold. */
export function PlaceholderPage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <h1>{title}</h1>
      <p className="page-intro">{children}</p>
    </>
  );
}
