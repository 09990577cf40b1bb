import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Min } from 'class-validator';

export class AcknowledgeJobsDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: "Only this repository's jobs; all repositories when left out" })
  @IsOptional()
  @IsInt()
  @Min(1)
  repository_id?: number;
}

export class AcknowledgedJobsDto {
  @ApiProperty({ example: 3, description: 'How many failed or warning jobs were acknowledged now' })
  acknowledged!: number;
}
