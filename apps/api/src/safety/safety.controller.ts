import { Body, Controller, Get, HttpCode, Post, Query, Req } from '@nestjs/common';
import { ApiCookieAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiErrors } from '../common/api-errors.decorator';
import { type AuthContext, CurrentAuth } from '../common/current-auth';
import { IdParam } from '../common/id-param';
import {
  AcknowledgeSafetySignalDto,
  SafetyLanguageQuery,
  SafetySignalDto,
  SafetySignalListDto,
  SafetySignalQuery,
} from './dto/safety-signal.dto';
import { SafetyService } from './safety.service';

/** The labels' language: `?language=`, else the first of Accept-Language that Klik has, else English. */
function labelLanguage(request: Request, asked?: 'nl' | 'en'): 'nl' | 'en' {
  if (asked) return asked;
  const accepted = request.acceptsLanguages('en', 'nl');
  return accepted === 'nl' ? 'nl' : 'en';
}

@ApiTags('safety')
@ApiCookieAuth()
@Controller('safety-signals')
export class SafetyController {
  constructor(private readonly safety: SafetyService) {}

  @Get()
  @ApiOperation({
    summary:
      'Needs attention: safety signals (endorsed risk items). Practitioners see their own clients\u2019 (and those ' +
      'they are the safety contact for), researchers and admins their institution\u2019s',
  })
  @ApiHeader({
    name: 'Accept-Language',
    required: false,
    description: 'Language of the labels when ?language= is absent',
  })
  @ApiOkResponse({ type: SafetySignalListDto })
  @ApiErrors(400, 401)
  list(
    @CurrentAuth() auth: AuthContext,
    @Req() request: Request,
    @Query() query: SafetySignalQuery,
  ): Promise<SafetySignalListDto> {
    return this.safety.list(auth, query, labelLanguage(request, query.language));
  }

  @Post(':signalId/acknowledge')
  @HttpCode(200)
  @ApiOperation({ summary: 'Acknowledge a safety signal with a note on what was done (once)' })
  @ApiOkResponse({ type: SafetySignalDto })
  @ApiErrors(400, 401, 404, 409)
  acknowledge(
    @CurrentAuth() auth: AuthContext,
    @Req() request: Request,
    @IdParam('signalId', 'Safety signal') signalId: string,
    @Query() query: SafetyLanguageQuery,
    @Body() body: AcknowledgeSafetySignalDto,
  ): Promise<SafetySignalDto> {
    return this.safety.acknowledge(auth, signalId, body.note, labelLanguage(request, query.language));
  }
}
