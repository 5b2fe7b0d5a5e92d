import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Area } from '../areas/area.entity';
import { AuditModule } from '../audit/audit.module';
import { ProposalAttachmentEntity } from './attachments/attachment.entity';
import { AttachmentsController } from './attachments/attachments.controller';
import { AttachmentsService } from './attachments/attachments.service';
import { FieldOfAction } from '../fields-of-action/field-of-action.entity';
import { ProposalStatusEventEntity } from './proposal-status-event.entity';
import { ProposalSupport } from './proposal-support.entity';
import { Proposal } from './proposal.entity';
import { MyProposalsController, ProposalsController } from './proposals.controller';
import { ProposalCommandsService } from './proposal-commands.service';
import { ListUrlCacheMiddleware } from './list-url-cache.middleware';
import { ProposalListCache } from './proposal-list-cache';
import { ProposalQueriesService } from './proposal-queries.service';
import { ProposalSupportsService } from './proposal-supports.service';
import { ProposalsRepository } from './proposals.repository';
import { ProjectProposal } from '../projects/project.entities';
import { TranslationsModule } from '../translations/translations.module';

@Module({
  imports: [
    TranslationsModule,
    TypeOrmModule.forFeature([
      Proposal,
      ProposalSupport,
      ProposalStatusEventEntity,
      ProposalAttachmentEntity,
      Area,
      FieldOfAction,
      ProjectProposal,
    ]),
    AuditModule,
  ],
  controllers: [ProposalsController, MyProposalsController, AttachmentsController],
  providers: [
    ProposalsRepository,
    ProposalListCache,
    ProposalQueriesService,
    ProposalCommandsService,
    ProposalSupportsService,
    AttachmentsService,
  ],
  exports: [ProposalQueriesService, ProposalCommandsService, ProposalSupportsService, AttachmentsService],
})
export class ProposalsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // The list answered from the cache before the route's guards and pipes (see ListUrlCacheMiddleware).
    consumer.apply(ListUrlCacheMiddleware).forRoutes({ path: 'proposals', method: RequestMethod.GET });
  }
}
