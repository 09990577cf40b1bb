/** The forms a repository location can take. */
export const LOCATION_HINT = (
  <>
    An absolute path on this server (<code>/mnt/backups/laptop</code>), <code>ssh://user@host:port/path</code>, or{' '}
    <code>user@host:path</code>.
  </>
);
