import type { ReactNode } from 'react';
import './selection.css';

interface SelectionBarProps {
  count: number;
  /** What is selected, for the bar's accessible name: "jobs". */
  noun: string;
  /** The actions on the selected rows: buttons. */
  children: ReactNode;
  onClear: () => void;
  busy?: boolean;
}

/** "N selected", the actions that apply to them, and a way to clear the selection; shown while something is selected. */
export function SelectionBar({ count, noun, children, onClear, busy = false }: SelectionBarProps) {
  if (count === 0) return null;
  return (
    <div className="selection-bar" role="group" aria-label={`Selected ${noun}`} aria-busy={busy}>
      <span className="selection-bar__count" role="status">
        {count} selected
      </span>
      <div className="selection-bar__actions">{children}</div>
      <button type="button" className="button button--small selection-bar__clear" onClick={onClear} disabled={busy}>
        Clear selection
      </button>
    </div>
  );
}
