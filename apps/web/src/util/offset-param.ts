import { useSearchParams } from 'react-router-dom';

/** A list offset from the address (`?offset=`): a whole number above 0, else 0. */
export function parseOffset(value: string | null): number {
  const offset = Number(value);
  return Number.isInteger(offset) && offset > 0 ? offset : 0;
}

/** The list offset kept in the address (`?offset=`), and a function to go to another one. */
export function useOffsetParam(): [number, (offset: number) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const offset = parseOffset(searchParams.get('offset'));
  return [offset, (next) => setSearchParams(next > 0 ? { offset: String(next) } : {})];
}
