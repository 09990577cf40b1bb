import { useEffect, useRef } from 'react';

/** Handlers by event name; each gets the event's data parsed from JSON, and the event itself (for its id). */
export type EventHandlers = Record<string, (data: unknown, event: MessageEvent<string>) => void>;

interface EventSourceOptions {
  /** The event after which the server ends the stream: the connection is closed then, so it is not reopened. */
  closeOn?: string;
  /** The stream failed for good (the browser gave up reconnecting, e.g. the session ended). */
  onFailure?: () => void;
}

/**
 * Follows a Server-Sent Events stream of the API with the browser's
 * EventSource (same origin, so the session cookie rides along) while `url` is
 * set. A dropped connection is reopened by the browser, which sends the last
 * event id so that the server can resume. Handlers may change on every render
 * without reconnecting.
 */
export function useEventSource(url: string | null, handlers: EventHandlers, options: EventSourceOptions = {}): void {
  const latest = useRef({ handlers, options });
  useEffect(() => {
    latest.current = { handlers, options };
  });

  // The event names are part of the subscription; handlers and options are read when an event comes.
  const closeOn = options.closeOn;
  const names = [...new Set([...Object.keys(handlers), ...(closeOn ? [closeOn] : [])])].sort().join(',');

  useEffect(() => {
    if (url === null) return;
    const source = new EventSource(url);
    const listeners = names
      .split(',')
      .filter(Boolean)
      .map((name) => {
        const listener = (event: MessageEvent<string>) => {
          let data: unknown;
          try {
            data = JSON.parse(event.data);
          } catch {
            return;
          }
          latest.current.handlers[name]?.(data, event);
          if (name === closeOn) source.close();
        };
        source.addEventListener(name, listener);
        return [name, listener] as const;
      });
    const onError = () => {
      if (source.readyState === EventSource.CLOSED) latest.current.options.onFailure?.();
    };
    source.addEventListener('error', onError);
    return () => {
      for (const [name, listener] of listeners) source.removeEventListener(name, listener);
      source.removeEventListener('error', onError);
      source.close();
    };
  }, [url, names, closeOn]);
}
