import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailModule } from '../mail/mail.module';
import { Proposal } from '../proposals/proposal.entity';
import { ProposalsModule } from '../proposals/proposals.module';
import { User } from '../users/user.entity';
import { FollowsController } from './follows.controller';
import { FollowsService } from './follows.service';
import { ProposalFollow, ProposalUnsubscribeToken } from './proposal-follow.entity';

/** Follows and notification mails; FollowsService.notifyFollowers is the hook for other features. */
@Module({
  imports: [TypeOrmModule.forFeature([ProposalFollow, ProposalUnsubscribeToken, User, Proposal]), ProposalsModule, MailModule],
  controllers: [FollowsController],
  providers: [FollowsService],
  exports: [FollowsService],
})
export class FollowsModule {}
