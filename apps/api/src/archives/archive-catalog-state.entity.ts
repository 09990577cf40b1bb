import { Column, Entity, PrimaryColumn } from 'typeorm';

/** When a repository's archive list was last read from borg; a repository without a row has never been read. */
@Entity('archive_catalogs')
export class ArchiveCatalogStateEntity {
  @PrimaryColumn({ name: 'repository_id', type: 'integer' })
  repositoryId!: number;

  @Column({ name: 'refreshed_at', type: 'datetime' })
  refreshedAt!: Date;
}
