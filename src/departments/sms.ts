import type { SmsPort } from '../engine/outbox-worker.ts';
import { postIdempotent } from './port.ts';

/**
 * The operator's SMS gateway (the real client; in development texts go to a log, engine/sms-log.ts).
 * Each text is one POST of { to, template, title, text } to `{SMS_URL}/messages` with the outbox's
 * idempotency key, so a retried send is one text; busy and network failures are retried by the
 * outbox, a refusal is not. The key never holds an ID number (engine/parent/proactive.ts).
 */
export function httpSmsClient(options: { baseUrl: string; token: string; fetch?: typeof fetch }): SmsPort {
  return {
    send: (message, key) =>
      postIdempotent(
        'sms',
        `${options.baseUrl.replace(/\/$/, '')}/messages`,
        message,
        key,
        options.token,
        options.fetch,
      ),
  };
}
