/** What the previous archive of the same sources held: the yardstick of a backup's estimate. */
export interface EstimateBasis {
  files: number;
  originalSize: number;
}

/** How far a backup has come by borg's running figures. */
export interface BackupSoFar {
  files: number;
  originalSize: number;
  elapsedSeconds: number;
}

export interface ProgressEstimate {
  /** 0–99.9, one decimal: a backup is never shown done before borg says so. */
  percent: number;
  /** null while too little is known, or once the backup has gone past what the previous archive held. */
  eta_seconds: number | null;
}

/** Below this share done, or this many seconds in, the pace says too little to tell the time left. */
const MIN_FRACTION_FOR_ETA = 0.01;
const MIN_SECONDS_FOR_ETA = 2;
const MAX_FRACTION = 0.999;

/**
 * The same sources and exclusions give the same key whatever their order: a backup of them can be measured against
 * the previous archive made of them.
 */
export function backupSourcesKey(sourcePaths: readonly string[], excludePatterns: readonly string[]): string {
  return JSON.stringify({ paths: [...sourcePaths].sort(), exclude: [...excludePatterns].sort() });
}

/**
 * How far along a backup is, measured against the previous archive of the same sources: the mean of the share of
 * its files and the share of its bytes read so far (files weigh for trees of many small files, bytes for large
 * ones). The time left is the time so far scaled by what remains. An estimate only: the sources may have grown.
 */
export function estimateProgress(basis: EstimateBasis, soFar: BackupSoFar): ProgressEstimate | null {
  const shares: number[] = [];
  if (basis.files > 0) shares.push(soFar.files / basis.files);
  if (basis.originalSize > 0) shares.push(soFar.originalSize / basis.originalSize);
  if (shares.length === 0) return null;
  const fraction = shares.reduce((sum, share) => sum + share, 0) / shares.length;
  const shown = Math.min(fraction, MAX_FRACTION);
  const knowsPace = fraction >= MIN_FRACTION_FOR_ETA && fraction < 1 && soFar.elapsedSeconds >= MIN_SECONDS_FOR_ETA;
  return {
    percent: Math.floor(shown * 1000) / 10,
    eta_seconds: knowsPace ? Math.round((soFar.elapsedSeconds * (1 - fraction)) / fraction) : null,
  };
}
