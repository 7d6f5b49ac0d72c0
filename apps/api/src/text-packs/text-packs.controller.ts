import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiBody,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { type AuthContext, CurrentAuth, Roles } from '../common/current-auth';
import { ApiErrors } from '../common/api-errors.decorator';
import { IdParam } from '../common/id-param';
import { TextPacksService } from './text-packs.service';

class TextPackSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() instrumentId!: string;
  @ApiProperty() instrumentVersion!: string;
  @ApiProperty({ enum: ['nl', 'en'], isArray: true }) languages!: ('nl' | 'en')[];
  @ApiProperty() source!: string;
  @ApiProperty() createdAt!: Date;
}

class TextPackListDto {
  @ApiProperty({ type: [TextPackSummaryDto] }) items!: TextPackSummaryDto[];
}

@ApiTags('text-packs')
@ApiCookieAuth()
@Controller('text-packs')
export class TextPacksController {
  constructor(private readonly packs: TextPacksService) {}

  @Get()
  @Roles('institution_admin', 'researcher')
  @ApiOperation({ summary: 'Text packs your institution has imported (without their wording)' })
  @ApiOkResponse({ type: TextPackListDto })
  @ApiErrors(401, 403)
  async list(@CurrentAuth() auth: AuthContext): Promise<TextPackListDto> {
    return { items: await this.packs.list(auth) };
  }

  @Post()
  @Roles('institution_admin')
  @ApiOperation({
    summary: 'Import the wording of a licensed instrument (format klik-text-pack@1)',
    description: 'The body is the text pack itself; see libs/survey-model/docs/text-packs.md. Every problem is listed.',
  })
  @ApiBody({ schema: { type: 'object', additionalProperties: true } })
  @ApiCreatedResponse({ type: TextPackSummaryDto })
  @ApiErrors(400, 401, 403, 409, 413)
  import(@CurrentAuth() auth: AuthContext, @Body() body: Record<string, unknown>): Promise<TextPackSummaryDto> {
    return this.packs.import(auth, body);
  }

  @Delete(':textPackId')
  @HttpCode(204)
  @Roles('institution_admin')
  @ApiOperation({ summary: 'Remove a text pack no protocol uses' })
  @ApiNoContentResponse()
  @ApiErrors(401, 403, 404, 409)
  remove(@CurrentAuth() auth: AuthContext, @IdParam('textPackId', 'Text pack') id: string): Promise<void> {
    return this.packs.remove(auth, id);
  }
}
