import { JOB_STATUSES, JOB_TYPES } from '@borgitory/job-states';
import { type JobFilters as Filters } from '../../api/jobs';
import type { Repository } from '../../api/repositories';
import { ChoiceSetField } from '../../components/choice-set-field';
import { DateRangeFields } from '../../components/date-range-fields';
import { SelectField } from '../../components/select-field';
import { jobStatusLabel, jobTypeLabel } from '../../format/job-labels';

interface JobFiltersProps {
  filters: Filters;
  repositories: Repository[];
  /** Gets each change as a function of the filters as they are when applied (see DateRangeFields). */
  onChange: (update: (filters: Filters) => Filters) => void;
}

const STATUS_CHOICES = JOB_STATUSES.map((status) => ({ value: status, label: jobStatusLabel(status) }));

/** Statuses (any of those on), type, repository and the days a job was created in; "All" or none on clears a filter. */
export function JobFilters({ filters, repositories, onChange }: JobFiltersProps) {
  return (
    <div className="job-filters" role="search" aria-label="Filter jobs">
      <ChoiceSetField
        legend="Status"
        choices={STATUS_CHOICES}
        value={filters.status ?? []}
        onChange={(status) => onChange((current) => ({ ...current, status: status.length > 0 ? status : undefined }))}
      />
      <SelectField
        label="Type"
        name="type"
        value={filters.type ?? ''}
        onChange={(event) => {
          const type = JOB_TYPES.find((choice) => choice === event.target.value);
          onChange((current) => ({ ...current, type }));
        }}
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
        onChange={(event) => {
          const repositoryId = event.target.value ? Number(event.target.value) : undefined;
          onChange((current) => ({ ...current, repository_id: repositoryId }));
        }}
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
      <DateRangeFields
        legend="Created"
        range={filters.days ?? {}}
        onChange={(update) => onChange((current) => ({ ...current, days: update(current.days ?? {}) }))}
      />
    </div>
  );
}
