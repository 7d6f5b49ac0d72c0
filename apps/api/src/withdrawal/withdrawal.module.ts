import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TakeModule } from '../take/take.module';
import { WithdrawalController } from './withdrawal.controller';
import { Withdrawal } from './withdrawal.entity';
import { WithdrawalService } from './withdrawal.service';

/**
 * Withdrawal from a study: the orchestration of every step (WithdrawalService), both routes that ask for it and
 * the record kept afterwards. It builds on the modules whose tables it changes, so none of them imports it.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Withdrawal]), TakeModule],
  controllers: [WithdrawalController],
  providers: [WithdrawalService],
})
export class WithdrawalModule {}
