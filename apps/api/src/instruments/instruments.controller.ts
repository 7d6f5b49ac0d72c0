import { Controller, Get } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-errors.decorator';
import { type AuthContext, CurrentAuth } from '../common/current-auth';
import { InstrumentListDto } from './dto/instrument.dto';
import { InstrumentCatalogService } from './instrument-catalog.service';

@ApiTags('instruments')
@ApiCookieAuth()
@Controller('instruments')
export class InstrumentsController {
  constructor(private readonly catalog: InstrumentCatalogService) {}

  @Get()
  @ApiOperation({ summary: 'Every published instrument version, and whether it can be put in a study' })
  @ApiOkResponse({ type: InstrumentListDto })
  @ApiErrors(401)
  async list(@CurrentAuth() auth: AuthContext): Promise<InstrumentListDto> {
    return { items: await this.catalog.summaries(auth) };
  }
}
