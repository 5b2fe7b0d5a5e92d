import { Inject, Injectable, Logger } from '@nestjs/common';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport, type Transporter } from 'nodemailer';
import type { Language } from '@app/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { renderMail, type MailParams, type MailTemplate } from './mail-templates';

export interface MailAttachment {
  filename: string;
  content: string | Buffer;
  contentType: string;
}

export interface MailRequest {
  to: string;
  language: Language;
  template: MailTemplate;
  params: MailParams;
  /** Files to attach (e.g. the assembly's calendar entry). */
  attachments?: MailAttachment[];
}

/**
 * Sends mail over SMTP when SMTP_URL is set; otherwise writes each message as an .eml file
 * to data/outbox/ so a fresh installation works without a mail server.
 */
@Injectable()
export class MailService {
  private readonly logger = new Logger(MailService.name);
  private readonly transport: Transporter;
  private readonly toOutbox: boolean;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.toOutbox = !config.mail.smtpUrl;
    this.transport = config.mail.smtpUrl
      ? createTransport(config.mail.smtpUrl)
      : createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  /** Sends the mail; a delivery failure is logged, never shown to the requester (they can ask again). */
  async send(request: MailRequest): Promise<boolean> {
    const rendered = renderMail(request.template, request.language, request.params);
    try {
      const info = await this.transport.sendMail({
        from: this.config.mail.from,
        to: request.to,
        ...rendered,
        ...(request.attachments?.length && { attachments: request.attachments }),
      });
      if (this.toOutbox) {
        await mkdir(this.config.mail.outboxDir, { recursive: true });
        const file = join(this.config.mail.outboxDir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${request.template}.eml`);
        await writeFile(file, info.message as Buffer);
        this.logger.log(`Mail "${rendered.subject}" written to ${file}`);
      }
      return true;
    } catch (error) {
      this.logger.error(`Mail "${request.template}" could not be sent: ${(error as Error).message}`);
      return false;
    }
  }
}
