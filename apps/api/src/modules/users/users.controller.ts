import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role } from '@app/shared';
import { CurrentUser, Public, Roles } from '../../common/auth/decorators';
import { ApiErrors } from '../../common/http/api-errors';
import { uuidPipe } from '../../common/http/pipes';
import { AdminUpdateUserDto, AdminUserDto, AdminUserPageDto, AdminUserQueryDto, PublicUserDto } from './dto/me.dto';
import { User } from './user.entity';
import { toAdminUser, toPublicUser } from './user.mapper';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get(':id')
  @Public()
  @ApiOperation({ summary: "A person's public profile: the pseudonym only" })
  @ApiOkResponse({ type: PublicUserDto })
  @ApiErrors(400, 404)
  async get(@Param('id', uuidPipe) id: string): Promise<PublicUserDto> {
    return toPublicUser(await this.users.get(id));
  }
}

@ApiTags('admin')
@Controller('admin/users')
@Roles(Role.Administrator)
@ApiErrors(401, 403)
export class AdminUsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'List and search accounts' })
  @ApiOkResponse({ type: AdminUserPageDto })
  @ApiErrors(400)
  list(@Query() query: AdminUserQueryDto): Promise<AdminUserPageDto> {
    return this.users.list(query);
  }

  @Patch(':id')
  @ApiOperation({ summary: "Change an account's role and a moderator's areas" })
  @ApiOkResponse({ type: AdminUserDto })
  @ApiErrors(400, 404, 409, 429)
  async update(@CurrentUser() actor: User, @Param('id', uuidPipe) id: string, @Body() dto: AdminUpdateUserDto): Promise<AdminUserDto> {
    return toAdminUser(await this.users.adminUpdate(actor, id, dto));
  }
}
