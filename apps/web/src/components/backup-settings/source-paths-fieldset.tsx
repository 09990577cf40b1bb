import { useId, useState } from 'react';
import type { BrowsedHost } from '../../api/hosts';
import { DirectoryPickerDialog } from '../directory-picker-dialog';
import './source-paths.css';

export interface SourceRow {
  /** Stable across edits, for React. */
  key: number;
  path: string;
}

interface SourcePathsFieldsetProps {
  rows: SourceRow[];
  onChange: (index: number, path: string) => void;
  onAdd: () => void;
  onRemove: (index: number) => void;
  /** The server's messages for each row, by index. */
  rowErrors: string[][];
  /** Messages about the sources as a whole. */
  errors: string[];
  /** Whose paths these are: this server's (null, the default) or a host's, which Browse… then lists. */
  host?: BrowsedHost | null;
}

/**
 * The directories and files to back up: one text field per path, each with a
 * Browse… button that opens the directories of the server (or the host) to choose from.
 */
export function SourcePathsFieldset({ rows, onChange, onAdd, onRemove, rowErrors, errors, host = null }: SourcePathsFieldsetProps) {
  const id = useId();
  // The row whose Browse… button opened the picker, if any.
  const [browsing, setBrowsing] = useState<number | null>(null);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hintId, errors.length > 0 ? errorId : null].filter(Boolean).join(' ');
  return (
    <>
      <fieldset className="source-paths" aria-describedby={describedBy}>
        <legend>Source paths</legend>
        <p id={hintId} className="field__hint">
          {host === null
            ? 'Absolute paths of directories or files on this server. Type them, or browse the server to choose.'
            : `Absolute paths of directories or files on ${host.name}. Type them, or browse ${host.name} to choose.`}
        </p>
        <ul className="source-paths__rows">
          {rows.map((row, index) => {
            const label = `Source path ${index + 1}`;
            const problems = rowErrors[index] ?? [];
            const rowErrorId = `${id}-${row.key}-error`;
            return (
              <li key={row.key} className="source-paths__row">
                <div className="source-paths__controls">
                  <input
                    type="text"
                    name="source-path"
                    aria-label={label}
                    className="source-paths__input"
                    autoComplete="off"
                    autoCapitalize="none"
                    spellCheck={false}
                    placeholder="/home/alice/documents"
                    value={row.path}
                    onChange={(event) => onChange(index, event.target.value)}
                    aria-invalid={problems.length > 0 || errors.length > 0 || undefined}
                    aria-describedby={problems.length > 0 ? rowErrorId : undefined}
                  />
                  <button type="button" className="button" onClick={() => setBrowsing(index)}>
                    Browse…<span className="visually-hidden"> for {label.toLowerCase()}</span>
                  </button>
                  {rows.length > 1 && (
                    <button type="button" className="button" onClick={() => onRemove(index)}>
                      Remove<span className="visually-hidden"> {label.toLowerCase()}</span>
                    </button>
                  )}
                </div>
                {problems.length > 0 && (
                  <ul id={rowErrorId} className="field__errors">
                    {problems.map((message) => (
                      <li key={message}>{message}</li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
        {errors.length > 0 && (
          <ul id={errorId} className="field__errors">
            {errors.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        )}
        <div>
          <button type="button" className="button" onClick={onAdd}>
            Add another path
          </button>
        </div>
      </fieldset>
      <DirectoryPickerDialog
        open={browsing !== null}
        startPath={browsing === null ? '' : (rows[browsing]?.path ?? '')}
        title="Choose what to back up"
        host={host}
        onChoose={(path) => {
          if (browsing !== null) onChange(browsing, path);
          setBrowsing(null);
        }}
        onClose={() => setBrowsing(null)}
      />
    </>
  );
}
