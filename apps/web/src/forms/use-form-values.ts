import { useState, type Dispatch, type SetStateAction } from 'react';

/** A form's values with a typed setter per field: `set('name')(value)`. */
export function useFormValues<T extends object>(
  initial: T | (() => T),
): [T, <K extends keyof T>(field: K) => (value: T[K]) => void, Dispatch<SetStateAction<T>>] {
  const [values, setValues] = useState<T>(initial);
  const set =
    <K extends keyof T>(field: K) =>
    (value: T[K]) =>
      setValues((current) => ({ ...current, [field]: value }));
  return [values, set, setValues];
}
