import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEntry } from '../audit/audit-entry.entity';
import { AuditModule } from '../audit/audit.module';
import { CommentsModule } from '../comments/comments.module';
import { ProposalStatusEventEntity } from '../proposals/proposal-status-event.entity';
import { ProposalSupport } from '../proposals/proposal-support.entity';
import { Proposal } from '../proposals/proposal.entity';
import { ProposalsModule } from '../proposals/proposals.module';
import { User } from '../users/user.entity';
import { AuditLogService } from './audit-log.service';
import { AdminAuditController, ModerationController, ReportsController } from './moderation.controller';
import { ModerationService } from './moderation.service';
import { Report } from './report.entity';
import { ReportsService } from './reports.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Report, Proposal, ProposalStatusEventEntity, ProposalSupport, AuditEntry, User]),
    AuditModule,
    ProposalsModule,
    CommentsModule,
  ],
  controllers: [ReportsController, ModerationController, AdminAuditController],
  providers: [ReportsService, ModerationService, AuditLogService],
})
export class ModerationModule {}
