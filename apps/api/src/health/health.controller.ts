import { Controller, Get, Req } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { SESSION_COOKIE } from '../auth/auth-context';
import { Public } from '../common/current-auth';
import { DatabaseHealthDto, HealthDto } from './dto/health.dto';
import { HealthService } from './health.service';

/**
 * Liveness and readiness for load balancers (anyone: only `status`), with the details an operator needs (database
 * kind and server version, migrations, Klik version) for a logged-in institution admin only, so the exact
 * PostgreSQL version is not handed to whoever probes the server.
 */
@ApiTags('health')
@ApiExtraModels(DatabaseHealthDto)
@Controller('health')
export class HealthController {
  constructor(private readonly healthService: HealthService) {}

  @Public()
  @Get()
  @ApiOperation({
    summary: 'Liveness and readiness; details (database, migrations, version) for institution admins',
  })
  @ApiOkResponse({ type: HealthDto })
  health(@Req() request: Request): Promise<HealthDto> {
    return this.healthService.check(
      (request.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE],
    );
  }
}
