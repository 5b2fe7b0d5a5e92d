import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import type { HealthResponse, MailHealth } from '@app/shared';
import { Public } from '../../common/auth/decorators';
import { RedisConnection } from '../../common/redis/redis.module';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { APP_VERSION } from '../../config/version';
import { MailOutboxService } from '../mail/mail-outbox.service';

class MailHealthDto implements MailHealth {
  @ApiProperty({ description: 'Mails waiting for their first or next delivery attempt' }) pending: number;
  @ApiProperty({ description: 'Mails given up after too many attempts (administrators can retry them)' }) failed: number;
  @ApiProperty({ nullable: true, type: String, description: 'The latest delivery error, with addresses removed' })
  lastError: string | null;
}

class HealthDto implements HealthResponse {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status: 'ok' | 'degraded';
  @ApiProperty({ enum: ['up', 'down'] }) database: 'up' | 'down';
  @ApiProperty({ enum: ['sqlite', 'postgres'] }) databaseType: 'sqlite' | 'postgres';
  @ApiProperty({ enum: ['up', 'down', 'not_configured'] }) redis: 'up' | 'down' | 'not_configured';
  @ApiProperty() version: string;
  @ApiProperty() uptimeSeconds: number;
  @ApiProperty({ type: MailHealthDto, nullable: true, description: 'The mail outbox; growing counts mean mail is not going out' })
  mail: MailHealthDto | null;
}

@ApiTags('health')
@Controller('health')
@Public()
export class HealthController {
  constructor(
    private readonly ds: DataSource,
    private readonly redisConnection: RedisConnection,
    private readonly mailOutbox: MailOutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Is the app up and can it reach its database?' })
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ type: HealthDto, description: 'The database does not answer' })
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthDto> {
    const up = await this.ds.query('SELECT 1').then(
      () => true,
      () => false,
    );
    const redis = await this.redisConnection.ping();
    const mail = up ? await this.mailOutbox.health().catch(() => null) : null;
    res.status(up ? 200 : 503);
    return {
      status: up && redis !== 'down' ? 'ok' : 'degraded',
      database: up ? 'up' : 'down',
      databaseType: this.config.database.type,
      redis,
      version: APP_VERSION,
      uptimeSeconds: Math.round(process.uptime()),
      mail,
    };
  }
}
