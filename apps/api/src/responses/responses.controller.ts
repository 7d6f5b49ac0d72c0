import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiCookieAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthContext, CurrentAuth, Roles } from '../common/current-auth';
import { ApiErrors } from '../common/api-errors.decorator';
import { IdParam } from '../common/id-param';
import { DyadListDto, ResponseListDto, SessionLogDto } from './dto/responses.dto';
import { ResponsesService } from './responses.service';

@ApiTags('responses')
@ApiCookieAuth()
@Controller('studies/:studyId/participants/:participantId')
export class ResponsesController {
  constructor(private readonly responses: ResponsesService) {}

  @Get('responses')
  @ApiOperation({ summary: "A participant's submitted responses with their scores (your institution's only)" })
  @ApiOkResponse({ type: ResponseListDto })
  @ApiErrors(401, 404)
  async list(
    @CurrentAuth() auth: AuthContext,
    @IdParam('studyId', 'Study') studyId: string,
    @IdParam('participantId', 'Participant') participantId: string,
  ): Promise<ResponseListDto> {
    return { items: await this.responses.list(auth, studyId, participantId) };
  }

  @Get('dyads')
  @ApiOperation({ summary: 'Per session: what the client answered next to what the practitioner logged' })
  @ApiOkResponse({ type: DyadListDto })
  @ApiErrors(401, 404)
  async dyads(
    @CurrentAuth() auth: AuthContext,
    @IdParam('studyId', 'Study') studyId: string,
    @IdParam('participantId', 'Participant') participantId: string,
  ): Promise<DyadListDto> {
    return { items: await this.responses.dyads(auth, studyId, participantId) };
  }

  @Post('session-logs')
  @Roles('practitioner')
  @ApiOperation({ summary: "Log a session of your own client (the practitioner's questionnaires of the session timepoint)" })
  @ApiCreatedResponse({ type: ResponseListDto })
  @ApiErrors(400, 401, 403, 404, 409)
  async logSession(
    @CurrentAuth() auth: AuthContext,
    @IdParam('studyId', 'Study') studyId: string,
    @IdParam('participantId', 'Participant') participantId: string,
    @Body() body: SessionLogDto,
  ): Promise<ResponseListDto> {
    return { items: await this.responses.logSession(auth, studyId, participantId, body) };
  }
}
