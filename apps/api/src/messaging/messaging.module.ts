import { Module } from '@nestjs/common';
import { ContactsController } from './contacts.controller';
import { ContactsService } from './contacts.service';
import { MessagingScheduler } from './messaging-scheduler';
import { OutboxController } from './outbox.controller';
import { OutboxService } from './outbox.service';
import { SchedulesController } from './schedules.controller';
import { SchedulesService } from './schedules.service';

/** Contact details, e-mail schedules per timepoint, the outbox and its scheduler (issue 5, running a study 3). */
@Module({
  controllers: [ContactsController, SchedulesController, OutboxController],
  providers: [ContactsService, SchedulesService, OutboxService, MessagingScheduler],
  exports: [OutboxService],
})
export class MessagingModule {}
