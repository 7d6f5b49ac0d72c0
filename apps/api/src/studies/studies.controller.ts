import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiCookieAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthContext, CurrentAuth, Roles } from '../common/current-auth';
import { ApiErrors } from '../common/api-errors.decorator';
import { IdParam } from '../common/id-param';
import {
  ConsentVersionDto,
  ConsentVersionListDto,
  CreateConsentVersionDto,
  CreateStudyDto,
  StudyDto,
  StudyListDto,
  UpdateStudyDto,
} from './dto/study.dto';
import { StudiesService } from './studies.service';

@ApiTags('studies')
@ApiCookieAuth()
@Controller('studies')
export class StudiesController {
  constructor(private readonly studies: StudiesService) {}

  @Get()
  @ApiOperation({ summary: 'Studies the active institution owns or runs a cohort in' })
  @ApiOkResponse({ type: StudyListDto })
  @ApiErrors(401)
  async list(@CurrentAuth() auth: AuthContext): Promise<StudyListDto> {
    return { items: await this.studies.list(auth) };
  }

  @Post()
  @Roles('institution_admin', 'researcher')
  @ApiOperation({ summary: 'Create a study (as a draft), optionally with consent version 1' })
  @ApiCreatedResponse({ type: StudyDto })
  @ApiErrors(400, 401, 403)
  create(@CurrentAuth() auth: AuthContext, @Body() body: CreateStudyDto): Promise<StudyDto> {
    return this.studies.create(auth, body);
  }

  @Get(':studyId')
  @ApiOperation({ summary: 'One study' })
  @ApiOkResponse({ type: StudyDto })
  @ApiErrors(401, 404)
  get(@CurrentAuth() auth: AuthContext, @IdParam('studyId', 'Study') studyId: string): Promise<StudyDto> {
    return this.studies.get(auth, studyId);
  }

  @Patch(':studyId')
  @Roles('institution_admin', 'researcher')
  @ApiOperation({ summary: 'Edit a study or change its status (draft → recruiting → closed)' })
  @ApiOkResponse({ type: StudyDto })
  @ApiErrors(400, 401, 403, 404, 409)
  update(
    @CurrentAuth() auth: AuthContext,
    @IdParam('studyId', 'Study') studyId: string,
    @Body() body: UpdateStudyDto,
  ): Promise<StudyDto> {
    return this.studies.update(auth, studyId, body);
  }

  @Get(':studyId/consent-versions')
  @ApiOperation({ summary: 'All consent versions, oldest first' })
  @ApiOkResponse({ type: ConsentVersionListDto })
  @ApiErrors(401, 404)
  async consentVersions(
    @CurrentAuth() auth: AuthContext,
    @IdParam('studyId', 'Study') studyId: string,
  ): Promise<ConsentVersionListDto> {
    return { items: await this.studies.listConsentVersions(auth, studyId) };
  }

  @Post(':studyId/consent-versions')
  @Roles('institution_admin', 'researcher')
  @ApiOperation({
    summary: 'Publish a new consent version (versions are never edited)',
    description: 'With requiresReconsent, everyone who consented to an older version is asked again before answering more.',
  })
  @ApiCreatedResponse({ type: ConsentVersionDto })
  @ApiErrors(400, 401, 403, 404, 409)
  addConsentVersion(
    @CurrentAuth() auth: AuthContext,
    @IdParam('studyId', 'Study') studyId: string,
    @Body() body: CreateConsentVersionDto,
  ): Promise<ConsentVersionDto> {
    return this.studies.addConsentVersion(auth, studyId, body.text, body.requiresReconsent ?? false);
  }
}
