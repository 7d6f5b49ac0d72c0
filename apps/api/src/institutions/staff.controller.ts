import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import {
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type AuthContext, CurrentAuth, Roles } from '../common/current-auth';
import { ApiErrors } from '../common/api-errors.decorator';
import { IdParam } from '../common/id-param';
import {
  ChangeRoleDto,
  InviteUserDto,
  MemberDto,
  MemberListDto,
  PendingInvitationListDto,
  StaffInvitationDto,
  StaffListQuery,
} from './dto/staff.dto';
import { StaffService } from './staff.service';

@ApiTags('users')
@ApiCookieAuth()
@Controller('users')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Get()
  @Roles('institution_admin', 'researcher')
  @ApiOperation({ summary: 'Staff of the active institution' })
  @ApiOkResponse({ type: MemberListDto })
  @ApiErrors(400, 401, 403)
  async list(@CurrentAuth() auth: AuthContext, @Query() query: StaffListQuery): Promise<MemberListDto> {
    return { items: await this.staff.list(auth, query.role) };
  }

  @Post()
  @Roles('institution_admin')
  @ApiOperation({
    summary: 'Invite a colleague by e-mail',
    description:
      'Sends a one-time link to the address; the person joins when they accept it (with a new password, or the ' +
      'password of the account that already has the address). The answer is the same either way. Replaces a ' +
      'pending invitation to the same address. 502 `mail_failed` when the e-mail could not be sent (nothing ' +
      'stays pending); 503 `mail_not_configured` in production without KLIK_SMTP_URL.',
  })
  @ApiCreatedResponse({ type: StaffInvitationDto })
  @ApiErrors(400, 401, 403, 409)
  invite(@CurrentAuth() auth: AuthContext, @Body() body: InviteUserDto): Promise<StaffInvitationDto> {
    return this.staff.invite(auth, body);
  }

  @Get('invitations')
  @Roles('institution_admin')
  @ApiOperation({ summary: "The active institution's pending staff invitations, newest first" })
  @ApiOkResponse({ type: PendingInvitationListDto })
  @ApiErrors(401, 403)
  async invitations(@CurrentAuth() auth: AuthContext): Promise<PendingInvitationListDto> {
    return { items: await this.staff.listInvitations(auth) };
  }

  @Delete('invitations/:invitationId')
  @HttpCode(204)
  @Roles('institution_admin')
  @ApiOperation({ summary: 'Withdraw a pending staff invitation; its link stops working' })
  @ApiNoContentResponse()
  @ApiErrors(401, 403, 404)
  revokeInvitation(
    @CurrentAuth() auth: AuthContext,
    @IdParam('invitationId', 'Invitation') invitationId: string,
  ): Promise<void> {
    return this.staff.revokeInvitation(auth, invitationId);
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
    return this.staff.changeRole(auth, userId, body.role);
  }
}
