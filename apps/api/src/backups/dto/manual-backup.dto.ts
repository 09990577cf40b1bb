import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { BackupSourceDto } from './backup-source.dto';

export class ManualBackupDto extends BackupSourceDto {
  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  repository_id!: number;

  @ApiPropertyOptional({
    example: 2,
    description:
      "Back up a host instead of this server (borg's pull mode, see docs/hosts.md): source paths are on the host, and the repository must be on this server",
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  host_id?: number;

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
