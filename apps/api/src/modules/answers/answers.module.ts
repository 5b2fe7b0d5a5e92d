import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { FollowsModule } from '../follows/follows.module';
import { ProposalSupport } from '../proposals/proposal-support.entity';
import { Proposal } from '../proposals/proposal.entity';
import { ProposalsModule } from '../proposals/proposals.module';
import { AnswersController } from './answers.controller';
import { AnswersService } from './answers.service';

/** Official answers and merges of duplicates, by moderators of the proposal's area. */
@Module({
  imports: [TypeOrmModule.forFeature([Proposal, ProposalSupport]), ProposalsModule, FollowsModule, AuditModule],
  controllers: [AnswersController],
  providers: [AnswersService],
})
export class AnswersModule {}
