import { Controller, Get, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { htmlLang, Language, Role } from '@app/shared';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { notFound } from '../../common/errors/domain-error';
import { ApiErrors } from '../../common/http/api-errors';
import { uuidPipe } from '../../common/http/pipes';
import type { User } from '../users/user.entity';
import { ApplicationProjectService } from './application-project.service';
import { CreatedProjectRefDto, FundExportQueryDto, FundsExportQueryDto } from './dto/funds-after.dto';
import { FundsExportService, type FundsExportLanguage } from './funds-export.service';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Download headers: the year in the file name; never cached (contact data). */
function download(res: Response, name: string, ext: 'csv' | 'xlsx'): void {
  res.setHeader('Content-Disposition', `attachment; filename="aktionsraumfonds-${name}.${ext}"`);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
}

/** ?lang= if given, else the administrator's own language: German for German and Leichte Sprache, English for every other. */
const exportLanguage = (query: FundExportQueryDto, user: User): FundsExportLanguage =>
  htmlLang(query.lang ?? user.language) === Language.German ? 'de' : 'en';

/**
 * The administrators' export per year. Registered before the funds module's controller (see
 * app.module.ts), so "export.csv" is not taken for a fund id by GET /api/funds/:id.
 */
@ApiTags('funds')
@Controller('funds')
@Roles(Role.Administrator)
export class FundsExportController {
  constructor(private readonly exports: FundsExportService) {}

  @Get('export.csv')
  @ApiOperation({
    summary: 'All applications of all funds of a year with amounts, states, dates, applicant and contact (CSV, RFC 4180)',
  })
  @ApiOkResponse({ description: 'CSV with a header row', content: { 'text/csv': { schema: { type: 'string' } } } })
  @ApiErrors(400, 401, 403)
  async csv(@CurrentUser() user: User, @Query() query: FundsExportQueryDto, @Res({ passthrough: true }) res: Response): Promise<string> {
    const body = await this.exports.csv({ year: query.year }, exportLanguage(query, user));
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    download(res, String(query.year), 'csv');
    return body;
  }

  @Get('export.xlsx')
  @ApiOperation({ summary: 'The same as an Excel workbook (.xlsx): one sheet, a bold frozen header row, amounts in euros' })
  @ApiOkResponse({ description: 'XLSX workbook (attachment)', content: { [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } } } })
  @ApiErrors(400, 401, 403)
  async xlsx(
    @CurrentUser() user: User,
    @Query() query: FundsExportQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const body = await this.exports.xlsx({ year: query.year }, exportLanguage(query, user));
    download(res, String(query.year), 'xlsx');
    return new StreamableFile(body, { type: XLSX_TYPE, length: body.length });
  }

  @Get(':id/export.csv')
  @ApiOperation({ summary: 'The applications of one fund with amounts, states, dates, applicant and contact (CSV, RFC 4180)' })
  @ApiOkResponse({ description: 'CSV with a header row', content: { 'text/csv': { schema: { type: 'string' } } } })
  @ApiErrors(400, 401, 403, 404)
  async fundCsv(
    @CurrentUser() user: User,
    @Param('id', uuidPipe) id: string,
    @Query() query: FundExportQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const name = await this.fundName(id);
    const body = await this.exports.csv({ fundId: id }, exportLanguage(query, user));
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    download(res, name, 'csv');
    return body;
  }

  @Get(':id/export.xlsx')
  @ApiOperation({ summary: 'The same for one fund as an Excel workbook (.xlsx)' })
  @ApiOkResponse({ description: 'XLSX workbook (attachment)', content: { [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } } } })
  @ApiErrors(400, 401, 403, 404)
  async fundXlsx(
    @CurrentUser() user: User,
    @Param('id', uuidPipe) id: string,
    @Query() query: FundExportQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const name = await this.fundName(id);
    const body = await this.exports.xlsx({ fundId: id }, exportLanguage(query, user));
    download(res, name, 'xlsx');
    return new StreamableFile(body, { type: XLSX_TYPE, length: body.length });
  }

  /** "ar-hafen-2026" for the file name; 404 for an unknown fund. */
  private async fundName(id: string): Promise<string> {
    const name = await this.exports.fundName(id);
    if (!name) throw notFound('The fund');
    return name;
  }
}

@ApiTags('funds')
@Controller('applications')
export class ApplicationProjectController {
  constructor(private readonly service: ApplicationProjectService) {}

  @Post(':id/project')
  @Roles(Role.Administrator)
  @ApiOperation({
    summary:
      'An approved (or paid, proof submitted, closed) application becomes an Einzelprojekt in the workflow: Träger, Aktionsraum, dates and funding source filled in; 409 when it already is one or not yet approved',
  })
  @ApiCreatedResponse({ type: CreatedProjectRefDto })
  @ApiErrors(400, 401, 403, 404, 409, 422, 429)
  create(@CurrentUser() user: User, @Param('id', uuidPipe) id: string): Promise<CreatedProjectRefDto> {
    return this.service.createProject(user, id);
  }
}
