import { Body, Controller, Delete, Get, Inject, Param, Patch, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { toString as qrSvg } from 'qrcode';
import { Role } from '@app/shared';
import { CurrentUser, Public, Roles } from '../../common/auth/decorators';
import type { AuthenticatedRequest } from '../../common/auth/request';
import { ApiErrors } from '../../common/http/api-errors';
import { uuidPipe } from '../../common/http/pipes';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { User } from '../users/user.entity';
import { AssembliesService } from './assemblies.service';
import { assemblyIcs } from './assembly-calendar';
import {
  AssemblyDetailDto,
  AssemblyListQueryDto,
  AssemblyPageDto,
  CreateAssemblyDto,
  RegistrationResponseDto,
  UpdateAssemblyDto,
} from './dto/assembly.dto';
import { RegistrationsService } from './registrations.service';

/** Nothing may run or load inside the served files (an SVG could carry scripts). */
const FILE_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox";

@ApiTags('assemblies')
@Controller('assemblies')
export class AssembliesController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly assemblies: AssembliesService,
    private readonly registrations: RegistrationsService,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Public assemblies, upcoming (soonest first) or past (latest first), per area incl. its sub-areas' })
  @ApiOkResponse({ type: AssemblyPageDto })
  @ApiErrors(400)
  list(@Query() query: AssemblyListQueryDto): Promise<AssemblyPageDto> {
    return this.assemblies.list(query);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'An assembly with its agenda; viewer flags (the check-in code only for its moderators)' })
  @ApiOkResponse({ type: AssemblyDetailDto })
  @ApiErrors(400, 404)
  get(@Param('id', uuidPipe) id: string, @Req() req: AuthenticatedRequest): Promise<AssemblyDetailDto> {
    return this.assemblies.get(id, req.user);
  }

  @Post()
  @Roles(Role.Moderator)
  @ApiOperation({ summary: 'Plan an assembly (scoped moderators only for their areas)' })
  @ApiCreatedResponse({ type: AssemblyDetailDto })
  @ApiErrors(400, 401, 403, 422, 429)
  create(@CurrentUser() user: User, @Body() dto: CreateAssemblyDto): Promise<AssemblyDetailDto> {
    return this.assemblies.create(user, dto);
  }

  @Patch(':id')
  @Roles(Role.Moderator)
  @ApiOperation({ summary: 'Change an assembly; `agenda` replaces the agenda (items with id kept, without id added, missing removed)' })
  @ApiOkResponse({ type: AssemblyDetailDto })
  @ApiErrors(400, 401, 403, 404, 409, 422, 429)
  update(@CurrentUser() user: User, @Param('id', uuidPipe) id: string, @Body() dto: UpdateAssemblyDto): Promise<AssemblyDetailDto> {
    return this.assemblies.update(user, id, dto);
  }

  @Put(':id/registration')
  @ApiOperation({ summary: 'Register for the assembly: confirmed while places are free, otherwise on the waiting list (mail)' })
  @ApiOkResponse({ type: RegistrationResponseDto })
  @ApiErrors(400, 401, 403, 404, 409, 429)
  register(@CurrentUser() user: User, @Param('id', uuidPipe) id: string): Promise<RegistrationResponseDto> {
    return this.registrations.register(user, id);
  }

  @Delete(':id/registration')
  @ApiOperation({ summary: 'Cancel my registration (mail); the first on the waiting list moves up' })
  @ApiOkResponse({ type: RegistrationResponseDto })
  @ApiErrors(400, 401, 403, 404, 409, 429)
  cancel(@CurrentUser() user: User, @Param('id', uuidPipe) id: string): Promise<RegistrationResponseDto> {
    return this.registrations.cancel(user, id);
  }

  @Get(':id/calendar.ics')
  @Public()
  @ApiOperation({ summary: 'The assembly as an iCalendar file' })
  @ApiOkResponse({ description: 'An iCalendar (RFC 5545) file', content: { 'text/calendar': { schema: { type: 'string' } } } })
  @ApiErrors(400, 404)
  async calendar(@Param('id', uuidPipe) id: string, @Res() res: Response): Promise<void> {
    const assembly = await this.assemblies.findPlain(id);
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="buergerversammlung.ics"');
    res.setHeader('Cache-Control', 'no-cache');
    res.send(assemblyIcs(assembly, this.config.publicUrl));
  }

  @Get(':id/qr.svg')
  @Public()
  @ApiOperation({ summary: 'QR code (SVG) of the join link /join/<code>' })
  @ApiOkResponse({ description: 'An SVG image', content: { 'image/svg+xml': { schema: { type: 'string' } } } })
  @ApiErrors(400, 404)
  async qr(@Param('id', uuidPipe) id: string, @Res() res: Response): Promise<void> {
    const url = await this.assemblies.joinUrlOf(id);
    const svg = await qrSvg(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    res.setHeader('Content-Type', 'image/svg+xml; charset=utf-8');
    res.setHeader('Content-Security-Policy', FILE_CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'no-cache');
    res.send(svg);
  }
}
