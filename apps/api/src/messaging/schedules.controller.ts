import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthContext, CurrentAuth, Roles } from '../common/current-auth';
import { ApiErrors } from '../common/api-errors.decorator';
import { IdParam } from '../common/id-param';
import { PutScheduleDto, ScheduleDto } from './dto/schedule.dto';
import { SchedulesService } from './schedules.service';

@ApiTags('messaging')
@ApiCookieAuth()
@Controller('studies/:studyId/timepoints/:timepointId/schedule')
export class SchedulesController {
  constructor(private readonly schedules: SchedulesService) {}

  @Get()
  @ApiOperation({ summary: "The timepoint's e-mail schedule (disabled defaults until one is saved)" })
  @ApiOkResponse({ type: ScheduleDto })
  @ApiErrors(401, 404)
  get(
    @CurrentAuth() auth: AuthContext,
    @IdParam('studyId', 'Study') studyId: string,
    @IdParam('timepointId', 'Timepoint') timepointId: string,
  ): Promise<ScheduleDto> {
    return this.schedules.get(auth, studyId, timepointId);
  }

  @Put()
  @Roles('institution_admin', 'researcher')
  @ApiOperation({
    summary:
      'Set when the invitation and its reminders go out (study owner only; not for session timepoints)',
    description:
      "The invitation is made and sent inviteOffsetDays after each participant's enrolment (for participants " +
      'with contact details), the reminders reminderDays after the invitation. Applies to invitations made from ' +
      'now on; switching the schedule off cancels the messages still waiting.',
  })
  @ApiOkResponse({ type: ScheduleDto })
  @ApiErrors(400, 401, 403, 404, 409)
  put(
    @CurrentAuth() auth: AuthContext,
    @IdParam('studyId', 'Study') studyId: string,
    @IdParam('timepointId', 'Timepoint') timepointId: string,
    @Body() body: PutScheduleDto,
  ): Promise<ScheduleDto> {
    return this.schedules.put(auth, studyId, timepointId, body);
  }
}
