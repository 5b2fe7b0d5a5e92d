import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { OutboxMailState, Role, type AdminMailOutboxResponse, type AdminOutboxMail } from '@app/shared';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { ApiErrors } from '../../common/http/api-errors';
import { uuidPipe } from '../../common/http/pipes';
import type { User } from '../users/user.entity';
import { MailOutboxService } from './mail-outbox.service';

class AdminOutboxMailDto implements AdminOutboxMail {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() to: string;
  @ApiProperty() subject: string;
  @ApiProperty({ description: 'Which kind of mail (template name)' }) template: string;
  @ApiProperty({ enum: OutboxMailState }) state: OutboxMailState;
  @ApiProperty() attempts: number;
  @ApiProperty({ nullable: true, type: String }) lastError: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) nextAttemptAt: string;
}

class AdminMailOutboxDto implements AdminMailOutboxResponse {
  @ApiProperty({ description: 'Mails waiting for their first or next attempt' }) pending: number;
  @ApiProperty({ description: 'Mails given up after too many attempts' }) failed: number;
  @ApiProperty({ nullable: true, type: String, description: 'The latest delivery error of a mail not sent yet' }) lastError: string | null;
  @ApiProperty({ type: [AdminOutboxMailDto], description: 'Failed mails, newest first (at most 200)' }) items: AdminOutboxMailDto[];
}

@ApiTags('admin')
@Controller('admin/mails')
@Roles(Role.Administrator)
@ApiErrors(401, 403)
export class AdminMailsController {
  constructor(private readonly outbox: MailOutboxService) {}

  @Get()
  @ApiOperation({ summary: 'The mail outbox: pending and failed counts, the last error, the failed mails' })
  @ApiOkResponse({ type: AdminMailOutboxDto })
  view(): Promise<AdminMailOutboxDto> {
    return this.outbox.adminView();
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a failed mail again (it gets a fresh set of attempts)' })
  @ApiOkResponse({ type: AdminOutboxMailDto })
  @ApiErrors(400, 404, 409, 429)
  retry(@CurrentUser() actor: User, @Param('id', uuidPipe) id: string): Promise<AdminOutboxMailDto> {
    return this.outbox.retry(actor, id);
  }
}
