import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthContext, CurrentAuth, Roles } from '../common/current-auth';
import { ApiErrors } from '../common/api-errors.decorator';
import { IdParam } from '../common/id-param';
import { OutboxListDto, OutboxQuery, OutboxRunDto } from './dto/outbox.dto';
import { OutboxService } from './outbox.service';

@ApiTags('messaging')
@ApiCookieAuth()
@Controller('studies/:studyId/outbox')
export class OutboxController {
  constructor(private readonly outbox: OutboxService) {}

  @Get()
  @Roles('institution_admin', 'researcher')
  @ApiOperation({
    summary: "The e-mails to your institution's participants in the study, newest first",
    description:
      'Without SMTP (KLIK_SMTP_URL unset) messages stay `queued` here and the researcher passes the links on. ' +
      'A waiting message holds the participant link; a sent or cancelled one no longer does.',
  })
  @ApiOkResponse({ type: OutboxListDto })
  @ApiErrors(400, 401, 403, 404)
  list(
    @CurrentAuth() auth: AuthContext,
    @IdParam('studyId', 'Study') studyId: string,
    @Query() query: OutboxQuery,
  ): Promise<OutboxListDto> {
    return this.outbox.list(auth, studyId, query);
  }

  @Post('run')
  @HttpCode(200)
  @Roles('institution_admin', 'researcher')
  @ApiOperation({
    summary:
      'Run a messaging pass now for your participants in this study (make due invitations, send due mail)',
  })
  @ApiOkResponse({ type: OutboxRunDto })
  @ApiErrors(401, 403, 404)
  run(@CurrentAuth() auth: AuthContext, @IdParam('studyId', 'Study') studyId: string): Promise<OutboxRunDto> {
    return this.outbox.runForStudy(auth, studyId);
  }
}
