import { ApiProperty } from '@nestjs/swagger';

export class OwnSessionDto {
  @ApiProperty({ example: '3f9a1c0b7d2e4a61', description: 'Stands for the session (not its cookie)' })
  id!: string;

  @ApiProperty({ description: 'The session of this request' })
  current!: boolean;

  @ApiProperty({ example: 'Mozilla/5.0 (X11; Linux x86_64) … Chrome/126.0', description: 'The browser or client, as it named itself' })
  user_agent!: string;

  @ApiProperty({ example: '192.168.1.20', description: 'The address it signed in from' })
  address!: string;

  @ApiProperty({ example: '2026-12-05T09:12:00.000Z', format: 'date-time', nullable: true, type: String })
  signed_in_at!: string | null;

  @ApiProperty({ example: '2026-12-05T15:40:00.000Z', format: 'date-time', description: 'To the minute' })
  last_seen_at!: string;
}

export class RevokedSessionsDto {
  @ApiProperty({ example: 2 })
  revoked!: number;
}
