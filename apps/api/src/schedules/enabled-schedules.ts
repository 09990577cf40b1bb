import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ScheduleEntity } from './schedule.entity';

/** An enabled schedule as the repository monitor reads it: each of its runs due after activeSince expects an archive. */
export interface ExpectingSchedule {
  id: number;
  name: string;
  repositoryId: number;
  cronExpression: string;
  timezone: string;
  activeSince: Date;
}

/** The enabled schedules of repositories, for the repository monitor. */
@Injectable()
export class EnabledSchedules {
  constructor(@InjectRepository(ScheduleEntity) private readonly schedules: Repository<ScheduleEntity>) {}

  async byRepository(): Promise<Map<number, ExpectingSchedule[]>> {
    const byRepository = new Map<number, ExpectingSchedule[]>();
    for (const schedule of await this.read()) {
      byRepository.set(schedule.repositoryId, [...(byRepository.get(schedule.repositoryId) ?? []), schedule]);
    }
    return byRepository;
  }

  ofRepository(repositoryId: number): Promise<ExpectingSchedule[]> {
    return this.read(repositoryId);
  }

  private async read(repositoryId?: number): Promise<ExpectingSchedule[]> {
    const rows = await this.schedules.find({
      select: ['id', 'name', 'repositoryId', 'cronExpression', 'timezone', 'activeSince', 'createdAt'],
      where: { enabled: true, ...(repositoryId === undefined ? {} : { repositoryId }) },
      order: { name: 'ASC', id: 'ASC' },
    });
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      repositoryId: row.repositoryId,
      cronExpression: row.cronExpression,
      timezone: row.timezone,
      activeSince: row.activeSince ?? row.createdAt,
    }));
  }
}
