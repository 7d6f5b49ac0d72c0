import { Controller, Get } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-errors.decorator';
import { InstitutionListDto } from './dto/institution.dto';
import { InstitutionsService } from './institutions.service';

/** The directory of institutions (names only), for choosing a partner when adding a cohort. */
@ApiTags('institutions')
@ApiCookieAuth()
@Controller('institutions')
export class InstitutionsController {
  constructor(private readonly institutions: InstitutionsService) {}

  @Get()
  @ApiOperation({ summary: 'All institutions on this Klik server (id and name)' })
  @ApiOkResponse({ type: InstitutionListDto })
  @ApiErrors(401)
  async list(): Promise<InstitutionListDto> {
    return { items: await this.institutions.directory() };
  }
}
