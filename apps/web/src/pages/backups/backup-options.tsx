import { CheckboxField } from '../../components/checkbox-field';

interface BackupOptionsProps {
  dryRun: boolean;
  oneFileSystem: boolean;
  onDryRunChange: (value: boolean) => void;
  onOneFileSystemChange: (value: boolean) => void;
}

/** The switches of `borg create`: --dry-run and --one-file-system. */
export function BackupOptions({ dryRun, oneFileSystem, onDryRunChange, onOneFileSystemChange }: BackupOptionsProps) {
  return (
    <fieldset className="backup-options">
      <legend>Options</legend>
      <CheckboxField
        label="Dry run"
        checked={dryRun}
        onChange={onDryRunChange}
        hint="Go through the files without writing an archive, to check the paths and patterns."
      />
      <CheckboxField
        label="Stay on one file system"
        checked={oneFileSystem}
        onChange={onOneFileSystemChange}
        hint="Do not descend into other file systems mounted below a source path (network shares, /proc, …)."
      />
    </fieldset>
  );
}
