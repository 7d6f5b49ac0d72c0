import { Body, Controller, HttpCode, Inject, Post, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiErrors } from '../common/api-errors.decorator';
import { type AuthContext, CurrentAuth, Public, Roles } from '../common/current-auth';
import { IdParam } from '../common/id-param';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { sessionOf, TAKE_COOKIE, takeCookieOptions } from '../take/take.controller';
import { TakeErrorsInterceptor } from '../take/take-errors.interceptor';
import { WithdrawalResultDto, WithdrawDto } from './dto/withdrawal.dto';
import { WithdrawalService } from './withdrawal.service';

/** The two ways to withdraw: staff record a participant's request; the participant withdraws on their page. */
@Controller()
export class WithdrawalController {
  constructor(
    private readonly withdrawals: WithdrawalService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('studies/:studyId/participants/:participantId/withdraw')
  @HttpCode(200)
  @Roles('institution_admin', 'researcher')
  @ApiTags('participants')
  @ApiCookieAuth()
  @ApiOperation({ summary: "Withdraw a participant on their request: applies the study's withdrawal policy" })
  @ApiOkResponse({ type: WithdrawalResultDto })
  @ApiErrors(401, 403, 404, 409)
  recordRequest(
    @CurrentAuth() auth: AuthContext,
    @IdParam('studyId', 'Study') studyId: string,
    @IdParam('participantId', 'Participant') participantId: string,
  ): Promise<WithdrawalResultDto> {
    return this.withdrawals.recordRequest(auth, studyId, participantId);
  }

  @Post('take/withdraw')
  @Public()
  @UseInterceptors(TakeErrorsInterceptor)
  @HttpCode(200)
  @ApiTags('participant')
  @ApiOperation({ summary: "Stop taking part: applies the study's withdrawal policy and ends the session" })
  @ApiOkResponse({ description: '{ status: "withdrawn", policy }' })
  @ApiErrors(400, 401)
  async byParticipant(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @Body() _body: WithdrawDto,
  ) {
    const result = await this.withdrawals.byParticipant(sessionOf(request));
    response.clearCookie(TAKE_COOKIE, takeCookieOptions(this.config));
    return result;
  }
}
