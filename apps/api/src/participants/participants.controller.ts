import { Body, Controller, Get, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBody,
  ApiConsumes,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type AuthContext, CurrentAuth, Roles } from '../common/current-auth';
import { AppError } from '../common/app-error';
import { ApiErrors } from '../common/api-errors.decorator';
import { IdParam } from '../common/id-param';
import {
  CreateParticipantDto,
  ImportResultDto,
  ParticipantDto,
  ParticipantListDto,
  ParticipantListQuery,
} from './dto/participant.dto';
import { ParticipantsService } from './participants.service';

interface UploadedCsv {
  buffer: Buffer;
  size: number;
  originalname: string;
}

const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

@ApiTags('participants')
@ApiCookieAuth()
@Controller('studies/:studyId/participants')
export class ParticipantsController {
  constructor(private readonly participants: ParticipantsService) {}

  @Get()
  @ApiOperation({ summary: "Your institution's participants in the study (a practitioner: only their own clients)" })
  @ApiOkResponse({ type: ParticipantListDto })
  @ApiErrors(400, 401, 404)
  list(
    @CurrentAuth() auth: AuthContext,
    @IdParam('studyId', 'Study') studyId: string,
    @Query() query: ParticipantListQuery,
  ): Promise<ParticipantListDto> {
    return this.participants.list(auth, studyId, query);
  }

  @Post()
  @Roles('institution_admin', 'researcher')
  @ApiOperation({ summary: 'Enrol one participant under a pseudonymous code' })
  @ApiCreatedResponse({ type: ParticipantDto })
  @ApiErrors(400, 401, 403, 404, 409)
  create(
    @CurrentAuth() auth: AuthContext,
    @IdParam('studyId', 'Study') studyId: string,
    @Body() body: CreateParticipantDto,
  ): Promise<ParticipantDto> {
    return this.participants.create(auth, studyId, body);
  }

  @Post('import')
  @Roles('institution_admin', 'researcher')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } }))
  @ApiOperation({
    summary: 'Enrol from a CSV: all rows or none',
    description:
      'UTF-8 CSV (comma or semicolon), header `cohort` (name or id) and optional `code`, `practitioner_email`. ' +
      'Any bad row gives a 400 `csv_invalid` with `rows: [{ row, column, reason }]` (the header is row 1).',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } })
  @ApiCreatedResponse({ type: ImportResultDto })
  @ApiErrors(400, 401, 403, 404, 409, 413)
  async import(
    @CurrentAuth() auth: AuthContext,
    @IdParam('studyId', 'Study') studyId: string,
    @UploadedFile() file?: UploadedCsv,
  ): Promise<ImportResultDto> {
    if (!file) throw AppError.validation([{ field: 'file', messages: ['upload the CSV in the form field "file"'] }]);
    const items = await this.participants.importCsv(auth, studyId, file.buffer);
    return { created: items.length, items };
  }

  @Get(':participantId')
  @ApiOperation({ summary: 'One participant' })
  @ApiOkResponse({ type: ParticipantDto })
  @ApiErrors(401, 404)
  get(
    @CurrentAuth() auth: AuthContext,
    @IdParam('studyId', 'Study') studyId: string,
    @IdParam('participantId', 'Participant') participantId: string,
  ): Promise<ParticipantDto> {
    return this.participants.get(auth, studyId, participantId);
  }
}
