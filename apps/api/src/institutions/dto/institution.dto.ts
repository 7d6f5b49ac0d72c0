import { ApiProperty } from '@nestjs/swagger';

export class InstitutionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class InstitutionListDto {
  @ApiProperty({ type: [InstitutionDto] }) items!: InstitutionDto[];
}
