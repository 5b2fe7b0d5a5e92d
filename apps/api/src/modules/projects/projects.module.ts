import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Area } from '../areas/area.entity';
import { LiveProposalEntity } from '../live/entities/live.entities';
import { AuditModule } from '../audit/audit.module';
import { FieldOfAction } from '../fields-of-action/field-of-action.entity';
import { FollowsModule } from '../follows/follows.module';
import { Indicator } from '../indicators/indicator.entities';
import { ProposalsModule } from '../proposals/proposals.module';
import { Proposal } from '../proposals/proposal.entity';
import { Assembly } from '../assemblies/entities/assembly.entity';
import { Project, ProjectArea, ProjectEvent, ProjectMilestoneEntity, ProjectProposal, ProjectStatusReportEntity } from './project.entities';
import { ProjectsController } from './projects.controller';
import { ProjectCreationService } from './project-creation.service';
import { ProjectGroupingService } from './project-grouping.service';
import { ProjectPortfolioService } from './project-portfolio.service';
import { ProjectProgressService } from './project-progress.service';
import { ProjectQueriesService } from './project-queries.service';
import { ProjectWorkflowService } from './project-workflow.service';

/** Project ideas, the Verstetigung workflow (libs/shared/src/workflow) and the public Vorhabenliste. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      Project,
      ProjectArea,
      ProjectProposal,
      ProjectEvent,
      ProjectMilestoneEntity,
      ProjectStatusReportEntity,
      Area,
      FieldOfAction,
      LiveProposalEntity,
      Proposal,
      Assembly,
      Indicator,
    ]),
    ProposalsModule,
    FollowsModule,
    AuditModule,
  ],
  controllers: [ProjectsController],
  providers: [
    ProjectCreationService,
    ProjectQueriesService,
    ProjectGroupingService,
    ProjectWorkflowService,
    ProjectProgressService,
    ProjectPortfolioService,
  ],
  exports: [ProjectCreationService, ProjectQueriesService, ProjectGroupingService, ProjectWorkflowService, ProjectProgressService],
})
export class ProjectsModule {}
