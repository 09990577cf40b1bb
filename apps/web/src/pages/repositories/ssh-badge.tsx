/** Marks a repository reached over ssh. */
export function SshBadge() {
  return (
    <span className="badge badge--neutral" title="Reached over ssh">
      ssh
    </span>
  );
}
