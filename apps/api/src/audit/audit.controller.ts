import { Controller, Get, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthContext, CurrentAuth, Roles } from '../common/current-auth';
import { ApiErrors } from '../common/api-errors.decorator';
import { AuditService } from './audit.service';
import { AuditListDto, AuditQuery, AuditVerifyDto } from './dto/audit.dto';

@ApiTags('audit')
@ApiCookieAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('institution_admin')
  @ApiOperation({ summary: "The active institution's audit trail, newest first" })
  @ApiOkResponse({ type: AuditListDto })
  @ApiErrors(400, 401, 403)
  list(@CurrentAuth() auth: AuthContext, @Query() query: AuditQuery): Promise<AuditListDto> {
    return this.audit.list(auth, query);
  }

  @Get('verify')
  @Roles('institution_admin')
  @ApiOperation({
    summary:
      'Recompute the hash chain of the whole log and check it against the signed checkpoints; reports only ' +
      'whether it is intact, where it breaks, and the latest checkpoint',
  })
  @ApiOkResponse({ type: AuditVerifyDto })
  @ApiErrors(401, 403)
  async verify(): Promise<AuditVerifyDto> {
    const result = await this.audit.verify();
    const checkpoint = {
      checkpointSeq: result.checkpoint?.seq ?? null,
      checkpointAt: result.checkpoint?.at ?? null,
    };
    return result.intact
      ? { intact: true, firstBadSeq: null, problem: null, warning: result.warning, ...checkpoint }
      : { intact: false, firstBadSeq: result.seq, problem: result.problem, warning: null, ...checkpoint };
  }
}
