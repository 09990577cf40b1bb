import { useId, useLayoutEffect, useRef, useState } from 'react';
import type { JobLogLine } from '../api/jobs';
import { formatTimeOfDay } from '../format/date-time';
import './log-viewer.css';

interface LogViewerProps {
  lines: JobLogLine[];
  /** The lines are still being read. */
  loading?: boolean;
  /** Why the log could not be read. */
  error?: string | null;
  /** The log reached its size cap and later lines were dropped. */
  truncated?: boolean;
  /** Where the whole log can be downloaded as text. */
  downloadUrl: string;
  downloadName: string;
}

const LEVEL_LABELS: Record<JobLogLine['level'], string> = {
  debug: 'DEBUG',
  info: 'INFO',
  warning: 'WARN',
  error: 'ERROR',
};

/** Pixels from the bottom that still count as "at the bottom". */
const BOTTOM_SLACK = 8;

/**
 * A job's log in monospace, warnings and errors coloured. It follows new lines
 * while it is scrolled to the bottom; scrolling up stops that, and scrolling
 * back down or the Follow button starts it again.
 */
export function LogViewer({ lines, loading = false, error, truncated = false, downloadUrl, downloadName }: LogViewerProps) {
  const headingId = useId();
  const bodyRef = useRef<HTMLDivElement>(null);
  const [follow, setFollow] = useState(true);

  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (follow && body) body.scrollTop = body.scrollHeight;
  }, [lines, follow]);

  function onScroll() {
    const body = bodyRef.current;
    if (!body) return;
    const atBottom = body.scrollHeight - body.scrollTop - body.clientHeight <= BOTTOM_SLACK;
    if (atBottom !== follow) setFollow(atBottom);
  }

  return (
    <section className="panel log-viewer" aria-labelledby={headingId}>
      <div className="panel__header">
        <h2 id={headingId}>Log</h2>
        <div className="log-viewer__actions">
          <button
            type="button"
            className="button log-viewer__follow"
            aria-pressed={follow}
            onClick={() => setFollow((current) => !current)}
            title={follow ? 'Stop scrolling to new lines' : 'Scroll to new lines as they come'}
          >
            Follow
          </button>
          <a className="button" href={downloadUrl} download={downloadName}>
            Download log
          </a>
        </div>
      </div>
      {error && (
        <p className="alert alert--error log-viewer__alert" role="alert">
          {error}
        </p>
      )}
      {truncated && (
        <p className="alert alert--warning log-viewer__alert">
          The log reached its size limit; later lines were not kept. The job itself carried on.
        </p>
      )}
      <div ref={bodyRef} className="log-viewer__body" role="log" aria-label="Job log" tabIndex={0} onScroll={onScroll}>
        {lines.length === 0 ? (
          <p className="log-viewer__empty">{loading ? 'Loading the log…' : 'Nothing has been logged yet.'}</p>
        ) : (
          lines.map((line) => (
            <div key={line.offset} className={`log-line log-line--${line.level}`}>
              <time className="log-line__time" dateTime={line.time}>
                {formatTimeOfDay(new Date(line.time))}
              </time>
              <span className="log-line__level">{LEVEL_LABELS[line.level] ?? line.level}</span>
              <span className="log-line__message">{line.message}</span>
            </div>
          ))
        )}
      </div>
    </section>
  );
}
