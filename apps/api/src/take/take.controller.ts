import { Body, Controller, Get, HttpCode, Inject, Post, Put, Req, Res, UseInterceptors } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../common/current-auth';
import { ApiErrors } from '../common/api-errors.decorator';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ConsentDecisionDto, LanguageDto, SaveProgressDto, SubmitDto } from './dto/take.dto';
import { IdempotencyKey } from './idempotency-key.decorator';
import { TakeErrorsInterceptor } from './take-errors.interceptor';
import { TakeService } from './take.service';

export const TAKE_COOKIE = 'klik_take';

/** The participant session token of a request, from its cookie. */
export const sessionOf = (request: Request) => (request.cookies as Record<string, string> | undefined)?.[TAKE_COOKIE];

/** The participant session cookie. */
export function takeCookieOptions(config: AppConfig, expires?: Date) {
  return {
    httpOnly: true,
    // Lax, not Strict: the link is opened from an e-mail or text message (a cross-site navigation).
    sameSite: 'lax' as const,
    secure: config.cookieSecure,
    path: '/',
    ...(expires ? { expires } : {}),
  };
}

/**
 * The calls of the participant page, all authorised by the participant session cookie. Withdrawing
 * (POST /take/withdraw) is with the rest of withdrawal, in withdrawal/withdrawal.controller.ts.
 */
@Public()
@ApiTags('participant')
@UseInterceptors(TakeErrorsInterceptor)
@Controller('take')
export class TakeController {
  constructor(
    private readonly take: TakeService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('state')
  @ApiOperation({ summary: 'Where the participant is: consent, questionnaires (SurveyJS JSON per language), progress' })
  @ApiOkResponse({ description: 'TakeState (see apps/api/docs/participant-api.md)' })
  @ApiErrors(401)
  state(@Req() request: Request) {
    return this.take.state(sessionOf(request));
  }

  @Post('consent')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Give or decline consent for the consent version shown',
    description:
      'Declining renewed consent (state.consent.renewal) withdraws the participant under the study\'s policy: ' +
      '{ status: "withdrawn", policy, reason: "consent_declined" }.',
  })
  @ApiOkResponse({ description: 'TakeState, or { status: "declined" }, or { status: "withdrawn", policy, reason }' })
  @ApiErrors(400, 401, 409)
  async consent(@Req() request: Request, @Res({ passthrough: true }) response: Response, @Body() body: ConsentDecisionDto) {
    const result = await this.take.consent(sessionOf(request), body);
    if (result.status === 'declined' || result.status === 'withdrawn') response.clearCookie(TAKE_COOKIE, this.cookieOptions());
    return result;
  }

  @Put('progress')
  @ApiOperation({
    summary: 'Save answers (after every answer, debounced): merged per item, guarded by the save\'s sequence',
  })
  @ApiOkResponse({ description: '{ savedAt, stale }: stale lists items a newer save of this session had already written' })
  @ApiErrors(400, 401, 403, 409)
  progress(@Req() request: Request, @Body() body: SaveProgressDto) {
    return this.take.saveProgress(sessionOf(request), body);
  }

  @Post('submit')
  @ApiOperation({ summary: 'Submit every questionnaire of the timepoint: validated, scored and stored at once' })
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: 'One per submission attempt; retries reuse it' })
  @ApiCreatedResponse({ description: '{ status: "completed", submittedAt }; a replay of the same request answers 200' })
  @ApiErrors(400, 401, 403, 409)
  async submit(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @IdempotencyKey() idempotencyKey: string,
    @Body() body: SubmitDto,
  ) {
    const { replay, result } = await this.take.submit(sessionOf(request), idempotencyKey, body);
    response.status(replay ? 200 : 201);
    return result;
  }

  @Post('language')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remember the language the participant switched to' })
  @ApiNoContentResponse()
  @ApiErrors(400, 401)
  language(@Req() request: Request, @Body() body: LanguageDto): Promise<void> {
    return this.take.setLanguage(sessionOf(request), body.language);
  }

  private cookieOptions() {
    return takeCookieOptions(this.config);
  }
}
