import { Field, Float, InputType, ObjectType } from '@nestjs/graphql';
import { IsIn, IsOptional } from 'class-validator';
import { Connection } from './connection';
import { DtoField } from './dto-field';
import { SortOrderEnum } from './enums';

@ObjectType('Archive', { description: 'An archive as the stored list has it (GET /api/v1/repositories/{id}/archives)' })
export class ArchiveObject {
  @Field()
  name!: string;

  @Field({ description: "borg's archive id (64 hex digits)" })
  id!: string;

  @Field()
  start!: string;

  @Field(() => String, { nullable: true })
  end!: string | null;

  @Field(() => String, { nullable: true })
  hostname!: string | null;

  @Field(() => String, { nullable: true })
  comment!: string | null;

  @DtoField(() => Float, { nullable: true })
  file_count!: number | null;

  @DtoField(() => Float, { nullable: true, description: 'Bytes before compression and deduplication' })
  original_size!: number | null;

  @DtoField(() => Float, { nullable: true })
  compressed_size!: number | null;

  @DtoField(() => Float, { nullable: true, description: 'Bytes only this archive uses' })
  deduplicated_size!: number | null;

  @DtoField(() => Float, { nullable: true })
  duration_seconds!: number | null;

  @Field({ description: 'Whether a browse index of the archive is ready' })
  indexed!: boolean;
}

@ObjectType('ArchiveConnection', { description: "A repository's archives, by start time" })
export class ArchiveConnection extends Connection(ArchiveObject, 'Archive') {}

@InputType('ArchiveFilter')
export class ArchiveFilter {
  @Field(() => SortOrderEnum, { nullable: true, description: 'By start time; desc (the default) is newest first' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';
}
