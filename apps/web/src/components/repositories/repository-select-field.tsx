import { Link } from 'react-router-dom';
import { errorMessage } from '../../api/errors';
import { useRepositoryOptions } from '../../api/repositories';
import { SelectField } from '../select-field';
import { RequiresRole } from '../requires-role';

interface RepositorySelectFieldProps {
  /** The chosen repository's id, or '' for none. */
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  errors?: string[];
  /** Only repositories on this server can be chosen; the others are listed, but disabled. */
  localOnly?: boolean;
}

/** A select of the repositories, by name; it says so when there are none yet or they cannot be loaded. */
export function RepositorySelectField({ value, onChange, hint, errors, localOnly = false }: RepositorySelectFieldProps) {
  const repositories = useRepositoryOptions();
  const options = repositories.data?.items ?? [];
  const none = repositories.isSuccess && options.length === 0;
  return (
    <SelectField
      label="Repository"
      name="repository"
      value={options.some((repository) => String(repository.id) === value) ? value : ''}
      onChange={(event) => onChange(event.target.value)}
      disabled={none}
      hint={
        none ? (
          <>
            There are no repositories yet.
            <RequiresRole atLeast="admin" otherwise=" Ask an admin to add one.">
              {' '}
              <Link to="/repositories/new">Create a repository</Link> first.
            </RequiresRole>
          </>
        ) : repositories.isError ? (
          <span className="field__load-error">{errorMessage(repositories.error)}</span>
        ) : (
          hint
        )
      }
      errors={errors}
    >
      <option value="">{repositories.isPending ? 'Loading repositories…' : 'Choose a repository'}</option>
      {options.map((repository) => (
        <option key={repository.id} value={repository.id} disabled={localOnly && repository.is_remote}>
          {localOnly && repository.is_remote ? `${repository.name} (on another machine)` : repository.name}
        </option>
      ))}
    </SelectField>
  );
}
