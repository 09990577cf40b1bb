import { useSearchParams } from 'react-router-dom';

/** The list offset kept in the address (`?offset=`), and a function to go to another one. */
export function useOffsetParam(): [number, (offset: number) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const value = Number(searchParams.get('offset'));
  const offset = Number.isInteger(value) && value > 0 ? value : 0;
  return [offset, (next) => setSearchParams(next > 0 ? { offset: String(next) } : {})];
}
