export interface Throttled {
  (): void;
  /** Drops a call that is waiting to run. */
  cancel(): void;
}

/**
 * Runs `fn` at most once per `ms`: the first call runs at once, calls within
 * the interval are folded into one that runs when it ends, so the last call is
 * never lost.
 */
export function throttle(fn: () => void, ms: number): Throttled {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const run = () => {
    timer = null;
    last = Date.now();
    fn();
  };

  const throttled = () => {
    if (timer !== null) return;
    const wait = last + ms - Date.now();
    if (wait <= 0) run();
    else timer = setTimeout(run, wait);
  };
  throttled.cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  return throttled;
}
