/** Apprise's notification types; services show them as colours or icons. */
export type AppriseNotifyType = 'info' | 'success' | 'warning' | 'failure';

export interface AppriseMessage {
  title: string;
  body: string;
  type: AppriseNotifyType;
}

export interface AppriseSendOptions {
  /** Aborting ends apprise's process group and makes send reject with the signal's reason. */
  signal?: AbortSignal;
  /** After this long apprise's process group is ended and the outcome is "timed out". Default 30000. */
  timeoutMs?: number;
  /** Called with the pid (also the process group id) of apprise once it is started. */
  onSpawn?: (pid: number) => void;
}

/** A reason never holds the URL's secrets: URLs in it are masked and the URL's secret parts scrubbed. */
export type AppriseOutcome = { ok: true } | { ok: false; reason: string };
