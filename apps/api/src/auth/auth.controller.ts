import { Body, Controller, Delete, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiCookieAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiErrors } from '../common/api-errors.decorator';
import { IdParam } from '../common/id-param';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { type AuthContext, CurrentAuth, Public } from '../common/current-auth';
import { SESSION_COOKIE } from './auth-context';
import { AuthService, type ClientInfo } from './auth.service';
import {
  AcceptInvitationDto,
  EndedSessionsDto,
  InvitationPreviewDto,
  InvitationTokenDto,
  LoginDto,
  MeDto,
  SessionListDto,
  SwitchInstitutionDto,
} from './dto/auth.dto';

const client = (request: Request): ClientInfo => ({ ip: request.ip, userAgent: request.get('user-agent') });

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Log in; sets an HttpOnly, SameSite=Strict session cookie',
    description:
      'Rate-limited per client address and per account (429 with Retry-After). A wrong password, an unknown ' +
      'address and an account locked after five failures all answer the same 401.',
  })
  @ApiOkResponse({ type: MeDto })
  @ApiErrors(400, 401, 403, 429)
  async login(
    @Body() body: LoginDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<MeDto> {
    const { token, expiresAt, me } = await this.auth.login(body.email, body.password, client(request));
    response.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.cookieSecure,
      path: '/',
      expires: expiresAt,
    });
    return me;
  }

  @Post('logout')
  @HttpCode(204)
  @ApiCookieAuth()
  @ApiOperation({ summary: 'End the session' })
  @ApiNoContentResponse()
  @ApiErrors(401)
  async logout(
    @CurrentAuth() auth: AuthContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.auth.logout(auth);
    this.clearCookie(response);
  }

  @Get('me')
  @ApiCookieAuth()
  @ApiOperation({ summary: 'The logged-in user, their memberships and the active institution' })
  @ApiOkResponse({ type: MeDto })
  @ApiErrors(401)
  me(@CurrentAuth() auth: AuthContext): Promise<MeDto> {
    return this.auth.me(auth);
  }

  @Get('sessions')
  @ApiCookieAuth()
  @ApiOperation({
    summary: 'Your own live sessions, newest first (at most 10; older ones end at a new login)',
  })
  @ApiOkResponse({ type: SessionListDto })
  @ApiErrors(401)
  async sessions(@CurrentAuth() auth: AuthContext): Promise<SessionListDto> {
    return { items: await this.auth.sessions(auth) };
  }

  @Delete('sessions/:sessionId')
  @HttpCode(204)
  @ApiCookieAuth()
  @ApiOperation({ summary: 'End one of your sessions (ending the current one logs you out)' })
  @ApiNoContentResponse()
  @ApiErrors(400, 401, 404)
  async endSession(
    @CurrentAuth() auth: AuthContext,
    @IdParam('sessionId', 'Session') sessionId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.auth.endSession(auth, sessionId);
    if (sessionId === auth.sessionId) this.clearCookie(response);
  }

  @Post('sessions/end-others')
  @HttpCode(200)
  @ApiCookieAuth()
  @ApiOperation({ summary: 'End all your sessions except this one' })
  @ApiOkResponse({ type: EndedSessionsDto })
  @ApiErrors(401)
  async endOtherSessions(@CurrentAuth() auth: AuthContext): Promise<EndedSessionsDto> {
    return { ended: await this.auth.endOtherSessions(auth) };
  }

  @Post('switch-institution')
  @HttpCode(200)
  @ApiCookieAuth()
  @ApiOperation({ summary: 'Make another of your institutions the active one' })
  @ApiOkResponse({ type: MeDto })
  @ApiErrors(400, 401, 404)
  switchInstitution(@CurrentAuth() auth: AuthContext, @Body() body: SwitchInstitutionDto): Promise<MeDto> {
    return this.auth.switchInstitution(auth, body.institutionId);
  }

  @Public()
  @Post('invitation')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'What a staff invitation link invites to (institution, role, address, whether it has an account)',
    description: 'Unknown, used, revoked and expired links all answer 404 invitation_invalid. Rate-limited.',
  })
  @ApiOkResponse({ type: InvitationPreviewDto })
  @ApiErrors(400, 404, 429)
  inspectInvitation(
    @Body() body: InvitationTokenDto,
    @Req() request: Request,
  ): Promise<InvitationPreviewDto> {
    return this.auth.inspectInvitation(body.token, client(request));
  }

  @Public()
  @Post('accept-invitation')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Join the institution of a staff invitation link',
    description:
      'A new account chooses its password (and name); an existing account gives its own password. ' +
      'Rate-limited per client address and per link.',
  })
  @ApiNoContentResponse()
  @ApiErrors(400, 401, 403, 404, 429)
  acceptInvitation(@Body() body: AcceptInvitationDto, @Req() request: Request): Promise<void> {
    return this.auth.acceptInvitation(body.token, body.password, body.displayName, client(request));
  }

  private clearCookie(response: Response): void {
    response.clearCookie(SESSION_COOKIE, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.cookieSecure,
    });
  }
}
