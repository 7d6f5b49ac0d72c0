import { ApiProperty } from '@nestjs/swagger';
import { QueryInt } from '../../common/query-int.decorator';
import type { AuditProblem, AuditWarning } from '../audit-chain';

export class AuditQuery {
  @QueryInt({ fallback: 50, min: 1, max: 500 })
  limit = 50;

  @QueryInt({ fallback: 0, min: 0, max: 100_000_000 })
  offset = 0;
}

export class AuditEntryDto {
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

export class AuditListDto {
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

export class AuditVerifyDto {
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
