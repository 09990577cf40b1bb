import type { ArchiveEntryType } from '../api/archives';
import './entry-icon.css';

/** A folder, a file, or a link; other kinds of entries (devices, fifos, sockets) are drawn as a file with a dot. */
export function EntryIcon({ type }: { type: ArchiveEntryType }) {
  const kind = type === 'directory' ? 'folder' : type === 'symlink' || type === 'hardlink' ? 'link' : type === 'file' ? 'file' : 'other';
  return (
    <svg className={`entry-icon entry-icon--${kind}`} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      {kind === 'folder' ? (
        <path d="M1.5 3.5A1 1 0 0 1 2.5 2.5h3.6l1.5 1.5h5.9a1 1 0 0 1 1 1v7.5a1 1 0 0 1-1 1h-11a1 1 0 0 1-1-1z" />
      ) : (
        <>
          <path d="M3.5 1.5h6l3 3v10h-9zM9.5 1.5v3h3" fill="none" stroke="currentColor" strokeWidth="1.2" />
          {kind === 'link' && <path d="M5.5 11.5 9.5 7.5M7 7.5h2.5V10" fill="none" stroke="currentColor" strokeWidth="1.2" />}
          {kind === 'other' && <circle cx="8" cy="9.5" r="1.75" />}
        </>
      )}
    </svg>
  );
}
