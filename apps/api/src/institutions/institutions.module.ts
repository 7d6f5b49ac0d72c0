import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '../users/users.module';
import { Institution } from './institution.entity';
import { InstitutionsController } from './institutions.controller';
import { InstitutionsService } from './institutions.service';
import { Membership } from './membership.entity';
import { StaffInvitation } from './staff-invitation.entity';
import { StaffController } from './staff.controller';
import { StaffService } from './staff.service';

/** The tenants, who belongs to each (memberships with a role) and the routes under /api/users that manage that. */
@Module({
  imports: [TypeOrmModule.forFeature([Institution, Membership, StaffInvitation]), UsersModule],
  controllers: [InstitutionsController, StaffController],
  providers: [InstitutionsService, StaffService],
})
export class InstitutionsModule {}
