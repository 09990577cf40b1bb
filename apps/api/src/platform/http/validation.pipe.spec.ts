import { Type } from 'class-transformer';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { DomainError } from '../errors/domain-error';
import { ApiValidationPipe } from './validation.pipe';
import { HTTP_STATUS } from './error-status';

class ListQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

class CreateBody {
  @IsString()
  name!: string;
}

class NullableBody {
  @ApiProperty()
  @IsString()
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  note?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  count?: number;
}

class AccountBody {
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  @Matches(/^[A-Za-z0-9._@-]+$/, { message: 'username may only contain letters, digits and . _ @ -' })
  username!: string;

  @IsOptional()
  @Matches(/^\d+[Hdwmy]$/)
  keep_within?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  keep_daily?: number;
}

const ROBOT_WORDING = /must be longer than|must be shorter than|regular expression|integer number|must not be less|_within|^[a-z]/;

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a rejection');
}

describe('ApiValidationPipe', () => {
  const pipe = new ApiValidationPipe();

  it('answers a bad query parameter with 400 naming it', async () => {
    const error = await rejection(pipe.transform({ limit: 'many' }, { type: 'query', metatype: ListQuery }));
    expect(HTTP_STATUS[error.code]).toBe(400);
    expect(error.code).toBe('BAD_REQUEST');
    expect(Object.keys(error.details ?? {})).toEqual(['limit']);
  });

  it('answers an unknown query parameter with 400', async () => {
    const error = await rejection(pipe.transform({ sort: 'name' }, { type: 'query', metatype: ListQuery }));
    expect(HTTP_STATUS[error.code]).toBe(400);
    expect(error.details).toEqual({ sort: ['Unknown field "sort"'] });
  });

  it('answers an invalid body with 422', async () => {
    const error = await rejection(pipe.transform({ name: 7 }, { type: 'body', metatype: CreateBody }));
    expect(HTTP_STATUS[error.code]).toBe(422);
    expect(error.code).toBe('VALIDATION_ERROR');
  });

  it('treats a missing body as empty, so the missing fields are named', async () => {
    const error = await rejection(pipe.transform(undefined, { type: 'body', metatype: CreateBody }));
    expect(HTTP_STATUS[error.code]).toBe(422);
    expect(Object.keys(error.details ?? {})).toEqual(['name']);
  });

  it('takes null only where the document says nullable, naming each other field', async () => {
    await expect(pipe.transform({ name: 'a', note: null }, { type: 'body', metatype: NullableBody })).resolves.toEqual({
      name: 'a',
      note: null,
    });
    const error = await rejection(pipe.transform({ name: null, note: null, count: null }, { type: 'body', metatype: NullableBody }));
    expect(HTTP_STATUS[error.code]).toBe(422);
    expect(error.details).toEqual({ name: ['Name cannot be null'], count: ['Count cannot be null'] });
  });

  it('leaves a path parameter as the text it was, for IdPipe to read', async () => {
    await expect(pipe.transform('1e3', { type: 'param', metatype: Number, data: 'id' })).resolves.toBe('1e3');
  });

  it('converts and passes valid input', async () => {
    await expect(pipe.transform({ limit: '20' }, { type: 'query', metatype: ListQuery })).resolves.toEqual({ limit: 20 });
  });

  describe('messages a person reads', () => {
    async function details(body: unknown): Promise<Record<string, string[]>> {
      const error = await rejection(pipe.transform(body, { type: 'body', metatype: AccountBody }));
      return (error.details ?? {}) as Record<string, string[]>;
    }

    it('names fields by label, not by key, and keeps the keys for the form', async () => {
      const found = await details({ username: 'ok', keep_within: 'a week' });
      expect(Object.keys(found)).toEqual(['keep_within']);
      expect(found['keep_within']).toEqual(['Keep within is not in the expected form']);
    });

    it('says an empty value is empty, once, instead of also failing its pattern', async () => {
      expect(await details({ username: '' })).toEqual({ username: ['Username must not be empty'] });
    });

    it('says only that a value has the wrong type when it has', async () => {
      expect(await details({ username: 'admin', keep_daily: 'seven' })).toEqual({ keep_daily: ['Keep daily must be a whole number'] });
      expect(await details({ username: 42 })).toEqual({ username: ['Username must be text'] });
    });

    it('rewords limits and keeps the DTO’s own message, under the field’s label', async () => {
      expect(await details({ username: 'x'.repeat(65), keep_daily: 0 })).toEqual({
        username: ['Username must be at most 64 characters long'],
        keep_daily: ['Keep daily must be at least 1'],
      });
      expect(await details({ username: 'admin user' })).toEqual({
        username: ['Username may only contain letters, digits and . _ @ -'],
      });
    });

    it('never shows class-validator’s own wording', async () => {
      const found = await details({ username: 7, keep_within: '', keep_daily: 2.5 });
      for (const message of Object.values(found).flat()) expect(message).not.toMatch(ROBOT_WORDING);
    });

    it('heads the refusal with the one message, or with the fields to correct', async () => {
      const one = await rejection(pipe.transform({ username: '' }, { type: 'body', metatype: AccountBody }));
      expect(one.message).toBe('Username must not be empty');
      const two = await rejection(pipe.transform({ username: '', keep_daily: 0 }, { type: 'body', metatype: AccountBody }));
      expect(two.message).toBe('Please correct: Username, Keep daily');
    });
  });
});
