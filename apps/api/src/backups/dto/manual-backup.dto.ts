import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { BackupSourceDto } from './backup-source.dto';

export class ManualBackupDto extends BackupSourceDto {
  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  repository_id!: number;

  @ApiPropertyOptional({ default: false, description: 'Go through the files without writing an archive' })
  @IsOptional()
  @IsBoolean()
  dry_run?: boolean;

  @ApiPropertyOptional({ example: 'before the upgrade' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  comment?: string;
}
