import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthContext, CurrentAuth, Roles } from '../common/current-auth';
import { ApiErrors } from '../common/api-errors.decorator';
import { IdParam } from '../common/id-param';
import {
  CreatedInvitationDto,
  CreateInvitationBatchDto,
  CreateInvitationDto,
  InvitationBatchDto,
  InvitationDto,
  InvitationListDto,
  InvitationListQuery,
} from './dto/invitation.dto';
import { InvitationsService } from './invitations.service';

@ApiTags('invitations')
@ApiCookieAuth()
@Controller('studies/:studyId/invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Get()
  @ApiOperation({ summary: "Your institution's invitation links in the study (never the tokens)" })
  @ApiOkResponse({ type: InvitationListDto })
  @ApiErrors(400, 401, 404)
  async list(
    @CurrentAuth() auth: AuthContext,
    @IdParam('studyId', 'Study') studyId: string,
    @Query() query: InvitationListQuery,
  ): Promise<InvitationListDto> {
    return { items: await this.invitations.list(auth, studyId, query) };
  }

  @Post()
  @Roles('institution_admin', 'researcher')
  @ApiOperation({ summary: 'Create an invitation link for a participant and timepoint; the answer holds the link once' })
  @ApiCreatedResponse({ type: CreatedInvitationDto })
  @ApiErrors(400, 401, 403, 404, 409)
  create(
    @CurrentAuth() auth: AuthContext,
    @IdParam('studyId', 'Study') studyId: string,
    @Body() body: CreateInvitationDto,
  ): Promise<CreatedInvitationDto> {
    return this.invitations.create(auth, studyId, body);
  }

  @Post('batch')
  @Roles('institution_admin', 'researcher')
  @ApiOperation({
    summary: 'Create links for one timepoint for every active participant without a current link',
    description:
      'Optionally only for `participantIds`. The answer holds every new link once (by participant code), so the ' +
      'dashboard can offer them as a CSV; participants who already hold an open, started or completed link are ' +
      'counted in `skipped`.',
  })
  @ApiCreatedResponse({ type: InvitationBatchDto })
  @ApiErrors(400, 401, 403, 404, 409)
  createBatch(
    @CurrentAuth() auth: AuthContext,
    @IdParam('studyId', 'Study') studyId: string,
    @Body() body: CreateInvitationBatchDto,
  ): Promise<InvitationBatchDto> {
    return this.invitations.createBatch(auth, studyId, body);
  }

  @Post(':invitationId/revoke')
  @HttpCode(200)
  @Roles('institution_admin', 'researcher')
  @ApiOperation({ summary: 'Revoke a link so it no longer opens' })
  @ApiOkResponse({ type: InvitationDto })
  @ApiErrors(401, 403, 404, 409)
  revoke(
    @CurrentAuth() auth: AuthContext,
    @IdParam('studyId', 'Study') studyId: string,
    @IdParam('invitationId', 'Invitation') invitationId: string,
  ): Promise<InvitationDto> {
    return this.invitations.revoke(auth, studyId, invitationId);
  }
}
