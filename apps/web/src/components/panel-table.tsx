import type { ReactNode } from 'react';

interface PanelTableProps {
  /** The table's name, for screen readers only. */
  caption: ReactNode;
  /** The table's own class, beside `data-table`. */
  className?: string;
  /** The head and body. */
  children: ReactNode;
}

/** A data table filling a panel, which scrolls sideways on a narrow screen. */
export function PanelTable({ caption, className, children }: PanelTableProps) {
  return (
    <div className="table-scroll panel panel--flush">
      <table className={className ? `data-table ${className}` : 'data-table'}>
        <caption className="visually-hidden">{caption}</caption>
        {children}
      </table>
    </div>
  );
}
