import { randomUUID } from 'node:crypto';
import { redactText } from './domain/redact.ts';

/**
 * The server's own log: one JSON line per event worth an operator's attention, on stderr. It names
 * where it happened, an error code and the case, never the request's data or a query's parameters:
 * messages and stacks pass through redactText, so an ID or mobile number inside one is masked.
 */
export interface LogContext {
  /** The route or the background job. */
  where: string;
  code?: string;
  caseId?: string;
}

/** Log a failure; the incident id it returns goes into the answer, to find this line again. */
export function logError(context: LogContext, error: unknown): string {
  const incident = randomUUID().slice(0, 8);
  const e = error instanceof Error ? error : new Error(String(error));
  // The stack's first line repeats the message; the frames name our code only.
  const frames = (e.stack ?? '').split('\n').filter((l) => l.trimStart().startsWith('at '));
  writeLine({
    level: 'error',
    incident,
    ...context,
    error: redactText(`${e.name}: ${e.message}`),
    ...(frames.length ? { stack: frames.slice(0, 8).map((l) => redactText(l.trim())) } : {}),
  });
  return incident;
}

export function logWarning(context: LogContext, message: string): void {
  writeLine({ level: 'warning', ...context, message: redactText(message) });
}

function writeLine(fields: Record<string, unknown>) {
  // A log line's time is when the machine wrote it, whatever clock the cases run on.
  // eslint-disable-next-line no-restricted-syntax
  console.error(JSON.stringify({ at: new Date().toISOString(), ...fields }));
}
