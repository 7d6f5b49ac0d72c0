import { Body, Controller, Delete, Get, HttpCode, Put } from '@nestjs/common';
import { ApiCookieAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthContext, CurrentAuth } from '../common/current-auth';
import { ApiErrors } from '../common/api-errors.decorator';
import { IdParam } from '../common/id-param';
import { ContactsService } from './contacts.service';
import { ContactDto, PutContactDto } from './dto/contact.dto';

const SCOPE =
  "Staff of the participant's institution; a practitioner only for their own clients. Kept apart from the answers " +
  'and never exported.';

@ApiTags('messaging')
@ApiCookieAuth()
@Controller('studies/:studyId/participants/:participantId/contact')
export class ContactsController {
  constructor(private readonly contacts: ContactsService) {}

  @Get()
  @ApiOperation({
    summary: "The participant's contact details (404 when there are none)",
    description: SCOPE,
  })
  @ApiOkResponse({ type: ContactDto })
  @ApiErrors(401, 404)
  get(
    @CurrentAuth() auth: AuthContext,
    @IdParam('studyId', 'Study') studyId: string,
    @IdParam('participantId', 'Participant') participantId: string,
  ): Promise<ContactDto> {
    return this.contacts.get(auth, studyId, participantId);
  }

  @Put()
  @ApiOperation({
    summary:
      "Set the participant's e-mail (and phone, language); messages still waiting go to the new address",
    description: SCOPE,
  })
  @ApiOkResponse({ type: ContactDto })
  @ApiErrors(400, 401, 404, 409)
  put(
    @CurrentAuth() auth: AuthContext,
    @IdParam('studyId', 'Study') studyId: string,
    @IdParam('participantId', 'Participant') participantId: string,
    @Body() body: PutContactDto,
  ): Promise<ContactDto> {
    return this.contacts.put(auth, studyId, participantId, body);
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Erase the contact details: the row, the address on every message; waiting messages are cancelled',
    description: SCOPE,
  })
  @ApiNoContentResponse({ description: 'Erased' })
  @ApiErrors(401, 404)
  remove(
    @CurrentAuth() auth: AuthContext,
    @IdParam('studyId', 'Study') studyId: string,
    @IdParam('participantId', 'Participant') participantId: string,
  ): Promise<void> {
    return this.contacts.remove(auth, studyId, participantId);
  }
}
