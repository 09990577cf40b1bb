import { useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { Link, useLocation } from 'react-router-dom';

interface MainNavigationProps {
  /** The sections this user may open, in order. */
  items: readonly { to: string; label: string }[];
  /** The section of the page on display. */
  current: string | undefined;
  /** Where the focus goes once a section is chosen from the opened menu: the page. */
  pageRef: RefObject<HTMLElement | null>;
}

/**
 * The main navigation: a column beside the page on a wide screen; on a phone a Menu button (aria-expanded) that
 * shows the sections under it. The menu closes on Escape (the focus back on the button) and whenever another page
 * opens, from it or from anywhere else.
 */
export function MainNavigation({ items, current, pageRef }: MainNavigationProps) {
  const listId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const { pathname } = useLocation();
  // The address the menu was opened at: it is open only while the address stays the same.
  const [openAt, setOpenAt] = useState<string | null>(null);
  const open = openAt === pathname;
  const currentLabel = items.find((item) => item.to === current)?.label;

  function closeOnEscape(event: KeyboardEvent) {
    if (event.key !== 'Escape' || !open) return;
    setOpenAt(null);
    buttonRef.current?.focus();
  }

  return (
    <nav className={open ? 'app__nav app__nav--open' : 'app__nav'} aria-label="Main" onKeyDown={closeOnEscape}>
      <div className="app__nav-bar">
        <button
          ref={buttonRef}
          type="button"
          className="button app__menu-button"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpenAt(open ? null : pathname)}
        >
          <MenuIcon open={open} />
          Menu
        </button>
        {currentLabel && <span className="app__nav-current">{currentLabel}</span>}
      </div>
      <ul id={listId}>
        {items.map((item) => (
          <li key={item.to}>
            <Link
              to={item.to}
              aria-current={item.to === current ? 'page' : undefined}
              onClick={() => {
                if (!open) return;
                setOpenAt(null);
                pageRef.current?.focus();
              }}
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function MenuIcon({ open }: { open: boolean }) {
  return (
    <svg className="app__menu-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      {open ? (
        <path d="M3.5 3.5l9 9M12.5 3.5l-9 9" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" fill="none" />
      ) : (
        <path d="M2 4h12M2 8h12M2 12h12" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" fill="none" />
      )}
    </svg>
  );
}
