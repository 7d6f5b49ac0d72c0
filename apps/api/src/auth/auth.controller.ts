import { Body, Controller, Get, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { ApiCookieAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiErrors } from '../common/api-errors.decorator';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { type AuthContext, CurrentAuth, Public, SESSION_COOKIE } from './auth-context';
import { AuthService } from './auth.service';
import { AcceptInvitationDto, LoginDto, MeDto, SwitchInstitutionDto } from './dto/auth.dto';

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
  @ApiOperation({ summary: 'Log in; sets an HttpOnly, SameSite=Strict session cookie' })
  @ApiOkResponse({ type: MeDto })
  @ApiErrors(400, 401, 403, 429)
  async login(@Body() body: LoginDto, @Res({ passthrough: true }) response: Response): Promise<MeDto> {
    const { token, expiresAt, me } = await this.auth.login(body.email, body.password);
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
  async logout(@CurrentAuth() auth: AuthContext, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.auth.logout(auth);
    response.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure: this.config.cookieSecure });
  }

  @Get('me')
  @ApiCookieAuth()
  @ApiOperation({ summary: 'The logged-in user, their memberships and the active institution' })
  @ApiOkResponse({ type: MeDto })
  @ApiErrors(401)
  me(@CurrentAuth() auth: AuthContext): Promise<MeDto> {
    return this.auth.me(auth);
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
  @Post('accept-invitation')
  @HttpCode(204)
  @ApiOperation({ summary: 'Set your password from a staff invitation link and activate the account' })
  @ApiNoContentResponse()
  @ApiErrors(400, 404)
  acceptInvitation(@Body() body: AcceptInvitationDto): Promise<void> {
    return this.auth.acceptInvitation(body.token, body.password);
  }
}
