import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { AdminMailsController } from './mail-admin.controller';
import { MailOutboxService } from './mail-outbox.service';
import { MailService } from './mail.service';
import { MailWorker } from './mail.worker';
import { OutboxMail } from './outbox-mail.entity';

@Module({
  imports: [TypeOrmModule.forFeature([OutboxMail]), AuditModule],
  controllers: [AdminMailsController],
  providers: [MailService, MailWorker, MailOutboxService],
  exports: [MailService, MailOutboxService],
})
export class MailModule {}
