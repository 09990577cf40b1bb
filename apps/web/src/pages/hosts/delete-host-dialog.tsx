import { useDeleteHost, type Host } from '../../api/hosts';
import { DeleteDialog } from '../../components/delete-dialog';
import { hostEndpoint } from './host-form-values';

interface DeleteHostDialogProps {
  /** The host to delete; the dialog is open while there is one. */
  host: Host | null;
  onClose: () => void;
  onDeleted?: () => void;
}

/** Confirms deleting a host: Borgitory forgets it and its host key; nothing on the host changes. */
export function DeleteHostDialog({ host, onClose, onDeleted }: DeleteHostDialogProps) {
  const remove = useDeleteHost();
  return (
    <DeleteDialog item={host} title="Delete this host?" confirmLabel="Delete host" remove={remove} onClose={onClose} onDeleted={onDeleted}>
      {(item) => (
        <p>
          Borgitory forgets <strong>{item.name}</strong> ({hostEndpoint(item)}) and its host key. Nothing on the host changes: remove
          Borgitory&rsquo;s line from its <code>~/.ssh/authorized_keys</code> there to stop it logging in.
        </p>
      )}
    </DeleteDialog>
  );
}
