import { Module } from '@nestjs/common';
import { StaffInvitationMailer } from './staff-invitation-mail';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  controllers: [UsersController],
  providers: [UsersService, StaffInvitationMailer],
  exports: [UsersService],
})
export class UsersModule {}
