import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

/** The name of a policy in a request body: what a schedule's form offers; unique among policies of its kind. */
export function PolicyNameProperty(example: string) {
  return applyDecorators(ApiProperty({ example, minLength: 1, maxLength: 100 }), IsString(), MinLength(1), MaxLength(100));
}

/** What every kind of policy says of itself in a response. */
export abstract class PolicyDto {
  @ApiProperty()
  id!: number;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  created_at!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  updated_at!: string;
}
