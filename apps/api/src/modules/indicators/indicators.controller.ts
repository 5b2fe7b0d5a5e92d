import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Req } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { INDICATOR_IMPORT_MAX_BYTES, Role } from '@app/shared';
import { CurrentUser, Public, Roles } from '../../common/auth/decorators';
import { ApiErrors } from '../../common/http/api-errors';
import { uuidPipe } from '../../common/http/pipes';
import type { User } from '../users/user.entity';
import {
  CreateIndicatorDto,
  CreateTargetDto,
  ImportQueryDto,
  IndicatorDto,
  IndicatorImportResponseDto,
  IndicatorValueDto,
  SetIndicatorValueDto,
  TargetDto,
  TargetQueryDto,
  UpdateIndicatorDto,
  UpdateTargetDto,
  ValueQueryDto,
} from './dto/indicator.dto';
import { IndicatorImportService } from './indicator-import.service';
import { IndicatorsService } from './indicators.service';
import { indicatorKeyPipe } from './key.pipe';
import { CSV_MEDIA_TYPES, readCsvBody } from './read-csv-body';

const KEY_PARAM = ApiParam({ name: 'key', description: 'Indicator key (e.g. arbeitslosenrate) or id', example: 'arbeitslosenrate' });

@ApiTags('social report')
@Controller('indicators')
export class IndicatorsController {
  constructor(
    private readonly indicators: IndicatorsService,
    private readonly importer: IndicatorImportService,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Indicator definitions of the social report, with how many values each has' })
  @ApiOkResponse({ type: [IndicatorDto] })
  list(): Promise<IndicatorDto[]> {
    return this.indicators.list();
  }

  @Post('import')
  @Roles(Role.Administrator)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Import indicator values from a CSV file (dry run with dryRun=true)',
    description:
      `The body is the CSV file itself (Content-Type: text/csv; UTF-8 with or without BOM; at most ${INDICATOR_IMPORT_MAX_BYTES / 1024 / 1024} MB, else 413). ` +
      'Header `area,indicator,year,value` (or German `Gebiet;Indikator;Jahr;Wert`), delimiter `,` or `;` (detected), decimal point or decimal comma. ' +
      'Area key = area code, or `stadt` for city-wide values. Every bad row is reported with its line; if there is any, nothing is imported. ' +
      'A clean file is written in one transaction; importing the same file again reports every row as unchanged.',
  })
  @ApiConsumes(...CSV_MEDIA_TYPES)
  @ApiBody({
    schema: {
      type: 'string',
      example: 'area,indicator,year,value\nar-nordmarkt,arbeitslosenrate,2024,18.4\nstadt,arbeitslosenrate,2024,11.9\n',
    },
  })
  @ApiOkResponse({ type: IndicatorImportResponseDto, description: 'The report; `imported` says whether anything was written' })
  @ApiErrors(400, 401, 403, 413, 429)
  async import(@CurrentUser() actor: User, @Query() query: ImportQueryDto, @Req() req: Request): Promise<IndicatorImportResponseDto> {
    const text = await readCsvBody(req);
    return this.importer.import(actor, text, query.dryRun === 'true' || query.dryRun === '1');
  }

  @Get(':key')
  @Public()
  @KEY_PARAM
  @ApiOperation({ summary: 'One indicator definition' })
  @ApiOkResponse({ type: IndicatorDto })
  @ApiErrors(400, 404)
  get(@Param('key', indicatorKeyPipe) key: string): Promise<IndicatorDto> {
    return this.indicators.get(key);
  }

  @Post()
  @Roles(Role.Administrator)
  @ApiOperation({ summary: 'Create an indicator' })
  @ApiCreatedResponse({ type: IndicatorDto })
  @ApiErrors(400, 401, 403, 409, 429)
  create(@CurrentUser() actor: User, @Body() dto: CreateIndicatorDto): Promise<IndicatorDto> {
    return this.indicators.create(actor, dto);
  }

  @Patch(':key')
  @Roles(Role.Administrator)
  @KEY_PARAM
  @ApiOperation({ summary: 'Change an indicator (its key stays)' })
  @ApiOkResponse({ type: IndicatorDto })
  @ApiErrors(400, 401, 403, 404, 429)
  update(@CurrentUser() actor: User, @Param('key', indicatorKeyPipe) key: string, @Body() dto: UpdateIndicatorDto): Promise<IndicatorDto> {
    return this.indicators.update(actor, key, dto);
  }

  @Delete(':key')
  @Roles(Role.Administrator)
  @HttpCode(204)
  @KEY_PARAM
  @ApiOperation({ summary: 'Delete an indicator that has no values and no targets' })
  @ApiNoContentResponse()
  @ApiErrors(400, 401, 403, 404, 409, 429)
  remove(@CurrentUser() actor: User, @Param('key', indicatorKeyPipe) key: string): Promise<void> {
    return this.indicators.remove(actor, key);
  }

  @Get(':key/values')
  @Public()
  @KEY_PARAM
  @ApiOperation({ summary: 'Values of an indicator per area (areaId=city: city-wide) and year' })
  @ApiOkResponse({ type: [IndicatorValueDto] })
  @ApiErrors(400, 404)
  values(@Param('key', indicatorKeyPipe) key: string, @Query() query: ValueQueryDto): Promise<IndicatorValueDto[]> {
    return this.indicators.listValues(key, query);
  }

  @Put(':key/values')
  @Roles(Role.Administrator)
  @KEY_PARAM
  @ApiOperation({ summary: 'Set the one value of (indicator, area or city, year): created or replaced' })
  @ApiOkResponse({ type: IndicatorValueDto })
  @ApiErrors(400, 401, 403, 404, 422, 429)
  setValue(
    @CurrentUser() actor: User,
    @Param('key', indicatorKeyPipe) key: string,
    @Body() dto: SetIndicatorValueDto,
  ): Promise<IndicatorValueDto> {
    return this.indicators.setValue(actor, key, dto);
  }

  @Delete(':key/values/:id')
  @Roles(Role.Administrator)
  @HttpCode(204)
  @KEY_PARAM
  @ApiOperation({ summary: 'Delete one value' })
  @ApiNoContentResponse()
  @ApiErrors(400, 401, 403, 404, 429)
  removeValue(@CurrentUser() actor: User, @Param('key', indicatorKeyPipe) key: string, @Param('id', uuidPipe) id: string): Promise<void> {
    return this.indicators.removeValue(actor, key, id);
  }
}

@ApiTags('social report')
@Controller('indicator-targets')
export class IndicatorTargetsController {
  constructor(private readonly indicators: IndicatorsService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Targets (city-wide or per area), e.g. Arbeitslosenrate below 10 %' })
  @ApiOkResponse({ type: [TargetDto] })
  @ApiErrors(400)
  list(@Query() query: TargetQueryDto): Promise<TargetDto[]> {
    return this.indicators.listTargets(query);
  }

  @Post()
  @Roles(Role.Administrator)
  @ApiOperation({ summary: 'Create a target; without areaId it is city-wide' })
  @ApiCreatedResponse({ type: TargetDto })
  @ApiErrors(400, 401, 403, 422, 429)
  create(@CurrentUser() actor: User, @Body() dto: CreateTargetDto): Promise<TargetDto> {
    return this.indicators.createTarget(actor, dto);
  }

  @Patch(':id')
  @Roles(Role.Administrator)
  @ApiOperation({ summary: 'Change a target' })
  @ApiOkResponse({ type: TargetDto })
  @ApiErrors(400, 401, 403, 404, 422, 429)
  update(@CurrentUser() actor: User, @Param('id', uuidPipe) id: string, @Body() dto: UpdateTargetDto): Promise<TargetDto> {
    return this.indicators.updateTarget(actor, id, dto);
  }

  @Delete(':id')
  @Roles(Role.Administrator)
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a target' })
  @ApiNoContentResponse()
  @ApiErrors(400, 401, 403, 404, 429)
  remove(@CurrentUser() actor: User, @Param('id', uuidPipe) id: string): Promise<void> {
    return this.indicators.removeTarget(actor, id);
  }
}
