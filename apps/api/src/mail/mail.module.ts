import { Global, Module } from '@nestjs/common';
import { MailerService } from './mailer.service';

/** The SMTP transport, one per process; global so that any feature can send mail without a module cycle. */
@Global()
@Module({ providers: [MailerService], exports: [MailerService] })
export class MailModule {}
