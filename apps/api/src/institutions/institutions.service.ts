import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { InstitutionDto } from './dto/institution.dto';
import { Institution } from './institution.entity';

/** The directory of institutions on this server: names only, for choosing a partner when adding a cohort. */
@Injectable()
export class InstitutionsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  directory(): Promise<InstitutionDto[]> {
    return this.dataSource
      .getRepository(Institution)
      .find({ select: { id: true, name: true }, order: { name: 'ASC' } });
  }
}
