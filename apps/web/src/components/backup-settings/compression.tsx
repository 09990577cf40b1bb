/** The compression choices offered; anything else borg takes can be typed as a custom value. */
export const COMPRESSION_PRESETS = [
  { value: 'lz4', label: 'lz4 (default)', hint: 'Very fast, with modest compression: a good default.' },
  { value: 'zstd', label: 'zstd', hint: 'Compresses better than lz4 at a good speed (level 3).' },
  { value: 'zstd,10', label: 'zstd,10', hint: 'Smaller archives, noticeably slower.' },
  { value: 'zlib', label: 'zlib', hint: 'The classic gzip algorithm (level 6).' },
  { value: 'lzma', label: 'lzma', hint: 'The smallest archives, but very slow.' },
  {
    value: 'auto,zstd',
    label: 'auto,zstd',
    hint: 'borg tries each chunk with lz4 first and only compresses with zstd what is worth it.',
  },
  { value: 'none', label: 'none', hint: 'No compression.' },
] as const;

export const CUSTOM_COMPRESSION = 'custom';

export const COMPRESSION_SYNTAX = (
  <>
    <code>none</code>, <code>lz4</code>, <code>zstd[,1-22]</code>, <code>zlib[,0-9]</code>, <code>lzma[,0-9]</code>, or <code>auto,</code>{' '}
    followed by one of those.
  </>
);

/** The hint for a preset; the custom choice explains the syntax instead. */
export function compressionHint(choice: string) {
  return COMPRESSION_PRESETS.find((preset) => preset.value === choice)?.hint ?? null;
}
