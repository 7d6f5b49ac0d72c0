import { Controller, Get, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthContext, CurrentAuth } from '../common/current-auth';
import { ApiErrors } from '../common/api-errors.decorator';
import { IdParam } from '../common/id-param';
import { MonitoringDto, MonitoringQuery } from './dto/monitoring.dto';
import { TimelineDto } from './dto/timeline.dto';
import { MonitoringService } from './monitoring.service';

const SCOPE = "Your institution's participants only (a practitioner: their own clients).";

@ApiTags('monitoring')
@ApiCookieAuth()
@Controller('studies/:studyId')
export class MonitoringController {
  constructor(private readonly monitoringService: MonitoringService) {}

  @Get('monitoring')
  @ApiOperation({
    summary: 'Response monitoring per timepoint and cohort: invited, opened, started, completed, overdue',
    description:
      SCOPE +
      ' Counts one unit per participant, timepoint (and session number): its latest invitation; withdrawn ' +
      'participants are not counted. Overdue: not completed and past the due date (schedule: dueAfterDays after ' +
      "the invitation, default the last reminder day; no schedule: the link's expiry).",
  })
  @ApiOkResponse({ type: MonitoringDto })
  @ApiErrors(400, 401, 404)
  monitoring(
    @CurrentAuth() auth: AuthContext,
    @IdParam('studyId', 'Study') studyId: string,
    @Query() query: MonitoringQuery,
  ): Promise<MonitoringDto> {
    return this.monitoringService.monitoring(auth, studyId, query);
  }

  @Get('participants/:participantId/timeline')
  @ApiOperation({
    summary: "A participant's events in time order (enrolled, invited, reminded, opened, …)",
    description: SCOPE,
  })
  @ApiOkResponse({ type: TimelineDto })
  @ApiErrors(401, 404)
  timeline(
    @CurrentAuth() auth: AuthContext,
    @IdParam('studyId', 'Study') studyId: string,
    @IdParam('participantId', 'Participant') participantId: string,
  ): Promise<TimelineDto> {
    return this.monitoringService.timeline(auth, studyId, participantId);
  }
}
