import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Public } from '../../common/auth/decorators';
import { ApiErrors } from '../../common/http/api-errors';
import { uuidPipe } from '../../common/http/pipes';
import type { User } from '../users/user.entity';
import { MinutesQueryDto } from './dto/minutes-query.dto';
import { MinutesService, type MinutesFile } from './minutes.service';

/**
 * Download headers, set only once the file exists (an error keeps its JSON body and type). The file
 * name is ASCII (a slug), so it needs no RFC 5987 encoding.
 */
function download(res: Response, file: MinutesFile, contentType: string): void {
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
}

const ACCESS =
  'Its moderators (and administrators) at any time — marked provisional while the assembly is not closed; everybody once the assembly is closed and public.';

@ApiTags('assemblies')
@Controller('assemblies')
export class MinutesController {
  constructor(private readonly minutes: MinutesService) {}

  @Get(':id/minutes.md')
  @Public()
  @ApiOperation({ summary: 'Minutes of an assembly as Markdown (German or English)', description: ACCESS })
  @ApiOkResponse({ description: 'Markdown file (attachment)', content: { 'text/markdown': { schema: { type: 'string' } } } })
  @ApiErrors(400, 403, 404, 429)
  async markdown(
    @CurrentUser() user: User | undefined,
    @Param('id', uuidPipe) id: string,
    @Query() query: MinutesQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const file = await this.minutes.markdown(id, user, query.lang);
    download(res, file, 'text/markdown; charset=utf-8');
    return file.body as string;
  }

  @Get(':id/minutes.pdf')
  @Public()
  @ApiOperation({ summary: 'Minutes of an assembly as PDF (A4, German or English)', description: ACCESS })
  @ApiOkResponse({ description: 'PDF file (attachment)', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  @ApiErrors(400, 403, 404, 429)
  async pdf(
    @CurrentUser() user: User | undefined,
    @Param('id', uuidPipe) id: string,
    @Query() query: MinutesQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.minutes.pdf(id, user, query.lang);
    download(res, file, 'application/pdf');
    const body = file.body as Buffer;
    return new StreamableFile(body, { type: 'application/pdf', length: body.length });
  }
}
