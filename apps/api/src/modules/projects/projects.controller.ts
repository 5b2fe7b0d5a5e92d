import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Role } from '@app/shared';
import { CurrentUser, Public, Roles } from '../../common/auth/decorators';
import { ApiErrors } from '../../common/http/api-errors';
import { uuidPipe } from '../../common/http/pipes';
import type { User } from '../users/user.entity';
import { GroupingBoardQueryDto, GroupingBoardResponseDto } from './dto/grouping.dto';
import { PortfolioExportQueryDto, PortfolioQueryDto, PortfolioResponseDto } from './dto/portfolio.dto';
import { ProjectDetailDto, ProjectListQueryDto, ProjectPageDto } from './dto/project.dto';
import { CreateProjectIdeaDto, LinkProposalDto } from './dto/project-idea.dto';
import { CreateMilestoneDto, CreateStatusReportDto, UpdateMilestoneDto } from './dto/project-progress.dto';
import {
  ProjectTransitionResponseDto,
  ProjectTransitionsResponseDto,
  RecordEvaluationDto,
  TransitionRequestDto,
} from './dto/project-transition.dto';
import { ProjectGroupingService } from './project-grouping.service';
import { ProjectPortfolioService } from './project-portfolio.service';
import { ProjectProgressService } from './project-progress.service';
import { ProjectQueriesService } from './project-queries.service';
import { ProjectWorkflowService } from './project-workflow.service';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Download headers: a dated file name; never cached (the portfolio is internal). */
function download(res: Response, generatedAt: string, ext: 'csv' | 'xlsx'): void {
  res.setHeader('Content-Disposition', `attachment; filename="vorhaben-portfolio-${generatedAt.slice(0, 10)}.${ext}"`);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
}

@ApiTags('projects')
@Controller('projects')
export class ProjectsController {
  constructor(
    private readonly queries: ProjectQueriesService,
    private readonly grouping: ProjectGroupingService,
    private readonly workflow: ProjectWorkflowService,
    private readonly progress: ProjectProgressService,
    private readonly portfolioService: ProjectPortfolioService,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Public Vorhabenliste: current projects with state, areas, field, responsible body and next step' })
  @ApiOkResponse({ type: ProjectPageDto })
  @ApiErrors(400)
  list(@Query() query: ProjectListQueryDto): Promise<ProjectPageDto> {
    return this.queries.list(query);
  }

  // Fixed paths before ':id' (else "grouping" would be taken for a project id).

  @Get('grouping')
  @Roles(Role.Moderator)
  @ApiOperation({
    summary:
      'Grouping board: proposals not yet in an idea (of an area and its sub-areas, or of an assembly) and the ideas there, with suggestions',
  })
  @ApiOkResponse({ type: GroupingBoardResponseDto })
  @ApiErrors(400, 401, 403, 404)
  board(@CurrentUser() user: User, @Query() query: GroupingBoardQueryDto): Promise<GroupingBoardResponseDto> {
    return this.grouping.board(user, query);
  }

  @Get('portfolio')
  @Roles(Role.Administrator)
  @ApiOperation({ summary: 'Portfolio: projects by Handlungsfeld × area × state, and how long they have been in their state' })
  @ApiOkResponse({ type: PortfolioResponseDto })
  @ApiErrors(400, 401, 403)
  portfolio(@Query() query: PortfolioQueryDto): Promise<PortfolioResponseDto> {
    return this.portfolioService.portfolio(query);
  }

  @Get('portfolio.csv')
  @Roles(Role.Administrator)
  @ApiOperation({ summary: 'The portfolio list as CSV (RFC 4180, header row in German or English)' })
  @ApiOkResponse({ description: 'CSV with a header row', content: { 'text/csv': { schema: { type: 'string' } } } })
  @ApiErrors(400, 401, 403)
  async portfolioCsv(
    @CurrentUser() user: User,
    @Query() query: PortfolioExportQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const { generatedAt, body } = await this.portfolioService.csv(query, user);
    // Set here, not with @Header(): that would label a 400 error body as CSV too.
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    download(res, generatedAt, 'csv');
    return body;
  }

  @Get('portfolio.xlsx')
  @Roles(Role.Administrator)
  @ApiOperation({ summary: 'The portfolio list as an Excel workbook (.xlsx, header row in German or English)' })
  @ApiOkResponse({ description: 'XLSX workbook (attachment)', content: { [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } } } })
  @ApiErrors(400, 401, 403)
  async portfolioXlsx(
    @CurrentUser() user: User,
    @Query() query: PortfolioExportQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { generatedAt, body } = await this.portfolioService.xlsx(query, user);
    download(res, generatedAt, 'xlsx');
    return new StreamableFile(body, { type: XLSX_TYPE, length: body.length });
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'A project with its linked proposals and its public timeline (every step in order)' })
  @ApiOkResponse({ type: ProjectDetailDto })
  @ApiErrors(400, 404)
  get(@Param('id', uuidPipe) id: string): Promise<ProjectDetailDto> {
    return this.queries.get(id);
  }

  @Post()
  @Roles(Role.Moderator)
  @ApiOperation({ summary: 'Create a project idea under a Handlungsfeld for one or more areas (moderators of those areas)' })
  @ApiCreatedResponse({ type: ProjectDetailDto })
  @ApiErrors(400, 401, 403, 422, 429)
  create(@CurrentUser() user: User, @Body() dto: CreateProjectIdeaDto): Promise<ProjectDetailDto> {
    return this.grouping.create(user, dto);
  }

  @Post(':id/proposals')
  @Roles(Role.Moderator)
  @ApiOperation({ summary: 'Group a proposal (online or from an assembly) into this idea; its author and followers are mailed' })
  @ApiCreatedResponse({ type: ProjectDetailDto })
  @ApiErrors(400, 401, 403, 404, 409, 429)
  link(@CurrentUser() user: User, @Param('id', uuidPipe) id: string, @Body() dto: LinkProposalDto): Promise<ProjectDetailDto> {
    return this.grouping.link(user, id, dto);
  }

  @Delete(':id/proposals/:linkId')
  @Roles(Role.Moderator)
  @ApiOperation({ summary: 'Take a proposal out of this idea again (its earlier status returns)' })
  @ApiOkResponse({ type: ProjectDetailDto })
  @ApiErrors(400, 401, 403, 404, 409, 429)
  unlink(
    @CurrentUser() user: User,
    @Param('id', uuidPipe) id: string,
    @Param('linkId', uuidPipe) linkId: string,
  ): Promise<ProjectDetailDto> {
    return this.grouping.unlink(user, id, linkId);
  }

  @Get(':id/transitions')
  @ApiOperation({ summary: 'The workflow steps from the current state: which the caller may make, and what is still missing' })
  @ApiOkResponse({ type: ProjectTransitionsResponseDto })
  @ApiErrors(400, 401, 404)
  transitions(@CurrentUser() user: User, @Param('id', uuidPipe) id: string): Promise<ProjectTransitionsResponseDto> {
    return this.queries.transitions(user, id);
  }

  @Post(':id/transitions')
  @Roles(Role.Moderator)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Make a workflow step: 404 unknown, 409 wrong state or changed meanwhile (expectedVersion), 403 role, 422 missing fields',
  })
  @ApiOkResponse({ type: ProjectTransitionResponseDto })
  @ApiErrors(400, 401, 403, 404, 409, 422, 429)
  transition(
    @CurrentUser() user: User,
    @Param('id', uuidPipe) id: string,
    @Body() dto: TransitionRequestDto,
  ): Promise<ProjectTransitionResponseDto> {
    return this.workflow.transition(user, id, dto);
  }

  @Put(':id/evaluation')
  @Roles(Role.Administrator)
  @ApiOperation({ summary: "Finish a single project's run and record its evaluation (outcome, evidence, indicators)" })
  @ApiOkResponse({ type: ProjectDetailDto })
  @ApiErrors(400, 401, 403, 404, 409, 422, 429)
  evaluate(@CurrentUser() user: User, @Param('id', uuidPipe) id: string, @Body() dto: RecordEvaluationDto): Promise<ProjectDetailDto> {
    return this.workflow.recordEvaluation(user, id, dto);
  }

  @Post(':id/milestones')
  @Roles(Role.Moderator)
  @ApiOperation({ summary: 'Plan a milestone of a running single project (moderators of its areas, administrators); 409 otherwise' })
  @ApiCreatedResponse({ type: ProjectDetailDto })
  @ApiErrors(400, 401, 403, 404, 409, 429)
  createMilestone(
    @CurrentUser() user: User,
    @Param('id', uuidPipe) id: string,
    @Body() dto: CreateMilestoneDto,
  ): Promise<ProjectDetailDto> {
    return this.progress.createMilestone(user, id, dto);
  }

  @Patch(':id/milestones/:milestoneId')
  @Roles(Role.Moderator)
  @ApiOperation({ summary: 'Change a milestone: title, due date, the day it was reached (null clears a date)' })
  @ApiOkResponse({ type: ProjectDetailDto })
  @ApiErrors(400, 401, 403, 404, 409, 422, 429)
  updateMilestone(
    @CurrentUser() user: User,
    @Param('id', uuidPipe) id: string,
    @Param('milestoneId', uuidPipe) milestoneId: string,
    @Body() dto: UpdateMilestoneDto,
  ): Promise<ProjectDetailDto> {
    return this.progress.updateMilestone(user, id, milestoneId, dto);
  }

  @Delete(':id/milestones/:milestoneId')
  @Roles(Role.Moderator)
  @ApiOperation({ summary: 'Remove a milestone of a running single project' })
  @ApiOkResponse({ type: ProjectDetailDto })
  @ApiErrors(400, 401, 403, 404, 409, 429)
  deleteMilestone(
    @CurrentUser() user: User,
    @Param('id', uuidPipe) id: string,
    @Param('milestoneId', uuidPipe) milestoneId: string,
  ): Promise<ProjectDetailDto> {
    return this.progress.deleteMilestone(user, id, milestoneId);
  }

  @Post(':id/status-reports')
  @Roles(Role.Moderator)
  @ApiOperation({
    summary:
      'Publish a status report of a running single project (progress %, text, date: not in the future, not before the start); immutable',
  })
  @ApiCreatedResponse({ type: ProjectDetailDto })
  @ApiErrors(400, 401, 403, 404, 409, 422, 429)
  createStatusReport(
    @CurrentUser() user: User,
    @Param('id', uuidPipe) id: string,
    @Body() dto: CreateStatusReportDto,
  ): Promise<ProjectDetailDto> {
    return this.progress.createStatusReport(user, id, dto);
  }
}
