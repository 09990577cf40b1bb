import { useParams } from 'react-router-dom';

/** The `:archive` of the address (React Router has decoded it), or null when there is none. */
export function useArchiveName(): string | null {
  const { archive } = useParams();
  return archive ? archive : null;
}
