import { ApiProperty } from '@nestjs/swagger';
import { Equals } from 'class-validator';
import { WITHDRAWAL_POLICIES, type WithdrawalPolicy } from '../../studies/study.entity';

/** The participant confirms on the withdrawal page. */
export class WithdrawDto {
  @ApiProperty({ enum: [true] })
  @Equals(true, { message: 'confirm must be true' })
  confirm!: true;
}

export class WithdrawalResultDto {
  @ApiProperty({ enum: WITHDRAWAL_POLICIES }) policy!: WithdrawalPolicy;
  @ApiProperty() erasedResponses!: number;
}
