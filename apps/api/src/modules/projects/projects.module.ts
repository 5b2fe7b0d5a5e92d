import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Area } from '../areas/area.entity';
import { LiveProposalEntity } from '../assemblies/entities/live.entities';
import { AuditModule } from '../audit/audit.module';
import { FieldOfAction } from '../fields-of-action/field-of-action.entity';
import { FollowsModule } from '../follows/follows.module';
import { ProposalsModule } from '../proposals/proposals.module';
import { Project, ProjectArea, ProjectEvent, ProjectProposal } from './project.entities';
import { ProjectsController } from './projects.controller';
import { ProjectsService } from './projects.service';

/** Project ideas, the Verstetigung workflow (libs/shared/src/workflow) and the public Vorhabenliste (issue 5). */
@Module({
  imports: [
    TypeOrmModule.forFeature([Project, ProjectArea, ProjectProposal, ProjectEvent, Area, FieldOfAction, LiveProposalEntity]),
    ProposalsModule,
    FollowsModule,
    AuditModule,
  ],
  controllers: [ProjectsController],
  providers: [ProjectsService],
  exports: [ProjectsService],
})
export class ProjectsModule {}
