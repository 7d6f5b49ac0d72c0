import { Controller, Get } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { type AuthContext, CurrentAuth } from '../auth/auth-context';
import { ApiErrors } from '../common/api-errors.decorator';
import { TenancyService } from '../database/tenancy.service';
import { TextPackRecord } from '../text-packs/text-pack.entity';
import { InstrumentCatalogService } from './instrument-catalog.service';

class InstrumentSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty() version!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['client', 'practitioner'] }) respondent!: string;
  @ApiProperty({ type: [String] }) languages!: string[];
  @ApiProperty() licence!: string;
  @ApiProperty({ description: 'False for licensed instruments until your institution imports a text pack' })
  usable!: boolean;
}

class InstrumentListDto {
  @ApiProperty({ type: [InstrumentSummaryDto] }) items!: InstrumentSummaryDto[];
}

@ApiTags('instruments')
@ApiCookieAuth()
@Controller('instruments')
export class InstrumentsController {
  constructor(
    private readonly catalog: InstrumentCatalogService,
    private readonly tenancy: TenancyService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every published instrument version, and whether it can be put in a study' })
  @ApiOkResponse({ type: InstrumentListDto })
  @ApiErrors(401)
  async list(@CurrentAuth() auth: AuthContext): Promise<InstrumentListDto> {
    const packs = await this.tenancy.run(auth, (m) =>
      m.find(TextPackRecord, { where: { institutionId: auth.institutionId }, select: { instrumentId: true, instrumentVersion: true } }),
    );
    const imported = new Set(packs.map((pack) => `${pack.instrumentId}@${pack.instrumentVersion}`));
    return {
      items: this.catalog.list().map((instrument) => ({
        id: instrument.id,
        version: instrument.version,
        name: instrument.name,
        respondent: instrument.respondent,
        languages: [...instrument.languages],
        licence: instrument.licence.spdx,
        usable: instrument.textAvailability === 'bundled' || imported.has(`${instrument.id}@${instrument.version}`),
      })),
    };
  }
}
