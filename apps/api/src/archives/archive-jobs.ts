/** What a delete_archive job is given. */
export interface DeleteArchiveParameters {
  archive_name: string;
}

/** What a restore job is given. Paths are surrogate-escaped archive paths without a leading slash; [] is everything. */
export interface RestoreParameters {
  archive_name: string;
  paths: string[];
  destination: string;
  strip_components: number;
  overwrite: boolean;
}
