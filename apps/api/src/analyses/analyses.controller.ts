import { Controller, Get, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthContext, CurrentAuth } from '../common/current-auth';
import { ApiErrors } from '../common/api-errors.decorator';
import { IdParam } from '../common/id-param';
import { AlertsService } from './alerts.service';
import { AnalysesService } from './analyses.service';
import {
  AlertsDto,
  ChangeDto,
  CorrelationsDto,
  DyadsDto,
  ScaleQualityDto,
  ScatterDto,
  TrajectoriesDto,
  WithinPersonDto,
} from './dto/analysis.dto';
import {
  AlertsQuery,
  ChangeQuery,
  CorrelationsQuery,
  DEFAULT_ALLIANCE_DROP,
  DyadsQuery,
  ScaleQualityQuery,
  ScatterQuery,
  TrajectoriesQuery,
  WithinPersonQuery,
} from './dto/analysis-query.dto';
import { RESPONSE_RULE, ScaleQualityService } from './scale-quality.service';
import { ScatterService } from './scatter.service';
import { TrajectoryService } from './trajectory.service';

const SCOPE =
  "Computed with libs/stats on the stored scores of your institution's participants (a practitioner: their own " +
  'clients). A statistic on fewer participants than KLIK_ANALYSIS_MIN_N is suppressed. Withdrawn participants are ' +
  'never included. Filters: cohortId, practitionerId, timepointId (what it restricts is said per analysis in ' +
  'apps/api/docs/analyses.md), instrumentVersion.';

@ApiTags('analyses')
@ApiCookieAuth()
@Controller('studies/:studyId/analyses')
export class AnalysesController {
  constructor(
    private readonly analyses: AnalysesService,
    private readonly scatterAnalysis: ScatterService,
    private readonly trajectoryAnalysis: TrajectoryService,
    private readonly scaleQualityAnalysis: ScaleQualityService,
    private readonly alertsAnalysis: AlertsService,
  ) {}

  @Get('correlations')
  @ApiOperation({
    summary:
      'Correlation table: alliance, perceived disclosure and outcomes (baseline, end, change) per client',
    description: SCOPE,
  })
  @ApiOkResponse({ type: CorrelationsDto })
  @ApiErrors(400, 401, 404)
  correlations(
    @CurrentAuth() auth: AuthContext,
    @IdParam('studyId', 'Study') studyId: string,
    @Query() query: CorrelationsQuery,
  ): Promise<CorrelationsDto> {
    return this.analyses.correlations(auth, studyId, query);
  }

  @Get('within-person')
  @ApiOperation({
    summary:
      'Session-level association: repeated-measures (within-person) next to between-person correlation',
    description: SCOPE,
  })
  @ApiOkResponse({ type: WithinPersonDto })
  @ApiErrors(400, 401, 404)
  withinPerson(
    @CurrentAuth() auth: AuthContext,
    @IdParam('studyId', 'Study') studyId: string,
    @Query() query: WithinPersonQuery,
  ): Promise<WithinPersonDto> {
    return this.analyses.withinPerson(auth, studyId, query);
  }

  @Get('change')
  @ApiOperation({
    summary:
      'Reliable and clinically significant change (baseline to end) per cohort, with the cut-off and RCI used',
    description:
      SCOPE +
      ' Also the pre/post points (no identifiers) and the band of no reliable change for a CORE Net-style scatter. ' +
      'timepointId picks the post measure instead of the end (a session timepoint: the latest session).',
  })
  @ApiOkResponse({ type: ChangeDto })
  @ApiErrors(400, 401, 404)
  change(
    @CurrentAuth() auth: AuthContext,
    @IdParam('studyId', 'Study') studyId: string,
    @Query() query: ChangeQuery,
  ): Promise<ChangeDto> {
    return this.analyses.change(auth, studyId, query);
  }

  @Get('dyads')
  @ApiOperation({
    summary:
      "Client-practitioner agreement per disclosure content type: the client's klik-disclosure against the " +
      "practitioner's session log for the same session (percent agreement, Cohen's kappa with 95% CI)",
    description:
      SCOPE +
      ' A session where the client saw no disclosure (frequency "never") or the practitioner logged none counts as ' +
      '"not shared" for every content type on that side. Suppression counts clients, not sessions.',
  })
  @ApiOkResponse({ type: DyadsDto })
  @ApiErrors(400, 401, 404)
  dyads(
    @CurrentAuth() auth: AuthContext,
    @IdParam('studyId', 'Study') studyId: string,
    @Query() query: DyadsQuery,
  ): Promise<DyadsDto> {
    return this.analyses.dyads(auth, studyId, query);
  }

  @Get('scatter')
  @ApiOperation({
    summary:
      'Scatter of two person-level measures of the correlation table: points, Pearson r with CI, least-squares ' +
      'line and its 95% confidence band',
    description:
      SCOPE +
      ' x and y take the variable ids of the correlations endpoint. The points carry no identifiers and are sorted; ' +
      'under the minimum n there are no points either.',
  })
  @ApiOkResponse({ type: ScatterDto })
  @ApiErrors(400, 401, 404)
  scatter(
    @CurrentAuth() auth: AuthContext,
    @IdParam('studyId', 'Study') studyId: string,
    @Query() query: ScatterQuery,
  ): Promise<ScatterDto> {
    return this.scatterAnalysis.scatter(auth, studyId, query);
  }

  @Get('trajectories')
  @ApiOperation({
    summary:
      'Session-by-session trajectories of a session measure: anonymous series per client, the mean per session ' +
      'and the mixed-model trajectory (random intercept and slope per client)',
    description:
      SCOPE +
      ' Suppression counts clients; a session mean is also suppressed when fewer clients have that session. The ' +
      'repeated-measures vs between-person correlation is the within-person endpoint.',
  })
  @ApiOkResponse({ type: TrajectoriesDto })
  @ApiErrors(400, 401, 404)
  trajectories(
    @CurrentAuth() auth: AuthContext,
    @IdParam('studyId', 'Study') studyId: string,
    @Query() query: TrajectoriesQuery,
  ): Promise<TrajectoriesDto> {
    return this.trajectoryAnalysis.trajectories(auth, studyId, query);
  }

  @Get('scale-quality')
  @ApiOperation({
    summary: "Cronbach's alpha (Feldt 95% CI) and McDonald's omega of each scale and subscale in this sample",
    description: `${SCOPE} Computed from item answers. ${RESPONSE_RULE}`,
  })
  @ApiOkResponse({ type: ScaleQualityDto })
  @ApiErrors(400, 401, 404)
  scaleQuality(
    @CurrentAuth() auth: AuthContext,
    @IdParam('studyId', 'Study') studyId: string,
    @Query() query: ScaleQualityQuery,
  ): Promise<ScaleQualityDto> {
    return this.scaleQualityAnalysis.scaleQuality(auth, studyId, query);
  }

  @Get('alerts')
  @ApiOperation({
    summary:
      'Practitioner view: alliance drops between consecutive sessions and reliable deterioration from baseline to ' +
      'the latest measure, per client with the participant code',
    description:
      "A practitioner sees only their own clients; researchers and admins see their institution's clients " +
      '(practitionerId narrows to one practitioner). Not suppressed under KLIK_ANALYSIS_MIN_N: it is a caseload ' +
      `list, not a statistic. Defaults: both rules; allianceDrop ${DEFAULT_ALLIANCE_DROP} on the klik-alliance mean ` +
      '(1-5); reliable deterioration with the published reliable-change value of PHQ-9 (6) and GAD-7 (4). ' +
      'timepointId restricts the later measure to that timepoint. Withdrawn participants are never listed.',
  })
  @ApiOkResponse({ type: AlertsDto })
  @ApiErrors(400, 401, 404)
  alerts(
    @CurrentAuth() auth: AuthContext,
    @IdParam('studyId', 'Study') studyId: string,
    @Query() query: AlertsQuery,
  ): Promise<AlertsDto> {
    return this.alertsAnalysis.alerts(auth, studyId, query);
  }
}
