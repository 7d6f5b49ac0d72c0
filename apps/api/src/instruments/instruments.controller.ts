import { Controller, Get } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-errors.decorator';
import { InstrumentCatalogService } from './instrument-catalog.service';

class InstrumentSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty() version!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['client', 'practitioner'] }) respondent!: string;
  @ApiProperty({ type: [String] }) languages!: string[];
  @ApiProperty() licence!: string;
  @ApiProperty({ description: 'False for licensed instruments until a text pack is imported' }) usable!: boolean;
}

class InstrumentListDto {
  @ApiProperty({ type: [InstrumentSummaryDto] }) items!: InstrumentSummaryDto[];
}

@ApiTags('instruments')
@ApiCookieAuth()
@Controller('instruments')
export class InstrumentsController {
  constructor(private readonly catalog: InstrumentCatalogService) {}

  @Get()
  @ApiOperation({ summary: 'Every published instrument version, and whether it can be put in a study' })
  @ApiOkResponse({ type: InstrumentListDto })
  @ApiErrors(401)
  list(): InstrumentListDto {
    return {
      items: this.catalog.list().map((instrument) => ({
        id: instrument.id,
        version: instrument.version,
        name: instrument.name,
        respondent: instrument.respondent,
        languages: [...instrument.languages],
        licence: instrument.licence.spdx,
        usable: instrument.textAvailability === 'bundled',
      })),
    };
  }
}
