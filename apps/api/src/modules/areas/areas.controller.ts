import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role } from '@app/shared';
import { CurrentUser, Public, Roles } from '../../common/auth/decorators';
import { ApiErrors } from '../../common/http/api-errors';
import { uuidPipe } from '../../common/http/pipes';
import type { User } from '../users/user.entity';
import { AreasService } from './areas.service';
import { AreaDetailDto, AreaDto, AreaQueryDto, CreateAreaDto, UpdateAreaDto } from './dto/area.dto';

@ApiTags('areas')
@Controller('areas')
export class AreasController {
  constructor(private readonly areas: AreasService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Stadtbezirke, Aktionsräume and Quartiere (valid today unless include=all)' })
  @ApiOkResponse({ type: [AreaDto] })
  @ApiErrors(400)
  list(@Query() query: AreaQueryDto): Promise<AreaDto[]> {
    return this.areas.list(query);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'One area with its parent and children' })
  @ApiOkResponse({ type: AreaDetailDto })
  @ApiErrors(400, 404)
  get(@Param('id', uuidPipe) id: string): Promise<AreaDetailDto> {
    return this.areas.get(id);
  }

  @Post()
  @Roles(Role.Administrator)
  @ApiOperation({ summary: 'Create an area' })
  @ApiCreatedResponse({ type: AreaDto })
  @ApiErrors(400, 401, 403, 409, 422, 429)
  create(@CurrentUser() actor: User, @Body() dto: CreateAreaDto): Promise<AreaDto> {
    return this.areas.create(actor, dto);
  }

  @Patch(':id')
  @Roles(Role.Administrator)
  @ApiOperation({ summary: 'Change an area; retire it by setting validTo (areas are never deleted)' })
  @ApiOkResponse({ type: AreaDto })
  @ApiErrors(400, 401, 403, 404, 409, 422, 429)
  update(@CurrentUser() actor: User, @Param('id', uuidPipe) id: string, @Body() dto: UpdateAreaDto): Promise<AreaDto> {
    return this.areas.update(actor, id, dto);
  }
}
