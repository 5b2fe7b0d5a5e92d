import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ErrorCode } from '@app/shared';
import { Public } from '../../common/auth/decorators';
import { DomainError } from '../../common/errors/domain-error';
import { ApiErrors } from '../../common/http/api-errors';
import {
  AreaProfileDto,
  CityOverviewDto,
  OverviewQueryDto,
  ParticipationQueryDto,
  ParticipationStatsDto,
  ProfileQueryDto,
} from './dto/social-report.dto';
import { ParticipationService } from './participation.service';
import { SocialReportService } from './social-report.service';

const AREA_KEY = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z0-9][a-z0-9-]{0,59})$/i;

/** The public, read-only views of the social report (Sozialbericht). */
@ApiTags('social report')
@Controller('social-report')
export class SocialReportController {
  constructor(
    private readonly report: SocialReportService,
    private readonly participation: ParticipationService,
  ) {}

  @Get('overview')
  @Public()
  @ApiOperation({
    summary: 'City overview: every current Aktionsraum against the city-wide value for one indicator and year',
    description: 'Rows are sorted by need (rank 1 = worst value by the indicator’s direction) and carry the number of current projects.',
  })
  @ApiOkResponse({ type: CityOverviewDto })
  @ApiErrors(400, 404)
  overview(@Query() query: OverviewQueryDto): Promise<CityOverviewDto> {
    return this.report.overview(query);
  }

  @Get('participation')
  @Public()
  @ApiOperation({
    summary: 'Participation statistics per area and month: proposals, supports, comments, assemblies and attendance',
    description: 'Visible contributions and public assemblies only. Default range: the last 12 months; at most 120 months.',
  })
  @ApiOkResponse({ type: ParticipationStatsDto })
  @ApiErrors(400)
  participationStats(@Query() query: ParticipationQueryDto): Promise<ParticipationStatsDto> {
    return this.participation.stats(query);
  }

  @Get('areas/:area')
  @Public()
  @ApiParam({ name: 'area', description: 'The area id (uuid) or code, e.g. ar-nordmarkt', example: 'ar-nordmarkt' })
  @ApiOperation({
    summary: 'Area profile: indicators over time with the city value beside them, targets, projects, assemblies, proposals',
  })
  @ApiOkResponse({ type: AreaProfileDto })
  @ApiErrors(400, 404)
  profile(@Param('area') area: string, @Query() query: ProfileQueryDto): Promise<AreaProfileDto> {
    if (!AREA_KEY.test(area)) {
      throw new DomainError(ErrorCode.ValidationFailed, 'The area in the address is neither an id nor an area code.', [
        { field: 'area', messages: ['area must be a UUID or an area code'] },
      ]);
    }
    if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
      throw new DomainError(ErrorCode.ValidationFailed, 'from must not lie after to.', [
        { field: 'from', messages: ['from must not lie after to'] },
      ]);
    }
    return this.report.profile(area, query);
  }
}
