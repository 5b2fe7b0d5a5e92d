import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Role } from '@app/shared';
import { Public, Roles } from '../../common/auth/decorators';
import { ApiErrors } from '../../common/http/api-errors';
import { AdminExportDto, OpenDataExportDto } from './dto/export.dto';
import { ExportsService, type ExportMeta } from './exports.service';

/** Download headers: a dated file name, and the licence as a Link header for tools that read it there. */
function download(res: Response, meta: ExportMeta, name: string, ext: 'csv' | 'json'): void {
  // Set here, on success only: a decorator's header would also label an error body as CSV.
  if (ext === 'csv') res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${name}-${meta.generatedAt.slice(0, 10)}.${ext}"`);
  res.setHeader('Link', `<${meta.licenceUrl}>; rel="license"`);
  res.setHeader('Cache-Control', 'no-store');
}

/**
 * Registered before ProposalsModule (see app.module.ts), so "export.csv" is not taken for a
 * proposal id by GET /api/proposals/:id.
 */
@ApiTags('open data')
@Controller('proposals')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get('export.csv')
  @Public()
  @ApiOperation({ summary: 'All visible proposals as open data (CSV, RFC 4180; licence and timestamp as columns)' })
  @ApiOkResponse({ description: 'CSV with a header row', content: { 'text/csv': { schema: { type: 'string' } } } })
  @ApiErrors(429)
  async csv(@Res({ passthrough: true }) res: Response): Promise<string> {
    const { meta, body } = await this.exports.csv(false);
    download(res, meta, 'vorschlaege', 'csv');
    return body;
  }

  @Get('export.json')
  @Public()
  @ApiOperation({ summary: 'All visible proposals as open data (JSON with licence and timestamp in "meta")' })
  @ApiOkResponse({ type: OpenDataExportDto })
  @ApiErrors(429)
  async json(@Res({ passthrough: true }) res: Response): Promise<OpenDataExportDto> {
    const result = await this.exports.json(false);
    download(res, result.meta, 'vorschlaege', 'json');
    return result;
  }
}

@ApiTags('open data')
@Controller('admin/proposals')
@Roles(Role.Administrator)
export class AdminExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get('export.csv')
  @ApiOperation({ summary: 'Export for administrators: adds author pseudonym, on-behalf flag and source note (CSV)' })
  @ApiOkResponse({ description: 'CSV with a header row', content: { 'text/csv': { schema: { type: 'string' } } } })
  @ApiErrors(401, 403)
  async csv(@Res({ passthrough: true }) res: Response): Promise<string> {
    const { meta, body } = await this.exports.csv(true);
    download(res, meta, 'vorschlaege-intern', 'csv');
    return body;
  }

  @Get('export.json')
  @ApiOperation({ summary: 'Export for administrators: adds author pseudonym, on-behalf flag and source note (JSON)' })
  @ApiOkResponse({ type: AdminExportDto })
  @ApiErrors(401, 403)
  async json(@Res({ passthrough: true }) res: Response): Promise<AdminExportDto> {
    const result = await this.exports.json(true);
    download(res, result.meta, 'vorschlaege-intern', 'json');
    return result as AdminExportDto;
  }
}
