import { ApiRequestError } from '@borgitory/api-client';
import { useId, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useRestoreArchive, type ArchiveEntry } from '../../api/archives';
import { useHosts } from '../../api/hosts';
import { useRestoreRoots } from '../../api/restore-roots';
import { CheckboxField } from '../../components/checkbox-field';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { DirectoryPickerDialog } from '../../components/directory-picker-dialog';
import { Field } from '../../components/field';
import { SelectField } from '../../components/select-field';
import { displayPath, pathComponents } from '../../format/archive-path';
import { formErrors } from '../../forms/form-errors';

interface RestoreDialogProps {
  open: boolean;
  repositoryId: number;
  archive: string;
  /** The directory of the archive the entries were chosen in. */
  folder: string;
  entries: ArchiveEntry[];
  onClose: () => void;
}

/** Names shown in the dialog; the rest are counted. */
const SHOWN_ENTRIES = 5;

/**
 * Restores the selected files and directories into a directory of the server, or of a host.
 * By default they land directly in it (the folders above them are dropped, as
 * `--strip-components` does); "Keep full paths" recreates their path from the
 * archive root. Once the job is queued its page follows it live.
 */
export function RestoreDialog({ open, repositoryId, archive, folder, entries, onClose }: RestoreDialogProps) {
  const restore = useRestoreArchive(repositoryId, archive);
  const navigate = useNavigate();
  const [destination, setDestination] = useState('');
  const [keepPaths, setKeepPaths] = useState(false);
  const [overwrite, setOverwrite] = useState(false);
  const [picking, setPicking] = useState(false);
  const [toOriginal, setToOriginal] = useState(false);
  // The host to restore onto, by id; '' for this server.
  const [hostId, setHostId] = useState('');
  const hosts = useHosts(0, open).data?.items ?? [];
  const host = hosts.find((candidate) => String(candidate.id) === hostId);
  const whereName = useId();
  const rootsAnswer = useRestoreRoots(open).data;
  // An operator restores only inside the server's restore roots; null: anywhere.
  const roots = rootsAnswer && !rootsAnswer.anywhere ? rootsAnswer.roots : null;

  const depth = pathComponents(folder).length;
  const existing = conflictTargets(restore.error);
  // A conflict lists what is in the way (shown below the fields), not a field's problem.
  const { fields: errors, alert } = formErrors(existing === null ? restore.error : null, {
    shown: ['host_id', 'destination', 'paths'],
    labels: { overwrite: 'Replace', strip_components: 'Keep full paths' },
  });
  const target = destination.trim().replace(/\/+$/, '') || '…';
  const first = entries[0];

  function close() {
    restore.reset();
    setOverwrite(false);
    onClose();
  }

  function submit() {
    const paths = entries.map((entry) => entry.path);
    const onto = host ? { host_id: host.id } : {};
    restore.mutate(
      toOriginal
        ? { paths, to_original_location: true, overwrite, ...onto }
        : { paths, destination: destination.trim(), strip_components: keepPaths ? 0 : depth, overwrite, ...onto },
      { onSuccess: (job) => navigate(`/jobs/${job.id}`) },
    );
  }

  /** A path of one machine means nothing on another: the destination starts again. */
  function chooseHost(id: string) {
    setHostId(id);
    setDestination('');
    if (restore.isError) restore.reset();
  }

  function chooseWhere(original: boolean) {
    setToOriginal(original);
    setOverwrite(false);
    if (restore.isError) restore.reset();
  }

  return (
    <>
      <ConfirmDialog
        open={open}
        title={`Restore ${entries.length === 1 ? '1 item' : `${entries.length} items`}`}
        confirmLabel="Restore"
        busyLabel="Starting the restore…"
        busy={restore.isPending}
        confirmDisabled={entries.length === 0 || (toOriginal ? !overwrite : destination.trim() === '')}
        error={alert}
        onConfirm={submit}
        onCancel={close}
      >
        <div>
          <p>
            From <code className="wrap">{archive}</code>:
          </p>
          <ul className="restore-dialog__entries">
            {entries.slice(0, SHOWN_ENTRIES).map((entry) => (
              <li key={entry.path}>
                <code className="wrap">{displayPath(entry.path)}</code>
                {entry.type === 'directory' && <span className="muted"> (folder)</span>}
              </li>
            ))}
            {entries.length > SHOWN_ENTRIES && <li className="muted">and {entries.length - SHOWN_ENTRIES} more</li>}
          </ul>
          {errors['paths'] && (
            <ul className="field__errors">
              {errors['paths'].map((message) => (
                <li key={message}>{displayPath(message)}</li>
              ))}
            </ul>
          )}
        </div>

        {hosts.length > 0 && (
          <SelectField
            label="Restore to"
            name="host"
            value={host ? hostId : ''}
            onChange={(event) => chooseHost(event.target.value)}
            hint={host ? `Borgitory logs in to ${host.name} and runs borg extract there.` : undefined}
            errors={errors['host_id']}
          >
            <option value="">This server</option>
            {hosts.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}
              </option>
            ))}
          </SelectField>
        )}

        <fieldset className="restore-dialog__where">
          <legend>Where to</legend>
          <div className="choice">
            <input type="radio" id={`${whereName}-directory`} name={whereName} checked={!toOriginal} onChange={() => chooseWhere(false)} />
            <label htmlFor={`${whereName}-directory`}>Into a directory</label>
          </div>
          <div className="choice">
            <input type="radio" id={`${whereName}-original`} name={whereName} checked={toOriginal} onChange={() => chooseWhere(true)} />
            <label htmlFor={`${whereName}-original`}>To the original location</label>
          </div>
        </fieldset>

        {toOriginal ? (
          <div className="alert alert--warning">
            <p>
              Each item goes back to the path it was backed up from, such as{' '}
              <code className="wrap">{first ? displayPath(first.path) : '/…'}</code>. A file that is there now is replaced by the archive’s
              version; files that are not in the archive are left alone. This cannot be undone.
            </p>
            {roots && !host && <p>As an operator, you restore there only what was backed up from inside {rootsWords(roots)}.</p>}
            <CheckboxField
              label="Replace the files at their original location"
              checked={overwrite}
              onChange={(checked) => {
                setOverwrite(checked);
                if (restore.isError) restore.reset();
              }}
            />
          </div>
        ) : (
          <>
            <Field
              label="Destination directory"
              hint={
                host
                  ? `An existing directory on ${host.name} that the user Borgitory logs in as can write to.`
                  : roots
                    ? `An existing directory inside ${rootsWords(roots)}, where operators restore, that Borgitory can write to.`
                    : 'An existing directory on this server that Borgitory can write to.'
              }
              errors={errors['destination']}
              className="mono"
            >
              {(control) => (
                <div className="restore-dialog__destination">
                  <input
                    {...control}
                    type="text"
                    name="destination"
                    autoComplete="off"
                    autoCapitalize="none"
                    spellCheck={false}
                    placeholder={host ? '/home/…/restore' : (roots?.[0] ?? '/srv/restore')}
                    value={destination}
                    onChange={(event) => {
                      setDestination(event.target.value);
                      if (restore.isError) restore.reset();
                    }}
                  />
                  <button type="button" className="button" onClick={() => setPicking(true)}>
                    Browse…<span className="visually-hidden"> for the destination directory</span>
                  </button>
                </div>
              )}
            </Field>

            <div className="restore-dialog__options">
              <CheckboxField
                label="Keep full paths"
                checked={keepPaths}
                onChange={(checked) => {
                  setKeepPaths(checked);
                  if (restore.isError) restore.reset();
                }}
              />
              <CheckboxField
                label="Overwrite existing files"
                checked={overwrite}
                onChange={(checked) => {
                  setOverwrite(checked);
                  if (restore.isError) restore.reset();
                }}
              />
            </div>

            {first && (
              <p className="restore-dialog__preview">
                {entries.length === 1 ? 'It lands at ' : 'They land like '}
                <code className="wrap">{displayPath(`${target}${keepPaths ? first.path : `/${first.name}`}`)}</code>
                {keepPaths ? ', with the folders above it from the archive.' : ', directly in the destination.'}
              </p>
            )}
          </>
        )}

        {existing && (
          <div className="alert alert--warning" role="alert">
            <p>These already exist at the destination:</p>
            <ul className="restore-dialog__existing">
              {existing.map((path) => (
                <li key={path}>
                  <code className="wrap">{displayPath(path)}</code>
                </li>
              ))}
            </ul>
            <p>Tick “Overwrite existing files” to replace them, or choose another destination.</p>
          </div>
        )}
      </ConfirmDialog>

      <DirectoryPickerDialog
        open={open && picking}
        startPath={destination || (host ? '' : (roots?.[0] ?? ''))}
        title="Choose where to restore"
        chooseFiles={false}
        host={host ?? null}
        onChoose={(path) => {
          setDestination(path);
          setPicking(false);
          if (restore.isError) restore.reset();
        }}
        onClose={() => setPicking(false)}
      />
    </>
  );
}

function rootsWords(roots: string[]): string {
  return roots.length === 1 ? roots[0] : `${roots.slice(0, -1).join(', ')} or ${roots[roots.length - 1]}`;
}

/** The targets a 409 CONFLICT names in `details.existing`, or null for any other answer. */
function conflictTargets(error: unknown): string[] | null {
  if (!(error instanceof ApiRequestError) || error.code !== 'CONFLICT') return null;
  const existing = error.details?.['existing'];
  return Array.isArray(existing) ? existing.filter((item): item is string => typeof item === 'string') : [];
}
