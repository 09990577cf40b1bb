import { errorMessage } from '../../api/errors';
import { useExportRepositoryKey, type Repository } from '../../api/repositories';
import { downloadText } from '../../util/download-text';

/** Why the key matters, and a button that downloads it (`borg key export`). */
export function RepositoryKeyPanel({ repository }: { repository: Repository }) {
  const exportKey = useExportRepositoryKey(repository.id);
  const keyfile = repository.encryption.startsWith('keyfile');

  function download() {
    exportKey.mutate(undefined, {
      onSuccess: (key) => downloadText(key.filename, key.key),
    });
  }

  return (
    <section className="panel" aria-labelledby="key-heading">
      <div className="panel__header">
        <h2 id="key-heading">Repository key</h2>
        <button type="button" className="button" onClick={download} disabled={exportKey.isPending}>
          {exportKey.isPending ? 'Exporting…' : 'Export key'}
        </button>
      </div>
      <p className="panel__text">
        The backups can only be read with the key and the passphrase together.{' '}
        {keyfile
          ? 'This repository keeps its key in a file on the Borgitory server: if the server is lost, so is the key.'
          : 'The key is stored in the repository: if that copy is damaged, the backups cannot be read without an exported copy.'}{' '}
        Keep the exported key somewhere safe, away from this server.
      </p>
      {exportKey.isError && (
        <p className="alert alert--error" role="alert">
          {errorMessage(exportKey.error)}
        </p>
      )}
      {exportKey.isSuccess && (
        <p className="panel__text muted" role="status">
          Downloaded {exportKey.data.filename}.
        </p>
      )}
    </section>
  );
}
