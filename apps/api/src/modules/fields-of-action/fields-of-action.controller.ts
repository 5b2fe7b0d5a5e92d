import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role } from '@app/shared';
import { CurrentUser, Public, Roles } from '../../common/auth/decorators';
import { ApiErrors } from '../../common/http/api-errors';
import { uuidPipe } from '../../common/http/pipes';
import type { User } from '../users/user.entity';
import { CreateFieldOfActionDto, FieldOfActionDto, FieldOfActionQueryDto, UpdateFieldOfActionDto } from './dto/field-of-action.dto';
import { FieldsOfActionService } from './fields-of-action.service';

@ApiTags('fields-of-action')
@Controller('fields-of-action')
export class FieldsOfActionController {
  constructor(private readonly fields: FieldsOfActionService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'The Handlungsfelder (active ones unless include=all)' })
  @ApiOkResponse({ type: [FieldOfActionDto] })
  @ApiErrors(400)
  list(@Query() query: FieldOfActionQueryDto): Promise<FieldOfActionDto[]> {
    return this.fields.list(query.include);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'One Handlungsfeld' })
  @ApiOkResponse({ type: FieldOfActionDto })
  @ApiErrors(400, 404)
  get(@Param('id', uuidPipe) id: string): Promise<FieldOfActionDto> {
    return this.fields.get(id);
  }

  @Post()
  @Roles(Role.Administrator)
  @ApiOperation({ summary: 'Create a Handlungsfeld' })
  @ApiCreatedResponse({ type: FieldOfActionDto })
  @ApiErrors(400, 401, 403, 409, 429)
  create(@CurrentUser() actor: User, @Body() dto: CreateFieldOfActionDto): Promise<FieldOfActionDto> {
    return this.fields.create(actor, dto);
  }

  @Patch(':id')
  @Roles(Role.Administrator)
  @ApiOperation({ summary: 'Change a Handlungsfeld; deactivate instead of deleting' })
  @ApiOkResponse({ type: FieldOfActionDto })
  @ApiErrors(400, 401, 403, 404, 409, 429)
  update(@CurrentUser() actor: User, @Param('id', uuidPipe) id: string, @Body() dto: UpdateFieldOfActionDto): Promise<FieldOfActionDto> {
    return this.fields.update(actor, id, dto);
  }
}
