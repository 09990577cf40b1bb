import { Field, InputType, Int } from '@nestjs/graphql';

/** The body of POST /api/v1/backups/manual in camelCase; checked by the same rules (graphql-input.ts). */
@InputType('StartBackupInput')
export class StartBackupInput {
  @Field(() => Int)
  repositoryId!: number;

  @Field(() => [String], { description: 'The directories or files to back up' })
  sourcePaths!: string[];

  @Field(() => String, { nullable: true, description: 'borg placeholders ({now}, {hostname}, …) are expanded by borg' })
  archiveName?: string | null;

  @Field(() => String, { nullable: true, description: 'none, lz4, zstd[,1-22], zlib[,0-9], lzma[,0-9], or auto,<spec>' })
  compression?: string;

  @Field(() => [String], { nullable: true, description: 'borg exclude patterns' })
  excludePatterns?: string[];

  @Field(() => Boolean, { nullable: true })
  oneFileSystem?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Go through the files without writing an archive' })
  dryRun?: boolean;

  @Field(() => String, { nullable: true })
  comment?: string;
}

/** StartBackupInput as a resolver receives it: a plain object, checked as the REST body (not by the global pipe). */
export type StartBackupFields = { [K in keyof StartBackupInput]: StartBackupInput[K] };
