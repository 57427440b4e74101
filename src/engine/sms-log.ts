import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SmsPort } from './outbox-worker.ts';

/**
 * The development SMS adapter: each message is one JSON line in a log file instead of a text
 * message. Idempotent by key across restarts (it reads the keys already written).
 */
export function smsLog(path: string): SmsPort & { readonly sent: number } {
  mkdirSync(dirname(path), { recursive: true });
  const keys = new Set<string>(
    existsSync(path)
      ? readFileSync(path, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => (JSON.parse(l) as { key: string }).key)
      : [],
  );
  let sent = 0;
  return {
    get sent() {
      return sent;
    },
    async send(message, key) {
      if (keys.has(key)) return;
      appendFileSync(path, `${JSON.stringify({ key, ...message })}\n`);
      keys.add(key);
      sent++;
    },
  };
}

/** An SMS port that keeps messages in memory (simulations and tests). */
export function smsMemory(): SmsPort & { readonly messages: Map<string, Parameters<SmsPort['send']>[0]> } {
  const messages = new Map<string, Parameters<SmsPort['send']>[0]>();
  return {
    messages,
    async send(message, key) {
      if (!messages.has(key)) messages.set(key, message);
    },
  };
}
