import { useId } from 'react';

interface BackupOptionsProps {
  dryRun: boolean;
  oneFileSystem: boolean;
  onDryRunChange: (value: boolean) => void;
  onOneFileSystemChange: (value: boolean) => void;
}

/** The switches of `borg create`: --dry-run and --one-file-system. */
export function BackupOptions({ dryRun, oneFileSystem, onDryRunChange, onOneFileSystemChange }: BackupOptionsProps) {
  const id = useId();
  return (
    <fieldset className="backup-options">
      <legend>Options</legend>
      <div className="choice">
        <input
          type="checkbox"
          id={`${id}-dry-run`}
          checked={dryRun}
          onChange={(event) => onDryRunChange(event.target.checked)}
          aria-describedby={`${id}-dry-run-hint`}
        />
        <div>
          <label htmlFor={`${id}-dry-run`}>Dry run</label>
          <p id={`${id}-dry-run-hint`} className="field__hint">
            Go through the files without writing an archive, to check the paths and patterns.
          </p>
        </div>
      </div>
      <div className="choice">
        <input
          type="checkbox"
          id={`${id}-one-fs`}
          checked={oneFileSystem}
          onChange={(event) => onOneFileSystemChange(event.target.checked)}
          aria-describedby={`${id}-one-fs-hint`}
        />
        <div>
          <label htmlFor={`${id}-one-fs`}>Stay on one file system</label>
          <p id={`${id}-one-fs-hint`} className="field__hint">
            Do not descend into other file systems mounted below a source path (network shares, /proc, …).
          </p>
        </div>
      </div>
    </fieldset>
  );
}
