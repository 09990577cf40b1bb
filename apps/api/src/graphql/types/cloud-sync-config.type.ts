import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DtoField } from './dto-field';
import { JsonScalar } from './json.scalar';

@ObjectType('CloudSyncLastSync')
export class CloudSyncLastSyncObject {
  @DtoField(() => Int)
  job_id!: number;

  @Field()
  status!: string;

  @DtoField(() => String)
  finished_at!: string;
}

@ObjectType('CloudSyncConfig', { description: 'A cloud sync configuration; secrets are never returned, only which are set' })
export class CloudSyncConfigObject {
  @Field(() => Int)
  id!: number;

  @Field()
  name!: string;

  @Field()
  provider!: string;

  @DtoField(() => JsonScalar, { description: 'The fields that are not secret' })
  provider_config!: unknown;

  @DtoField(() => [String])
  secrets_set!: string[];

  @DtoField(() => String)
  path_prefix!: string;

  @Field()
  mode!: string;

  @DtoField(() => String, { nullable: true })
  bandwidth_limit!: string | null;

  @DtoField(() => CloudSyncLastSyncObject, { nullable: true })
  last_sync!: CloudSyncLastSyncObject | null;

  @DtoField(() => String)
  created_at!: string;

  @DtoField(() => String)
  updated_at!: string;
}
