import { Controller, Get, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthContext, CurrentAuth } from '../auth/auth-context';
import { ApiErrors } from '../common/api-errors.decorator';
import { IdParam } from '../common/id-param';
import { AnalysesService } from './analyses.service';
import { ChangeDto, CorrelationsDto, DyadsDto, WithinPersonDto } from './dto/analysis.dto';
import { ChangeQuery, CorrelationsQuery, DyadsQuery, WithinPersonQuery } from './dto/analysis-query.dto';

const SCOPE =
  "Computed with libs/stats on the stored scores of your institution's participants (a practitioner: their own " +
  'clients). A statistic on fewer participants than KLIK_ANALYSIS_MIN_N is suppressed.';

@ApiTags('analyses')
@ApiCookieAuth()
@Controller('studies/:studyId/analyses')
export class AnalysesController {
  constructor(private readonly analyses: AnalysesService) {}

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
    description: SCOPE,
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
}
