import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role } from '@app/shared';
import { CurrentUser, Public, Roles } from '../../common/auth/decorators';
import { ApiErrors } from '../../common/http/api-errors';
import { uuidPipe } from '../../common/http/pipes';
import type { User } from '../users/user.entity';
import { ApplicationCommandsService } from './application-commands.service';
import { ApplicationDetailDto, CreateApplicationDto } from './dto/application.dto';
import { AgendaApplicationDto, CreateFundDto, FundDecisionDto, FundDetailDto, FundListQueryDto, UpdateFundDto } from './dto/fund.dto';
import { FundSummaryDto } from './dto/fund-summary.dto';
import { FundQueriesService } from './fund-queries.service';
import { FundsService } from './funds.service';

@ApiTags('funds')
@Controller('funds')
export class FundsController {
  constructor(
    private readonly funds: FundsService,
    private readonly queries: FundQueriesService,
    private readonly applications: ApplicationCommandsService,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Aktionsraumfonds: every fund (or of a year / an Aktionsraum) with its money and application period' })
  @ApiOkResponse({ type: [FundSummaryDto] })
  @ApiErrors(400)
  list(@Query() query: FundListQueryDto): Promise<FundSummaryDto[]> {
    return this.queries.listFunds(query);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'A fund with its money (amount, approved, paid, returned, remaining), decision and public applications' })
  @ApiOkResponse({ type: FundDetailDto })
  @ApiErrors(400, 404)
  get(@Param('id', uuidPipe) id: string): Promise<FundDetailDto> {
    return this.queries.fundDetail(id);
  }

  @Post()
  @Roles(Role.Administrator)
  @ApiOperation({ summary: 'Open a fund for an Aktionsraum and year (one per area and year)' })
  @ApiCreatedResponse({ type: FundDetailDto })
  @ApiErrors(400, 401, 403, 409, 422, 429)
  create(@CurrentUser() user: User, @Body() dto: CreateFundDto): Promise<FundDetailDto> {
    return this.funds.create(user, dto);
  }

  @Patch(':id')
  @Roles(Role.Administrator)
  @ApiOperation({ summary: 'Change a fund; its amount never goes below what is committed to approved applications (409)' })
  @ApiOkResponse({ type: FundDetailDto })
  @ApiErrors(400, 401, 403, 404, 409, 422, 429)
  update(@CurrentUser() user: User, @Param('id', uuidPipe) id: string, @Body() dto: UpdateFundDto): Promise<FundDetailDto> {
    return this.funds.update(user, id, dto);
  }

  @Get(':id/agenda')
  @Roles(Role.Moderator)
  @ApiOperation({ summary: "The applications on the agenda of the fund's project conference (what a budget round is built from)" })
  @ApiOkResponse({ type: [AgendaApplicationDto] })
  @ApiErrors(400, 401, 403, 404)
  agenda(@Param('id', uuidPipe) id: string): Promise<AgendaApplicationDto[]> {
    return this.funds.agenda(id);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Roles(Role.Moderator)
  @ApiOperation({
    summary:
      "Record the project conference's decision on the applications on the agenda, all at once and only once (moderators of the area, administrators)",
  })
  @ApiOkResponse({ type: FundDetailDto })
  @ApiErrors(400, 401, 403, 404, 409, 422, 429)
  decide(@CurrentUser() user: User, @Param('id', uuidPipe) id: string, @Body() dto: FundDecisionDto): Promise<FundDetailDto> {
    return this.funds.decide(id, dto, user);
  }

  @Post(':id/applications')
  @ApiOperation({
    summary:
      'Start an application (a draft) within the application period; moderators/administrators enter paper applications with a source note',
  })
  @ApiCreatedResponse({ type: ApplicationDetailDto })
  @ApiErrors(400, 401, 403, 404, 422, 429)
  apply(@CurrentUser() user: User, @Param('id', uuidPipe) id: string, @Body() dto: CreateApplicationDto): Promise<ApplicationDetailDto> {
    return this.applications.create(user, id, dto);
  }
}
