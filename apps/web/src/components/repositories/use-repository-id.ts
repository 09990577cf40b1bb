import { useParams } from 'react-router-dom';

/** The `:id` of the address as a repository id, or null when it cannot be one. */
export function useRepositoryId(): number | null {
  const { id } = useParams();
  const value = Number(id);
  return Number.isSafeInteger(value) && value > 0 && String(value) === id ? value : null;
}
