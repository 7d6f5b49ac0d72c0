import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { type AuthContext, CurrentAuth, Roles } from '../auth/auth-context';
import { AppError } from '../common/app-error';
import { ApiErrors } from '../common/api-errors.decorator';
import { IdParam } from '../common/id-param';
import { ROLES, type Role } from '../institutions/membership.entity';
import { ChangeRoleDto, CreatedMemberDto, CreateUserDto, MemberDto, MemberListDto } from './dto/users.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiCookieAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Roles('institution_admin', 'researcher')
  @ApiOperation({ summary: 'Staff of the active institution' })
  @ApiQuery({ name: 'role', enum: ROLES, required: false })
  @ApiOkResponse({ type: MemberListDto })
  @ApiErrors(400, 401, 403)
  async list(@CurrentAuth() auth: AuthContext, @Query('role') role?: string): Promise<MemberListDto> {
    if (role !== undefined && !(ROLES as readonly string[]).includes(role)) {
      throw AppError.validation([{ field: 'role', messages: [`role must be one of ${ROLES.join(', ')}`] }]);
    }
    return { items: await this.users.list(auth, role as Role | undefined) };
  }

  @Post()
  @Roles('institution_admin')
  @ApiOperation({ summary: 'Add a colleague: with a password, or by a one-time invitation link' })
  @ApiCreatedResponse({ type: CreatedMemberDto })
  @ApiErrors(400, 401, 403, 409)
  create(@CurrentAuth() auth: AuthContext, @Body() body: CreateUserDto): Promise<CreatedMemberDto> {
    return this.users.create(auth, body);
  }

  @Patch(':userId/role')
  @Roles('institution_admin')
  @ApiOperation({ summary: "Change a colleague's role in the active institution" })
  @ApiOkResponse({ type: MemberDto })
  @ApiErrors(400, 401, 403, 404, 409)
  changeRole(
    @CurrentAuth() auth: AuthContext,
    @IdParam('userId', 'User') userId: string,
    @Body() body: ChangeRoleDto,
  ): Promise<MemberDto> {
    return this.users.changeRole(auth, userId, body.role);
  }
}
