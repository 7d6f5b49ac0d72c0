import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthContext, CurrentAuth, Roles } from '../common/current-auth';
import { ApiErrors } from '../common/api-errors.decorator';
import { IdParam } from '../common/id-param';
import { ProtocolDto, PutProtocolDto } from './dto/protocol.dto';
import { ProtocolService } from './protocol.service';

@ApiTags('protocol')
@ApiCookieAuth()
@Controller('studies/:studyId/protocol')
export class ProtocolController {
  constructor(private readonly protocol: ProtocolService) {}

  @Get()
  @ApiOperation({ summary: "The study's timepoints in order, with their instruments" })
  @ApiOkResponse({ type: ProtocolDto })
  @ApiErrors(401, 404)
  get(@CurrentAuth() auth: AuthContext, @IdParam('studyId', 'Study') studyId: string): Promise<ProtocolDto> {
    return this.protocol.get(auth, studyId);
  }

  @Put()
  @Roles('institution_admin', 'researcher')
  @ApiOperation({ summary: 'Replace the protocol (timepoints keep their ids by key)' })
  @ApiOkResponse({ type: ProtocolDto })
  @ApiErrors(400, 401, 403, 404, 409)
  put(
    @CurrentAuth() auth: AuthContext,
    @IdParam('studyId', 'Study') studyId: string,
    @Body() body: PutProtocolDto,
  ): Promise<ProtocolDto> {
    return this.protocol.put(auth, studyId, body);
  }
}
