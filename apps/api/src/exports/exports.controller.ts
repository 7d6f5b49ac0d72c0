import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiCookieAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { type AuthContext, CurrentAuth, Roles } from '../common/current-auth';
import { ApiErrors } from '../common/api-errors.decorator';
import { IdParam } from '../common/id-param';
import { CreateExportDto } from './dto/export-options.dto';
import { ExportDto, ExportListDto } from './dto/export.dto';
import { ExportsService } from './exports.service';

const CONTENT_TYPES: Record<string, string> = {
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.sps': 'text/plain; charset=utf-8',
  '.R': 'text/plain; charset=utf-8',
};

@ApiTags('exports')
@ApiCookieAuth()
@Roles('institution_admin', 'researcher')
@Controller('studies/:studyId/exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Start a de-identified export (runs in the background; poll its status)',
    description:
      'Pseudonymous HMAC codes, shifted dates, no free text, k-anonymity over the declared quasi-identifiers: all ' +
      'on by default. Refused with field errors: k below 2, item-level answers with dates but no quasi-identifiers.',
  })
  @ApiAcceptedResponse({ type: ExportDto })
  @ApiErrors(400, 401, 403, 404)
  create(
    @CurrentAuth() auth: AuthContext,
    @IdParam('studyId', 'Study') studyId: string,
    @Body() body: CreateExportDto,
  ): Promise<ExportDto> {
    return this.exports.create(auth, studyId, body);
  }

  @Get()
  @ApiOperation({ summary: 'Exports of the study, newest first' })
  @ApiOkResponse({ type: ExportListDto })
  @ApiErrors(401, 403, 404)
  async list(
    @CurrentAuth() auth: AuthContext,
    @IdParam('studyId', 'Study') studyId: string,
  ): Promise<ExportListDto> {
    return { items: await this.exports.list(auth, studyId) };
  }

  @Get(':exportId')
  @ApiOperation({ summary: 'Status, progress, files (with SHA-256) and the k-anonymity report of an export' })
  @ApiOkResponse({ type: ExportDto })
  @ApiErrors(401, 403, 404)
  get(
    @CurrentAuth() auth: AuthContext,
    @IdParam('studyId', 'Study') studyId: string,
    @IdParam('exportId', 'Export') exportId: string,
  ): Promise<ExportDto> {
    return this.exports.get(auth, studyId, exportId);
  }

  @Get(':exportId/files/:fileName')
  @ApiOperation({
    summary: 'Download a file of a complete export (HTTP Range supported, so a download can resume)',
  })
  @ApiProduces('text/csv', 'application/json', 'text/markdown', 'text/plain')
  @ApiOkResponse({ description: 'The file, as an attachment' })
  @ApiErrors(401, 403, 404)
  async download(
    @CurrentAuth() auth: AuthContext,
    @IdParam('studyId', 'Study') studyId: string,
    @IdParam('exportId', 'Export') exportId: string,
    @Param('fileName') fileName: string,
    @Res() res: Response,
  ): Promise<void> {
    const file = await this.exports.filePath(auth, studyId, exportId, fileName);
    const type = CONTENT_TYPES[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream';
    await new Promise<void>((resolve, reject) => {
      res.download(
        file,
        fileName,
        // The path is built on the server from a file name the export recorded, so dot folders (the default data
        // folder is `./.klik`) are allowed; 'deny' answered every download with 403.
        { headers: { 'Content-Type': type, 'Cache-Control': 'private, no-store' }, dotfiles: 'allow' },
        (error) => (error && !res.headersSent ? reject(error) : resolve()),
      );
    });
  }
}
