import { ApiProperty } from '@nestjs/swagger';

export class DeleteArchiveParametersDto {
  @ApiProperty()
  archive_name!: string;
}

export class DeleteArchiveResultDto {
  @ApiProperty()
  archive_name!: string;
}
