import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProposalStatusEventEntity } from '../proposals/proposal-status-event.entity';
import { Proposal } from '../proposals/proposal.entity';
import { AdminExportsController, ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';

/**
 * Open data exports. Deliberately independent of ProposalsModule: it must be imported before it in
 * AppModule so that /proposals/export.csv is routed before /proposals/:id.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Proposal, ProposalStatusEventEntity])],
  controllers: [ExportsController, AdminExportsController],
  providers: [ExportsService],
  exports: [ExportsService],
})
export class ExportsModule {}
