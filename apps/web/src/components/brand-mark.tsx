/** A small decorative logo: a stack of archives. */
export function BrandMark() {
  return (
    <svg className="brand-mark" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <rect x="3" y="4" width="18" height="5" rx="1.5" />
      <rect x="3" y="10.5" width="18" height="5" rx="1.5" />
      <rect x="3" y="17" width="18" height="4" rx="1.5" />
    </svg>
  );
}
