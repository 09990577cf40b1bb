import { NavLink } from 'react-router-dom';
import './section-tabs.css';

export interface SectionTab {
  to: string;
  label: string;
  /** Current only at exactly this address (not below it). */
  end: boolean;
}

/** The sections of a feature as tabs: links, the current one marked for assistive technology too. */
export function SectionTabs({ label, tabs }: { label: string; tabs: readonly SectionTab[] }) {
  return (
    <nav className="section-tabs" aria-label={label}>
      <ul>
        {tabs.map((tab) => (
          <li key={tab.to}>
            <NavLink to={tab.to} end={tab.end}>
              {tab.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
