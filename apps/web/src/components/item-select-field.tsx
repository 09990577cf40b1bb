import type { Page } from '@borgitory/api-client';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { errorMessage } from '../api/errors';
import { SelectField } from './select-field';

interface ItemSelectFieldProps<T extends { id: number; name: string }> {
  label: string;
  name: string;
  /** The chosen item's id, or '' for none. */
  value: string;
  onChange: (value: string) => void;
  /** The items to choose from. */
  query: UseQueryResult<Page<T>>;
  /** What the chosen item does, in words. */
  describe: (item: T) => ReactNode;
  /** What happens with none chosen, and where to make one. */
  none: ReactNode;
  /** The name of a chosen item that is not among the choices (yet): "Pruning policy #3". */
  unknownName: (id: string) => string;
  errors?: string[];
}

/** A select of optional items by name ("None" first), which says what the chosen one does, or what none means. */
export function ItemSelectField<T extends { id: number; name: string }>({
  label,
  name,
  value,
  onChange,
  query,
  describe,
  none,
  unknownName,
  errors,
}: ItemSelectFieldProps<T>) {
  const chosen = query.data?.items.find((item) => String(item.id) === value);
  return (
    <SelectField
      label={label}
      name={name}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      hint={query.isError ? <span className="field__load-error">{errorMessage(query.error)}</span> : chosen ? describe(chosen) : none}
      errors={errors}
    >
      <option value="">None</option>
      {/* An item the form names that is not among the choices (yet) still shows as chosen. */}
      {value !== '' && !chosen && <option value={value}>{unknownName(value)}</option>}
      {query.data?.items.map((item) => (
        <option key={item.id} value={item.id}>
          {item.name}
        </option>
      ))}
    </SelectField>
  );
}
