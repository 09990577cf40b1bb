import { JOB_STATUSES, JOB_TYPES } from '@borgitory/job-states';
import { type JobFilters as Filters } from '../../api/jobs';
import type { Repository } from '../../api/repositories';
import { SelectField } from '../../components/select-field';
import { jobStatusLabel, jobTypeLabel } from '../../format/job-labels';

interface JobFiltersProps {
  filters: Filters;
  repositories: Repository[];
  onChange: (filters: Filters) => void;
}

/** Status, type and repository selects that narrow the list; "All" clears a filter. */
export function JobFilters({ filters, repositories, onChange }: JobFiltersProps) {
  return (
    <div className="job-filters" role="search" aria-label="Filter jobs">
      <SelectField
        label="Status"
        name="status"
        value={filters.status ?? ''}
        onChange={(event) => onChange({ ...filters, status: (event.target.value || undefined) as Filters['status'] })}
      >
        <option value="">All statuses</option>
        {JOB_STATUSES.map((status) => (
          <option key={status} value={status}>
            {jobStatusLabel(status)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Type"
        name="type"
        value={filters.type ?? ''}
        onChange={(event) => onChange({ ...filters, type: (event.target.value || undefined) as Filters['type'] })}
      >
        <option value="">All types</option>
        {JOB_TYPES.map((type) => (
          <option key={type} value={type}>
            {jobTypeLabel(type)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Repository"
        name="repository"
        value={filters.repository_id === undefined ? '' : String(filters.repository_id)}
        onChange={(event) => onChange({ ...filters, repository_id: event.target.value ? Number(event.target.value) : undefined })}
      >
        <option value="">All repositories</option>
        {/* A repository in the address that is not among the choices still shows as chosen. */}
        {filters.repository_id !== undefined && !repositories.some((r) => r.id === filters.repository_id) && (
          <option value={filters.repository_id}>Repository #{filters.repository_id}</option>
        )}
        {repositories.map((repository) => (
          <option key={repository.id} value={repository.id}>
            {repository.name}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
