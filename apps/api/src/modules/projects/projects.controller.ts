import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role } from '@app/shared';
import { CurrentUser, Public, Roles } from '../../common/auth/decorators';
import { ApiErrors } from '../../common/http/api-errors';
import { uuidPipe } from '../../common/http/pipes';
import type { User } from '../users/user.entity';
import {
  CreateProjectIdeaDto,
  LinkProposalDto,
  ProjectDetailDto,
  ProjectListQueryDto,
  ProjectPageDto,
  ProjectTransitionResponseDto,
  ProjectTransitionsResponseDto,
  RecordEvaluationDto,
  TransitionRequestDto,
} from './dto/project.dto';
import { ProjectsService } from './projects.service';

@ApiTags('projects')
@Controller('projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Public Vorhabenliste: current projects with state, areas, field, responsible body and next step' })
  @ApiOkResponse({ type: ProjectPageDto })
  @ApiErrors(400)
  list(@Query() query: ProjectListQueryDto): Promise<ProjectPageDto> {
    return this.projects.list(query);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'A project with its linked proposals and its public timeline (every step in order)' })
  @ApiOkResponse({ type: ProjectDetailDto })
  @ApiErrors(400, 404)
  get(@Param('id', uuidPipe) id: string): Promise<ProjectDetailDto> {
    return this.projects.get(id);
  }

  @Post()
  @Roles(Role.Moderator)
  @ApiOperation({ summary: 'Create a project idea under a Handlungsfeld for one or more areas (moderators of those areas)' })
  @ApiCreatedResponse({ type: ProjectDetailDto })
  @ApiErrors(400, 401, 403, 422, 429)
  create(@CurrentUser() user: User, @Body() dto: CreateProjectIdeaDto): Promise<ProjectDetailDto> {
    return this.projects.create(user, dto);
  }

  @Post(':id/proposals')
  @Roles(Role.Moderator)
  @ApiOperation({ summary: 'Group a proposal (online or from an assembly) into this idea; its author and followers are mailed' })
  @ApiCreatedResponse({ type: ProjectDetailDto })
  @ApiErrors(400, 401, 403, 404, 409, 429)
  link(@CurrentUser() user: User, @Param('id', uuidPipe) id: string, @Body() dto: LinkProposalDto): Promise<ProjectDetailDto> {
    return this.projects.link(user, id, dto);
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
    return this.projects.unlink(user, id, linkId);
  }

  @Get(':id/transitions')
  @ApiOperation({ summary: 'The workflow steps from the current state: which the caller may make, and what is still missing' })
  @ApiOkResponse({ type: ProjectTransitionsResponseDto })
  @ApiErrors(400, 401, 404)
  transitions(@CurrentUser() user: User, @Param('id', uuidPipe) id: string): Promise<ProjectTransitionsResponseDto> {
    return this.projects.transitions(user, id);
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
    return this.projects.transition(user, id, dto);
  }

  @Put(':id/evaluation')
  @Roles(Role.Administrator)
  @ApiOperation({ summary: "Finish a single project's run and record its evaluation (outcome, evidence, indicators)" })
  @ApiOkResponse({ type: ProjectDetailDto })
  @ApiErrors(400, 401, 403, 404, 409, 422, 429)
  evaluate(@CurrentUser() user: User, @Param('id', uuidPipe) id: string, @Body() dto: RecordEvaluationDto): Promise<ProjectDetailDto> {
    return this.projects.recordEvaluation(user, id, dto);
  }
}
