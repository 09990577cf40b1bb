import { Type } from '@nestjs/common';
import { DeepPartial, FindOptionsWhere, Repository } from 'typeorm';
import { saveNamed } from '../../platform/database/save-unique';
import { DomainError } from '../../platform/errors/domain-error';
import { Page } from '../../platform/http/envelope';
import { readListPage } from '../../platform/filtering/apply-list-query';
import { NAMED_LIST, NamedListQueryDto } from '../../platform/filtering/named-list';
import { mergeUpdate } from '../../platform/http/partial-update';
import { ScheduleEntity } from '../schedule.entity';

/** The columns every kind of policy has. */
export interface PolicyRow {
  id: number;
  name: string;
}

/** What one kind of policy has of its own. */
export interface PolicyKind<Entity, Dto, Input extends object> {
  /** "pruning", "check": the kind is called "<kind> policy" in messages. */
  kind: string;
  /** The body of POST, which a PUT's changes merged with the stored policy must also be. */
  input: Type<Input>;
  /** The schedules that use policy N. */
  usedBy: (id: number) => FindOptionsWhere<ScheduleEntity>;
  toDto: (policy: Entity) => Dto;
  /** The columns of a request body; a validation error for a body this kind of policy refuses. */
  columns: (input: Input) => DeepPartial<Entity>;
}

/** What the routes every kind of policy has (PolicyController) need. */
export interface PolicyCrud<Dto, Input> {
  list(query: NamedListQueryDto): Promise<Page<Dto>>;
  get(id: number): Promise<Dto>;
  create(input: Input): Promise<Dto>;
  update(id: number, changes: Partial<Input>): Promise<Dto>;
  remove(id: number): Promise<void>;
}

/** Named settings that schedules use by id: listed by name, changed field by field, and not deleted while a schedule uses them. */
export abstract class PolicyService<Entity extends PolicyRow, Dto extends object, Input extends object> implements PolicyCrud<Dto, Input> {
  protected constructor(
    protected readonly policies: Repository<Entity>,
    private readonly schedules: Repository<ScheduleEntity>,
    private readonly shape: PolicyKind<Entity, Dto, Input>,
  ) {}

  async list(query: NamedListQueryDto): Promise<Page<Dto>> {
    const [rows, total] = await readListPage(this.policies.createQueryBuilder('policy'), NAMED_LIST, query);
    return new Page(rows.map(this.shape.toDto), { total, limit: query.limit, offset: query.offset });
  }

  async get(id: number): Promise<Dto> {
    return this.shape.toDto(await this.find(id));
  }

  async create(input: Input): Promise<Dto> {
    return this.shape.toDto(await this.save(this.policies.create(this.shape.columns(input))));
  }

  async update(id: number, changes: Partial<Input>): Promise<Dto> {
    const policy = await this.find(id);
    const input = await mergeUpdate(this.shape.input, this.shape.toDto(policy), changes);
    return this.shape.toDto(await this.save(Object.assign(policy, this.shape.columns(input))));
  }

  /** Refused (409) while schedules use the policy: they would silently stop pruning or checking. */
  async remove(id: number): Promise<void> {
    const policy = await this.find(id);
    const users = await this.schedules.find({ where: this.shape.usedBy(id), order: { name: 'ASC' } });
    if (users.length > 0) {
      const names = users.map((schedule) => `"${schedule.name}"`).join(', ');
      throw DomainError.conflict(`The ${this.shape.kind} policy "${policy.name}" is used by the schedule(s) ${names}; change them first`, {
        schedule_ids: users.map((schedule) => schedule.id),
      });
    }
    await this.policies.delete(id);
  }

  protected async find(id: number): Promise<Entity> {
    const policy = await this.policies.findOneBy({ id } as FindOptionsWhere<Entity>);
    if (!policy) throw DomainError.notFound(`${capitalised(this.shape.kind)} policy ${id} does not exist`);
    return policy;
  }

  private save(policy: Entity): Promise<Entity> {
    return saveNamed(this.policies, policy, `${this.shape.kind} policy`);
  }
}

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
