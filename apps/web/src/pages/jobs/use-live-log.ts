import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { JobLog, JobLogLine } from '../../api/jobs';

/**
 * The log lines of a job as one list: the lines read when the page opened,
 * then the live lines that follow them. Live lines are gathered and added once
 * per animation frame, so a burst of them is one render.
 */
export function useLiveLog(loaded: JobLog | undefined) {
  const [live, setLive] = useState<JobLogLine[]>([]);
  const pending = useRef<JobLogLine[]>([]);
  const frame = useRef<number | null>(null);

  useEffect(
    () => () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    },
    [],
  );

  const append = useCallback((line: JobLogLine) => {
    pending.current.push(line);
    if (frame.current !== null) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      const incoming = pending.current.splice(0);
      setLive((current) => {
        // The stream replays the log from its start, and again after a reconnect with a stale id: keep each line once.
        let last = current.at(-1)?.offset ?? -1;
        const fresh: JobLogLine[] = [];
        for (const line of incoming) {
          if (line.offset > last) {
            fresh.push(line);
            last = line.offset;
          }
        }
        return fresh.length > 0 ? [...current, ...fresh] : current;
      });
    });
  }, []);

  const lines = useMemo(() => {
    if (!loaded) return live;
    const after = live.filter((line) => line.offset >= loaded.nextOffset);
    return after.length > 0 ? [...loaded.lines, ...after] : loaded.lines;
  }, [loaded, live]);

  return { lines, append };
}
