import { useCallback, useMemo, useState } from 'react';

/** Rows ticked on the page shown; keys that leave the page (another page, a refreshed list) drop out of it. */
export interface Selection<K> {
  /** The ticked keys, in the order of the page. */
  keys: K[];
  has(key: K): boolean;
  toggle(key: K): void;
  /** Every row of the page is ticked. */
  all: boolean;
  /** Some rows of the page are ticked, not all. */
  some: boolean;
  /** Ticks every row of the page, or none when all were ticked. */
  toggleAll(): void;
  clear(): void;
}

export function useSelection<K>(pageKeys: readonly K[]): Selection<K> {
  const [ticked, setTicked] = useState<ReadonlySet<K>>(() => new Set());
  const keys = useMemo(() => pageKeys.filter((key) => ticked.has(key)), [pageKeys, ticked]);
  const all = pageKeys.length > 0 && keys.length === pageKeys.length;

  const toggle = useCallback(
    (key: K) =>
      setTicked((before) => {
        const next = new Set(before);
        if (!next.delete(key)) next.add(key);
        return next;
      }),
    [],
  );
  const toggleAll = useCallback(() => setTicked(all ? new Set() : new Set(pageKeys)), [all, pageKeys]);
  const clear = useCallback(() => setTicked(new Set()), []);

  return { keys, has: (key) => keys.includes(key), toggle, all, some: keys.length > 0 && !all, toggleAll, clear };
}
