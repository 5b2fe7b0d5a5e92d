import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Role } from '@app/shared';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { ApiErrors } from '../../common/http/api-errors';
import { uuidPipe } from '../../common/http/pipes';
import type { User } from '../users/user.entity';
import { AuditLogService } from './audit-log.service';
import {
  AuditPageDto,
  AuditQueryDto,
  CreateReportDto,
  ModeratedProposalDto,
  ModerationDecisionDto,
  ModerationResultDto,
  OwnReportDto,
  ReportPageDto,
  ReportQueryDto,
} from './dto/moderation.dto';
import { ModerationService } from './moderation.service';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Post()
  @ApiOperation({ summary: 'Report a proposal or comment to moderation (a repeat returns my open report, 200)' })
  @ApiCreatedResponse({ type: OwnReportDto, description: 'Report created' })
  @ApiOkResponse({ type: OwnReportDto, description: 'I had already reported this target; my open report' })
  @ApiErrors(400, 401, 403, 404, 429)
  async create(@CurrentUser() user: User, @Body() dto: CreateReportDto, @Res({ passthrough: true }) res: Response): Promise<OwnReportDto> {
    const { report, created } = await this.reports.create(user, dto);
    res.status(created ? 201 : 200);
    return report;
  }
}

@ApiTags('moderation')
@Controller('moderation')
@Roles(Role.Moderator)
@ApiErrors(401, 403)
export class ModerationController {
  constructor(
    private readonly reports: ReportsService,
    private readonly moderation: ModerationService,
  ) {}

  @Get('reports')
  @ApiOperation({ summary: 'Reports in my areas, grouped per target, newest first' })
  @ApiOkResponse({ type: ReportPageDto })
  @ApiErrors(400)
  queue(@CurrentUser() user: User, @Query() query: ReportQueryDto): Promise<ReportPageDto> {
    return this.reports.queue(user, query);
  }

  @Get('proposals/:id')
  @ApiOperation({ summary: 'A proposal as its moderators see it, also when hidden' })
  @ApiOkResponse({ type: ModeratedProposalDto })
  @ApiErrors(400, 404)
  proposal(@CurrentUser() user: User, @Param('id', uuidPipe) id: string): Promise<ModeratedProposalDto> {
    return this.moderation.proposal(user, id);
  }

  @Post('proposals/:id/hide')
  @HttpCode(200)
  @ApiOperation({ summary: 'Hide a proposal with a public reason; resolves its open reports' })
  @ApiOkResponse({ type: ModerationResultDto })
  @ApiErrors(400, 404, 429)
  hideProposal(
    @CurrentUser() user: User,
    @Param('id', uuidPipe) id: string,
    @Body() dto: ModerationDecisionDto,
  ): Promise<ModerationResultDto> {
    return this.moderation.decideProposal(user, id, { hide: true, reason: dto.reason });
  }

  @Post('proposals/:id/restore')
  @HttpCode(200)
  @ApiOperation({ summary: 'Show a proposal again (or keep it, dismissing its reports); the reason goes to the audit log' })
  @ApiOkResponse({ type: ModerationResultDto })
  @ApiErrors(400, 404, 429)
  restoreProposal(
    @CurrentUser() user: User,
    @Param('id', uuidPipe) id: string,
    @Body() dto: ModerationDecisionDto,
  ): Promise<ModerationResultDto> {
    return this.moderation.decideProposal(user, id, { hide: false, reason: dto.reason });
  }

  @Post('comments/:id/hide')
  @HttpCode(200)
  @ApiOperation({ summary: 'Hide a comment with a public reason; resolves its open reports' })
  @ApiOkResponse({ type: ModerationResultDto })
  @ApiErrors(400, 404, 429)
  hideComment(
    @CurrentUser() user: User,
    @Param('id', uuidPipe) id: string,
    @Body() dto: ModerationDecisionDto,
  ): Promise<ModerationResultDto> {
    return this.moderation.decideComment(user, id, { hide: true, reason: dto.reason });
  }

  @Post('comments/:id/restore')
  @HttpCode(200)
  @ApiOperation({ summary: 'Show a comment again (or keep it, dismissing its reports); the reason goes to the audit log' })
  @ApiOkResponse({ type: ModerationResultDto })
  @ApiErrors(400, 404, 429)
  restoreComment(
    @CurrentUser() user: User,
    @Param('id', uuidPipe) id: string,
    @Body() dto: ModerationDecisionDto,
  ): Promise<ModerationResultDto> {
    return this.moderation.decideComment(user, id, { hide: false, reason: dto.reason });
  }
}

@ApiTags('admin')
@Controller('admin/audit')
@Roles(Role.Administrator)
@ApiErrors(401, 403)
export class AdminAuditController {
  constructor(private readonly auditLog: AuditLogService) {}

  @Get()
  @ApiOperation({ summary: 'The audit log, newest first, filterable by entity' })
  @ApiOkResponse({ type: AuditPageDto })
  @ApiErrors(400)
  list(@Query() query: AuditQueryDto): Promise<AuditPageDto> {
    return this.auditLog.list(query);
  }
}
