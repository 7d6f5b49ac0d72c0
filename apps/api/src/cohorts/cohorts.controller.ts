import { Body, Controller, Get, Patch, Post, Put } from '@nestjs/common';
import { ApiCookieAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthContext, CurrentAuth, Roles } from '../common/current-auth';
import { ApiErrors } from '../common/api-errors.decorator';
import { IdParam } from '../common/id-param';
import { CohortsService } from './cohorts.service';
import {
  CohortDto,
  CohortListDto,
  CohortSafetyContactDto,
  CreateCohortDto,
  UpdateCohortDto,
} from './dto/cohort.dto';

@ApiTags('cohorts')
@ApiCookieAuth()
@Controller('studies/:studyId/cohorts')
export class CohortsController {
  constructor(private readonly cohorts: CohortsService) {}

  @Get()
  @ApiOperation({ summary: "A study's cohorts (partners see only their own)" })
  @ApiOkResponse({ type: CohortListDto })
  @ApiErrors(401, 404)
  async list(
    @CurrentAuth() auth: AuthContext,
    @IdParam('studyId', 'Study') studyId: string,
  ): Promise<CohortListDto> {
    return { items: await this.cohorts.list(auth, studyId) };
  }

  @Post()
  @Roles('institution_admin', 'researcher')
  @ApiOperation({ summary: 'Add a cohort, run by your institution or a partner institution' })
  @ApiCreatedResponse({ type: CohortDto })
  @ApiErrors(400, 401, 403, 404, 409)
  create(
    @CurrentAuth() auth: AuthContext,
    @IdParam('studyId', 'Study') studyId: string,
    @Body() body: CreateCohortDto,
  ): Promise<CohortDto> {
    return this.cohorts.create(auth, studyId, body);
  }

  @Get(':cohortId')
  @ApiOperation({ summary: 'One cohort' })
  @ApiOkResponse({ type: CohortDto })
  @ApiErrors(401, 404)
  get(
    @CurrentAuth() auth: AuthContext,
    @IdParam('studyId', 'Study') studyId: string,
    @IdParam('cohortId', 'Cohort') cohortId: string,
  ): Promise<CohortDto> {
    return this.cohorts.get(auth, studyId, cohortId);
  }

  @Patch(':cohortId')
  @Roles('institution_admin', 'researcher')
  @ApiOperation({ summary: 'Rename a cohort' })
  @ApiOkResponse({ type: CohortDto })
  @ApiErrors(400, 401, 403, 404, 409)
  rename(
    @CurrentAuth() auth: AuthContext,
    @IdParam('studyId', 'Study') studyId: string,
    @IdParam('cohortId', 'Cohort') cohortId: string,
    @Body() body: UpdateCohortDto,
  ): Promise<CohortDto> {
    return this.cohorts.rename(auth, studyId, cohortId, body.name);
  }

  @Put(':cohortId/safety-contact')
  @Roles('institution_admin', 'researcher')
  @ApiOperation({
    summary: "Name (or remove) your partner cohort's safety contact, told at once of endorsed risk items",
  })
  @ApiOkResponse({ type: CohortDto })
  @ApiErrors(400, 401, 403, 404, 409)
  safetyContact(
    @CurrentAuth() auth: AuthContext,
    @IdParam('studyId', 'Study') studyId: string,
    @IdParam('cohortId', 'Cohort') cohortId: string,
    @Body() body: CohortSafetyContactDto,
  ): Promise<CohortDto> {
    return this.cohorts.setSafetyContact(auth, studyId, cohortId, body.userId);
  }
}
