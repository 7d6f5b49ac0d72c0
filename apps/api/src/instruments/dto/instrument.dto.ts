import { ApiProperty } from '@nestjs/swagger';

export class InstrumentSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty() version!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['client', 'practitioner'] }) respondent!: string;
  @ApiProperty({ type: [String] }) languages!: string[];
  @ApiProperty() licence!: string;
  @ApiProperty({ description: 'False for licensed instruments until your institution imports a text pack' })
  usable!: boolean;
}

export class InstrumentListDto {
  @ApiProperty({ type: [InstrumentSummaryDto] }) items!: InstrumentSummaryDto[];
}
