import { ApiProperty } from '@nestjs/swagger';

export class RestoreRootsDto {
  @ApiProperty({ example: false, description: 'True for an admin, who restores anywhere' })
  anywhere!: boolean;

  @ApiProperty({
    type: [String],
    example: ['/srv/borgitory/data/restores'],
    description: 'The directories the signed-in user may restore into (empty when anywhere)',
  })
  roots!: string[];
}
