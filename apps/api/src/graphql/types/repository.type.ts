import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { DtoField } from './dto-field';

@ObjectType('Repository', { description: 'A repository (GET /api/v1/repositories/{id}), with its archives, schedules and newest job' })
export class RepositoryObject {
  @Field(() => Int)
  id!: number;

  @Field()
  name!: string;

  @Field()
  path!: string;

  @Field()
  encryption!: string;

  @DtoField(() => Boolean, { description: 'Whether a passphrase is stored (it is never returned)' })
  has_passphrase!: boolean;

  @DtoField(() => Boolean)
  is_remote!: boolean;

  @DtoField(() => Int, { nullable: true, description: 'From the last test/info; null until then' })
  archives_count!: number | null;

  @DtoField(() => Float, { nullable: true })
  original_size!: number | null;

  @DtoField(() => Float, { nullable: true })
  compressed_size!: number | null;

  @DtoField(() => Float, { nullable: true, description: 'Bytes the repository really uses on disk' })
  deduplicated_size!: number | null;

  @DtoField(() => String, { nullable: true })
  last_archive_at!: string | null;

  @DtoField(() => String, { nullable: true })
  newest_archive_at!: string | null;

  @DtoField(() => Int, { nullable: true })
  max_age_hours!: number | null;

  @Field()
  overdue!: boolean;

  @DtoField(() => String, { nullable: true })
  overdue_since!: string | null;

  @DtoField(() => String, { nullable: true })
  unreachable_since!: string | null;

  @DtoField(() => String, { nullable: true })
  low_space_since!: string | null;

  @DtoField(() => String)
  created_at!: string;

  @DtoField(() => String)
  updated_at!: string;
}
