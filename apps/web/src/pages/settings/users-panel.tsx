import { useState } from 'react';
import type { User } from '../../api/auth';
import { USER_PAGE_SIZE, useDeleteUser, useUsers } from '../../api/users';
import { DeleteDialog } from '../../components/delete-dialog';
import { PagedList } from '../../components/paged-list';
import { RelativeTime } from '../../components/relative-time';
import { SETTINGS_PATH } from '../../paths/page-paths';
import { AddUserForm } from './add-user-form';
import { ResetPasswordDialog } from './reset-password-dialog';
import { roleLabel } from './role-words';
import { RoleDialog } from './role-dialog';

/** The server's users (for an admin): each with its role, which can be changed, a password reset, and Delete; then a form to add one. */
export function UsersPanel({ currentUserId }: { currentUserId: number }) {
  const [offset, setOffset] = useState(0);
  const users = useUsers(offset);
  const remove = useDeleteUser();
  const [changingRole, setChangingRole] = useState<User | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [deleting, setDeleting] = useState<User | null>(null);

  return (
    <>
      <section className="panel" aria-labelledby="users-heading">
        <h2 id="users-heading" className="settings-heading">
          Users
        </h2>
        <p className="panel__text muted">
          Who may log in to this server, and what each may do. The last admin cannot be removed or demoted.
        </p>
        <PagedList
          query={users}
          loading="Loading the users…"
          empty={<p>There are no users.</p>}
          noun="users"
          firstPagePath={SETTINGS_PATH}
          label="Users"
          offset={offset}
          pageSize={USER_PAGE_SIZE}
          onOffsetChange={setOffset}
        >
          {(items) => (
            <div className="table-scroll users-table">
              <table className="data-table data-table--stacked">
                <caption className="visually-hidden">Users</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Role</th>
                    <th scope="col">Created</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((user) => (
                    <tr key={user.id}>
                      <th scope="row">
                        {user.username}
                        {user.id === currentUserId && <span className="muted"> (you)</span>}
                      </th>
                      <td data-label="Role">{roleLabel(user.role)}</td>
                      <td data-label="Created">
                        <RelativeTime value={user.created_at} />
                      </td>
                      <td className="users-table__actions">
                        <button
                          type="button"
                          className="button button--small"
                          onClick={() => setChangingRole(user)}
                          aria-label={`Change the role of ${user.username}`}
                        >
                          Change role
                        </button>
                        <button
                          type="button"
                          className="button button--small"
                          onClick={() => setResetting(user)}
                          aria-label={`Reset the password of ${user.username}`}
                        >
                          Reset password
                        </button>
                        <button
                          type="button"
                          className="button button--small button--danger-outline"
                          onClick={() => setDeleting(user)}
                          aria-label={`Delete ${user.username}`}
                        >
                          Delete
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </PagedList>
      </section>
      <AddUserForm />

      <RoleDialog user={changingRole} onClose={() => setChangingRole(null)} />
      <ResetPasswordDialog user={resetting} onClose={() => setResetting(null)} />
      <DeleteDialog item={deleting} title="Delete this user?" confirmLabel="Delete user" remove={remove} onClose={() => setDeleting(null)}>
        {({ username }) => (
          <p>
            <strong>{username}</strong> can no longer log in, and is logged out everywhere. What they did stays in the audit log.
          </p>
        )}
      </DeleteDialog>
    </>
  );
}
