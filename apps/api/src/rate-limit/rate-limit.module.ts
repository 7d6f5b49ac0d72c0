import { Global, Module } from '@nestjs/common';
import { RateLimitService } from './rate-limit.service';

/** Shared rate limits (login, participant links, staff invitations); global, as every entry point may need them. */
@Global()
@Module({ providers: [RateLimitService], exports: [RateLimitService] })
export class RateLimitModule {}
