import { Controller, Get } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Institution } from './institution.entity';
import { ApiErrors } from '../common/api-errors.decorator';

class InstitutionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

class InstitutionListDto {
  @ApiProperty({ type: [InstitutionDto] }) items!: InstitutionDto[];
}

/** The directory of institutions (names only), for choosing a partner when adding a cohort. */
@ApiTags('institutions')
@ApiCookieAuth()
@Controller('institutions')
export class InstitutionsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'All institutions on this Klik server (id and name)' })
  @ApiOkResponse({ type: InstitutionListDto })
  @ApiErrors(401)
  async list(): Promise<InstitutionListDto> {
    const items = await this.dataSource.getRepository(Institution).find({ select: { id: true, name: true }, order: { name: 'ASC' } });
    return { items };
  }
}
