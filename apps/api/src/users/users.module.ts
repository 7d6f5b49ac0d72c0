import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StaffInvitationMailer } from './staff-invitation-mail';
import { User } from './user.entity';

/** Staff accounts (one per person, across institutions) and the e-mail that invites someone to have one. */
@Module({
  imports: [TypeOrmModule.forFeature([User])],
  providers: [StaffInvitationMailer],
  exports: [StaffInvitationMailer],
})
export class UsersModule {}
