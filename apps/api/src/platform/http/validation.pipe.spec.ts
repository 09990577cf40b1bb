import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
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

  it('converts and passes valid input', async () => {
    await expect(pipe.transform({ limit: '20' }, { type: 'query', metatype: ListQuery })).resolves.toEqual({ limit: 20 });
  });
});
