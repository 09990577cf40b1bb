import { ApiRequestError } from '@borgitory/api-client';
import { useEffect, useId, useRef, useState } from 'react';
import { errorMessage } from '../api/errors';
import { useDirectory, type DirectoryEntry, type DirectoryOwner } from '../api/filesystem';
import type { BrowsedHost } from '../api/hosts';
import { formatCount } from '../format/count';
import './directory-picker-dialog.css';

interface DirectoryPickerDialogProps {
  open: boolean;
  /** Where to start: a directory (or a file in one); when empty or not absolute, "/" of the server or the host user's home. */
  startPath: string;
  /** Whose directories to browse: this server's (null, the default) or a host's, whose name the title then ends with. */
  host?: BrowsedHost | null;
  /** What to choose, "Choose what to back up"; " on <host>" is added when it browses a host. */
  title?: string;
  /** Whether a single file can be chosen too (a backup source), or only a directory (a restore destination). */
  chooseFiles?: boolean;
  onChoose: (path: string) => void;
  onClose: () => void;
}

/**
 * Browses the directories of the server or of a host in a modal `<dialog>` to choose what to
 * back up or where to restore: open directories to go down, ".." to go up, and
 * choose the current directory (or, unless `chooseFiles` is false, a single file).
 */
export function DirectoryPickerDialog({
  open,
  startPath,
  title = 'Choose a source',
  chooseFiles = true,
  host = null,
  onChoose,
  onClose,
}: DirectoryPickerDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={dialogRef}
      className="picker-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClose={() => {
        if (open) onClose();
      }}
    >
      {/* Made afresh each time it opens, so that it starts at the field's path. */}
      {open && (
        <DirectoryBrowser
          titleId={titleId}
          title={pickerTitle(title, host)}
          startPath={startPath}
          hostId={host?.id ?? null}
          chooseFiles={chooseFiles}
          onChoose={onChoose}
          onClose={onClose}
        />
      )}
    </dialog>
  );
}

interface DirectoryBrowserProps {
  titleId: string;
  title: string;
  startPath: string;
  hostId: DirectoryOwner;
  chooseFiles: boolean;
  onChoose: (path: string) => void;
  onClose: () => void;
}

function DirectoryBrowser({ titleId, title, startPath, hostId, chooseFiles, onChoose, onClose }: DirectoryBrowserProps) {
  // On a host, "" asks for the home directory of the user Borgitory logs in as.
  const [path, setPath] = useState(() => initialDirectory(startPath, hostId === null ? '/' : ''));
  const listing = useDirectory(path, hostId);
  const currentRef = useRef<HTMLParagraphElement>(null);
  const navigated = useRef(false);
  const shown = listing.data;
  // While the next directory loads the last one stays on screen, but cannot be chosen.
  const ready = shown !== undefined && !listing.isPlaceholderData && !listing.isError;

  function go(next: string) {
    navigated.current = true;
    setPath(next);
  }

  // The field's path may name a file, or something that is not there (yet): start from the nearest directory above it.
  useEffect(() => {
    if (navigated.current || !listing.isError) return;
    const error = listing.error;
    const up = parentOf(path);
    if (error instanceof ApiRequestError && (error.status === 400 || error.status === 404) && up !== null) setPath(up);
  }, [listing.isError, listing.error, path]);

  // After moving to another directory the button that was pressed is gone: focus goes to where the user now is.
  useEffect(() => {
    if (navigated.current && ready) currentRef.current?.focus();
  }, [ready, path]);

  const parent = listing.isError ? parentOf(path) : (shown?.parent ?? null);

  return (
    <div className="picker">
      <h2 id={titleId}>{title}</h2>
      <p className="picker__current" ref={currentRef} tabIndex={-1}>
        <span className="picker__current-label">Current directory</span>
        <code>{listing.isError ? named(path) : (shown?.path ?? named(path))}</code>
      </p>

      {listing.isError && (
        <div className="alert alert--error" role="alert">
          <p>{errorMessage(listing.error)}</p>
          {normalise(path) !== '/' && (
            <button type="button" className="button" onClick={() => go('/')}>
              Go to /
            </button>
          )}
        </div>
      )}

      <div className="picker__list-box" aria-busy={listing.isFetching}>
        {listing.isPending ? (
          <p className="picker__note" role="status">
            Reading the directory…
          </p>
        ) : (
          <ul className="picker__list" aria-label={`Entries of ${shown?.path ?? named(path)}`}>
            {parent !== null && (
              <li className="picker__entry">
                <button type="button" className="picker__open" onClick={() => go(parent)} aria-label="Parent directory (..)">
                  <EntryIcon type="parent" />
                  ..
                </button>
              </li>
            )}
            {!listing.isError &&
              shown?.entries.map((entry) => (
                <li key={entry.path} className="picker__entry">
                  {entry.type === 'directory' ? (
                    <button type="button" className="picker__open" onClick={() => go(entry.path)}>
                      <EntryIcon type="directory" />
                      <span className="picker__name">{entry.name}</span>
                    </button>
                  ) : (
                    <>
                      <span className="picker__file">
                        <EntryIcon type={entry.type} />
                        <span className="picker__name">{entry.name}</span>
                        {entry.type !== 'file' && <span className="badge badge--neutral">{entry.type}</span>}
                      </span>
                      {chooseFiles && entry.type !== 'other' && (
                        <button
                          type="button"
                          className="button picker__choose"
                          onClick={() => onChoose(entry.path)}
                          aria-label={`Choose ${entry.name}`}
                        >
                          Choose
                        </button>
                      )}
                    </>
                  )}
                </li>
              ))}
            {!listing.isError && shown?.entries.length === 0 && <li className="picker__note">This directory is empty.</li>}
          </ul>
        )}
      </div>

      {!listing.isError && shown?.truncated && (
        <p className="picker__note picker__note--truncated">
          This directory holds more than {formatCount(shown.entries.length)} entries; only the first {formatCount(shown.entries.length)} are
          listed. Type the path of an entry that is not shown in the field.
        </p>
      )}

      <div className="picker__actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button button--primary" disabled={!ready} onClick={() => shown && onChoose(shown.path)}>
          Choose this directory
        </button>
      </div>
    </div>
  );
}

function EntryIcon({ type }: { type: DirectoryEntry['type'] | 'parent' }) {
  const folder = type === 'directory' || type === 'parent';
  return (
    <svg
      className={`picker__icon picker__icon--${folder ? 'folder' : 'file'}`}
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      {type === 'parent' ? (
        <path d="M8 3 3.5 7.5h3V13h3V7.5h3z" />
      ) : folder ? (
        <path d="M1.5 3.5A1 1 0 0 1 2.5 2.5h3.6l1.5 1.5h5.9a1 1 0 0 1 1 1v7.5a1 1 0 0 1-1 1h-11a1 1 0 0 1-1-1z" />
      ) : (
        <path d="M3.5 1.5h6l3 3v10h-9zM9.5 1.5v3h3" fill="none" stroke="currentColor" strokeWidth="1.2" />
      )}
    </svg>
  );
}

/** "Choose what to back up", or "Choose what to back up on Workstation" on a host. */
export function pickerTitle(title: string, host: BrowsedHost | null): string {
  return host ? `${title} on ${host.name}` : title;
}

/** The directory to open first: the field's path when it is absolute, else `fallback`. */
function initialDirectory(path: string, fallback: string): string {
  const trimmed = path.trim();
  return trimmed.startsWith('/') ? normalise(trimmed) : fallback;
}

/** "/a//b/" → "/a/b", as the server normalises. */
function normalise(path: string): string {
  const collapsed = path.replace(/\/+/g, '/');
  return collapsed.length > 1 ? collapsed.replace(/\/$/, '') : collapsed;
}

/** The path as shown; "" (a host user's home, before the host answers) as "~". */
function named(path: string): string {
  return path === '' ? '~' : normalise(path);
}

function parentOf(path: string): string | null {
  const current = normalise(path);
  if (current === '/') return null;
  const cut = current.lastIndexOf('/');
  return cut <= 0 ? '/' : current.slice(0, cut);
}
