import { Controller, Get, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiQuery, ApiTags } from '@nestjs/swagger';
import { type AuthContext, CurrentAuth, Roles } from '../auth/auth-context';
import { ApiErrors } from '../common/api-errors.decorator';
import { BoundedIntPipe } from '../common/bounded-int.pipe';
import type { AuditProblem, AuditWarning } from './audit-chain';
import { AuditService } from './audit.service';

class AuditEntryDto {
  @ApiProperty({ description: 'Position in the chain' }) seq!: number;
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() occurredAt!: Date;
  @ApiProperty({ enum: ['staff', 'participant', 'system'] }) actorType!: string;
  @ApiProperty({ format: 'uuid', nullable: true }) actorUserId!: string | null;
  @ApiProperty({ example: 'study.updated' }) action!: string;
  @ApiProperty({ nullable: true, example: 'study' }) targetType!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true }) targetId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) details!: Record<string, unknown>;
}

class AuditListDto {
  @ApiProperty({ type: [AuditEntryDto] }) items!: AuditEntryDto[];
  @ApiProperty() total!: number;
}

const PROBLEMS: AuditProblem[] = [
  'row_missing',
  'link_broken',
  'hash_mismatch',
  'checkpoint_mismatch',
  'truncated',
  'checkpoint_signature_invalid',
];

class AuditVerifyDto {
  @ApiProperty({ description: 'Whether the whole chain (every institution) is unaltered' }) intact!: boolean;
  @ApiProperty({ nullable: true, description: 'seq of the first missing or altered entry' }) firstBadSeq!:
    number | null;
  @ApiProperty({ nullable: true, enum: PROBLEMS }) problem!: AuditProblem | null;
  @ApiProperty({
    nullable: true,
    enum: ['no_checkpoint'],
    description: 'Intact, but no signed checkpoint outside the database vouches for it yet',
  })
  warning!: AuditWarning | null;
  @ApiProperty({
    nullable: true,
    description: 'seq covered by the latest signed checkpoint the check relied on',
  })
  checkpointSeq!: number | null;
  @ApiProperty({ nullable: true, description: 'When that checkpoint was signed (ISO 8601, UTC)' })
  checkpointAt!: string | null;
}

@ApiTags('audit')
@ApiCookieAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('institution_admin')
  @ApiOperation({ summary: "The active institution's audit trail, newest first" })
  @ApiQuery({ name: 'limit', required: false, description: '1–500, default 50' })
  @ApiQuery({ name: 'offset', required: false, description: 'default 0' })
  @ApiOkResponse({ type: AuditListDto })
  @ApiErrors(400, 401, 403)
  list(
    @CurrentAuth() auth: AuthContext,
    @Query('limit', new BoundedIntPipe('limit', 50, 1, 500)) limit: number,
    @Query('offset', new BoundedIntPipe('offset', 0, 0, 100_000_000)) offset: number,
  ): Promise<AuditListDto> {
    return this.audit.list(auth, { limit, offset });
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
