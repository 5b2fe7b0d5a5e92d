import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Area } from '../areas/area.entity';
import { AuditModule } from '../audit/audit.module';
import { MailModule } from '../mail/mail.module';
import { ApplicationNotifier } from './application-notifier';
import { Project } from '../projects/project.entities';
import { ApplicationCommandsService } from './application-commands.service';
import { ApplicationWorkflowService } from './application-workflow.service';
import { ApplicationsController } from './applications.controller';
import { ApplicationAttachmentsController } from './attachments/application-attachments.controller';
import { ApplicationAttachmentsService } from './attachments/application-attachments.service';
import { Fund, FundApplication, FundApplicationAttachment, FundApplicationEvent } from './fund.entities';
import { FundQueriesService } from './fund-queries.service';
import { FundsController } from './funds.controller';
import { FundsService } from './funds.service';
import { OnlineBallotsService } from './online-vote/online-ballots.service';
import { OnlineVoteController } from './online-vote/online-vote.controller';
import { FundOnlineVote, FundOnlineVoteCode, FundOnlineVoteTally, FundOnlineVoteVoter } from './online-vote/online-vote.entities';
import { OnlineVoteService } from './online-vote/online-vote.service';

/**
 * The Aktionsraumfonds (issue 17): funds per Aktionsraum and year, applications moving by the model
 * of libs/shared/src/funds, their public timeline and attachments, the money kept in the fund's row,
 * and the project conference's decision. FundsService.decide/agenda are the live budget vote's entry.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      Fund,
      FundApplication,
      FundApplicationEvent,
      FundApplicationAttachment,
      FundOnlineVote,
      FundOnlineVoteCode,
      FundOnlineVoteVoter,
      FundOnlineVoteTally,
      Area,
      Project,
    ]),
    AuditModule,
    MailModule,
  ],
  controllers: [FundsController, ApplicationsController, ApplicationAttachmentsController, OnlineVoteController],
  providers: [
    FundQueriesService,
    FundsService,
    ApplicationCommandsService,
    ApplicationWorkflowService,
    ApplicationAttachmentsService,
    OnlineVoteService,
    OnlineBallotsService,
    ApplicationNotifier,
  ],
  exports: [FundsService, FundQueriesService],
})
export class FundsModule {}
