import { Controller, Get, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthContext, CurrentAuth } from '../common/current-auth';
import { ApiErrors } from '../common/api-errors.decorator';
import { IdParam } from '../common/id-param';
import { ComparisonService } from './comparison.service';
import { ComparisonDto } from './dto/comparison.dto';
import { ComparisonQuery } from './dto/comparison-query.dto';

@ApiTags('comparison')
@ApiCookieAuth()
@Controller('studies/:studyId/comparison')
export class ComparisonController {
  constructor(private readonly comparison: ComparisonService) {}

  @Get()
  @ApiOperation({
    summary:
      'Institutions compared: n, response rate, reliable improvement and recovery, pre-post effect size and the ' +
      'alliance-outcome correlation per institution, the pooled correlation (random effects) and each ' +
      'institution against the rest',
    description:
      'For staff of an institution taking part in the study. Your own institution shows its counts; of the others ' +
      'only aggregates, with every count under KLIK_ANALYSIS_MIN_N suppressed (primary) and further cells ' +
      'suppressed (secondary) so that none can be recovered by subtraction from a total. A suppressed value is ' +
      'null with its reason. Pooled estimates and comparisons use only shown institutions. See ' +
      'apps/api/docs/comparison.md.',
  })
  @ApiOkResponse({ type: ComparisonDto })
  @ApiErrors(400, 401, 404)
  compare(
    @CurrentAuth() auth: AuthContext,
    @IdParam('studyId', 'Study') studyId: string,
    @Query() query: ComparisonQuery,
  ): Promise<ComparisonDto> {
    return this.comparison.compare(auth, studyId, query);
  }
}
