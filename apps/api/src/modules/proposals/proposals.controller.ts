import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role } from '@app/shared';
import { CurrentUser, Public, Roles } from '../../common/auth/decorators';
import type { AuthenticatedRequest } from '../../common/auth/request';
import { ApiErrors } from '../../common/http/api-errors';
import { PublicCache } from '../../common/http/cache-policy';
import { uuidPipe } from '../../common/http/pipes';
import type { User } from '../users/user.entity';
import {
  CreateProposalDto,
  CreateProposalOnBehalfDto,
  ProposalDetailDto,
  ProposalListQueryDto,
  ProposalPageDto,
  ProposalSummaryDto,
  ProposalTranslationDto,
  SimilarProposalDto,
  SimilarQueryDto,
  SupportResponseDto,
  UpdateProposalDto,
  WithdrawProposalDto,
} from './dto/proposal.dto';
import { TranslateRequestDto } from '../translations/dto/translate-request.dto';
import { sendPage } from './list-url-cache.middleware';
import { ProposalCommandsService } from './proposal-commands.service';
import { ProposalQueriesService } from './proposal-queries.service';
import { ProposalSupportsService } from './proposal-supports.service';

@ApiTags('proposals')
@Controller('proposals')
export class ProposalsController {
  constructor(
    private readonly queries: ProposalQueriesService,
    private readonly commands: ProposalCommandsService,
    private readonly supports: ProposalSupportsService,
  ) {}

  @Get()
  @Public()
  // The same list for everybody (viewer flags are only in the detail): revalidated by ETag, signed in or not.
  @PublicCache()
  @ApiOperation({ summary: 'Public list of proposals with filters, search, sorting and paging' })
  @ApiOkResponse({ type: ProposalPageDto })
  @ApiErrors(400)
  async list(@Query() query: ProposalListQueryDto, @Req() req: Request, @Res() res: Response): Promise<void> {
    // Sent pre-serialized from the list cache; Express answers 304 when the ETag matches.
    sendPage(res, await this.queries.listJson(query, req.originalUrl));
  }

  @Get('similar')
  @Public()
  @ApiOperation({ summary: 'Open proposals similar to a title being typed (support instead of duplicating)' })
  @ApiOkResponse({ type: [SimilarProposalDto] })
  @ApiErrors(400)
  similar(@Query() query: SimilarQueryDto): Promise<SimilarProposalDto[]> {
    return this.queries.similar(query);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'A proposal with its public history; viewer flags when signed in' })
  @ApiOkResponse({ type: ProposalDetailDto })
  @ApiErrors(400, 404)
  get(@Param('id', uuidPipe) id: string, @Req() req: AuthenticatedRequest): Promise<ProposalDetailDto> {
    return this.queries.get(id, req.user);
  }

  @Post(':id/translations')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: "A proposal's title and text machine-translated into a language (a self-hosted server; cached; the original stays as written)",
  })
  @ApiOkResponse({ type: ProposalTranslationDto })
  @ApiErrors(400, 404, 422, 429, 503)
  translate(@Param('id', uuidPipe) id: string, @Body() dto: TranslateRequestDto): Promise<ProposalTranslationDto> {
    return this.queries.translate(id, dto.language);
  }

  @Post()
  @ApiOperation({ summary: 'Submit a proposal' })
  @ApiCreatedResponse({ type: ProposalDetailDto })
  @ApiErrors(400, 401, 403, 422, 429)
  create(@CurrentUser() user: User, @Body() dto: CreateProposalDto): Promise<ProposalDetailDto> {
    return this.commands.create(user, dto);
  }

  @Post('on-behalf')
  @Roles(Role.Moderator)
  @ApiOperation({ summary: 'Enter paper or oral input on behalf of a participant, with its source' })
  @ApiCreatedResponse({ type: ProposalDetailDto })
  @ApiErrors(400, 401, 403, 422, 429)
  createOnBehalf(@CurrentUser() user: User, @Body() dto: CreateProposalOnBehalfDto): Promise<ProposalDetailDto> {
    return this.commands.createOnBehalf(user, dto);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Edit my proposal (within the edit window and before the first support)' })
  @ApiOkResponse({ type: ProposalDetailDto })
  @ApiErrors(400, 401, 403, 404, 409, 422, 429)
  update(@CurrentUser() user: User, @Param('id', uuidPipe) id: string, @Body() dto: UpdateProposalDto): Promise<ProposalDetailDto> {
    return this.commands.update(user, id, dto);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw my proposal, with an optional public reason' })
  @ApiOkResponse({ type: ProposalDetailDto })
  @ApiErrors(400, 401, 403, 404, 409, 429)
  withdraw(@CurrentUser() user: User, @Param('id', uuidPipe) id: string, @Body() dto: WithdrawProposalDto): Promise<ProposalDetailDto> {
    return this.commands.withdraw(user, id, dto.reason);
  }

  @Put(':id/support')
  @ApiOperation({ summary: 'Support a proposal (one support per person; repeating changes nothing)' })
  @ApiOkResponse({ type: SupportResponseDto })
  @ApiErrors(400, 401, 403, 404, 409, 429)
  support(@CurrentUser() user: User, @Param('id', uuidPipe) id: string): Promise<SupportResponseDto> {
    return this.supports.support(user, id);
  }

  @Delete(':id/support')
  @ApiOperation({ summary: 'Withdraw my support' })
  @ApiOkResponse({ type: SupportResponseDto })
  @ApiErrors(400, 401, 403, 404, 429)
  unsupport(@CurrentUser() user: User, @Param('id', uuidPipe) id: string): Promise<SupportResponseDto> {
    return this.supports.unsupport(user, id);
  }
}

@ApiTags('me')
@Controller('me/proposals')
@ApiErrors(401)
export class MyProposalsController {
  constructor(private readonly queries: ProposalQueriesService) {}

  @Get()
  @ApiOperation({ summary: 'My proposals, newest first' })
  @ApiOkResponse({ type: [ProposalSummaryDto] })
  mine(@CurrentUser() user: User): Promise<ProposalSummaryDto[]> {
    return this.queries.mine(user);
  }
}
