// Mail (password resets) through SMTP_URL. Without it Concord sends nothing, and says so:
// an administrator or `concord user password` resets passwords instead.
import nodemailer from 'nodemailer';
import type { Config } from '../config.ts';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export function mailConfigured(config: Config): boolean {
  return Boolean(config.smtpUrl);
}

export async function sendMail(config: Config, mail: Mail): Promise<void> {
  if (!config.smtpUrl) throw new Error('SMTP_URL is not set');
  const transport = nodemailer.createTransport(config.smtpUrl);
  try {
    await transport.sendMail({ from: config.smtpFrom, to: mail.to, subject: mail.subject, text: mail.text });
  } finally {
    transport.close();
  }
}
