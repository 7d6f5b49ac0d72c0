import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { PasswordService } from './password.service';
import { Session } from './session.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Session])],
  controllers: [AuthController],
  providers: [AuthService, PasswordService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService, PasswordService],
})
export class AuthModule {}
