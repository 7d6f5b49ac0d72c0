import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContactsController } from './contacts.controller';
import { ContactsService } from './contacts.service';
import { MessagingScheduler } from './messaging-scheduler';
import { OutboxMessage } from './outbox-message.entity';
import { OutboxController } from './outbox.controller';
import { OutboxService } from './outbox.service';
import { ParticipantContact } from './participant-contact.entity';
import { SchedulesController } from './schedules.controller';
import { SchedulesService } from './schedules.service';
import { TimepointSchedule } from './timepoint-schedule.entity';

/** Contact details, e-mail schedules per timepoint, the outbox and its scheduler (issue 5, running a study 3). */
@Module({
  imports: [TypeOrmModule.forFeature([ParticipantContact, TimepointSchedule, OutboxMessage])],
  controllers: [ContactsController, SchedulesController, OutboxController],
  providers: [ContactsService, SchedulesService, OutboxService, MessagingScheduler],
  exports: [OutboxService],
})
export class MessagingModule {}
