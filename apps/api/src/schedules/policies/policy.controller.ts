import { Delete, Get, HttpCode, Param, Post, Put, Query, Type } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { Requires } from '../../auth/roles/requires.decorator';
import { BodyOf } from '../../platform/http/body-of.decorator';
import { Page } from '../../platform/http/envelope';
import { NamedListQueryDto } from '../../platform/filtering/named-list';
import { SuccessMessage } from '../../platform/http/success-message.decorator';
import { ApiEnvelope, ApiErrors, ApiNoContent } from '../../platform/openapi/api-responses';
import { PolicyCrud } from './policy.service';
import { IdPipe } from '../../platform/http/id.pipe';

export interface PolicyRoutes<Dto, Input> {
  /** "pruning", "check": the kind is called "<kind> policy". */
  kind: string;
  dto: Type<Dto>;
  input: Type<Input>;
  /** The body of PUT: the same fields, all optional. */
  changes: Type<Partial<Input>>;
  /** What creating one needs, said after "Create a <kind> policy" in its summary. */
  createNeeds?: string;
}

/**
 * The routes every kind of policy has: list, create, read, replace and delete. The controller of a kind extends
 * the class made here, with its own @Controller path and @ApiTags, and adds its own routes.
 */
export function PolicyController<Dto, Input>({ kind, dto, input, changes, createNeeds }: PolicyRoutes<Dto, Input>) {
  const policy = `${kind} policy`;
  const Policy = policy.charAt(0).toUpperCase() + policy.slice(1);

  abstract class PolicyRoutesController {
    constructor(private readonly crud: PolicyCrud<Dto, Input>) {}

    @Requires('viewer')
    @Get()
    @ApiOperation({ summary: `List ${kind} policies` })
    @ApiEnvelope(dto, { paginated: true })
    @ApiErrors(400)
    list(@Query() query: NamedListQueryDto): Promise<Page<Dto>> {
      return this.crud.list(query);
    }

    @Requires('admin')
    @Post()
    @SuccessMessage(`${Policy} created`)
    @ApiOperation({ summary: `Create a ${policy}${createNeeds ? ` ${createNeeds}` : ''}` })
    @ApiEnvelope(dto, { status: 201 })
    @ApiErrors(409, 422)
    create(@BodyOf(input) body: Input): Promise<Dto> {
      return this.crud.create(body);
    }

    @Requires('viewer')
    @Get(':id')
    @ApiOperation({ summary: `One ${policy}` })
    @ApiEnvelope(dto)
    @ApiErrors(400, 404)
    get(@Param('id', IdPipe) id: number): Promise<Dto> {
      return this.crud.get(id);
    }

    @Requires('admin')
    @Put(':id')
    @SuccessMessage(`${Policy} updated`)
    @ApiOperation({ summary: `Change a ${policy}` })
    @ApiEnvelope(dto)
    @ApiErrors(400, 404, 409, 422)
    update(@Param('id', IdPipe) id: number, @BodyOf(changes) body: Partial<Input>): Promise<Dto> {
      return this.crud.update(id, body);
    }

    @Requires('admin')
    @Delete(':id')
    @HttpCode(204)
    @ApiOperation({ summary: `Delete a ${policy}` })
    @ApiNoContent()
    @ApiErrors(400, 404)
    remove(@Param('id', IdPipe) id: number): Promise<void> {
      return this.crud.remove(id);
    }
  }
  return PolicyRoutesController;
}
