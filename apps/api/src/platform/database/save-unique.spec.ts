import { Column, DataSource, Entity, PrimaryGeneratedColumn, Repository } from 'typeorm';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';
import { saveNamed, saveUnique } from './save-unique';

@Entity('things')
class ThingEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', unique: true })
  name!: string;

  @Column({ type: 'varchar', unique: true })
  path!: string;
}

describe('saveUnique and saveNamed', () => {
  let database: DataSource;
  let things: Repository<ThingEntity>;

  beforeAll(async () => {
    database = new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [ThingEntity], synchronize: true });
    await database.initialize();
    things = database.getRepository(ThingEntity);
    await things.save(things.create({ name: 'taken', path: '/taken' }));
  });

  afterAll(() => database.destroy());

  it('saves a row that breaks no constraint', async () => {
    const saved = await saveNamed(things, things.create({ name: 'new', path: '/new' }), 'thing');
    expect(saved.id).toBeGreaterThan(0);
  });

  it('turns a taken name into a conflict on the field name', async () => {
    const error = await saveNamed(things, things.create({ name: 'taken', path: '/elsewhere' }), 'thing').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(ErrorCode.CONFLICT);
    expect((error as DomainError).message).toBe('A thing named "taken" already exists');
    expect((error as DomainError).details).toEqual({ field: 'name' });
  });

  it('leaves a failure of another constraint as it is when a column is named', async () => {
    const error = await saveNamed(things, things.create({ name: 'other', path: '/taken' }), 'thing').catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(DomainError);
    expect((error as Error).message).toContain('UNIQUE constraint failed: things.path');
  });

  it('turns a failure of any unique constraint into the clash when no column is named', async () => {
    const clash = () => DomainError.conflict('A thing with this name or path already exists');
    const error = await saveUnique(things, things.create({ name: 'other', path: '/taken' }), clash).catch((e: unknown) => e);
    expect((error as DomainError).message).toBe('A thing with this name or path already exists');
  });
});
