import type { CaseState } from '../domain/case.ts';

/**
 * The case documents this process last wrote or read, so that a command on a case it has just
 * written locks the row and reads nothing else: reading the parts back (the case, its form and its
 * items) and opening them was PostgreSQL's largest statement (0.6 ms of its 4.5 per case in the
 * replay) and a tenth of the engine's parsing.
 *
 * An entry is used only when the locked row still ends in the same event: same version and same
 * last chain hash. The hash covers every event before it, and a document is a function of its
 * events, so a document written by another process, or one from a transaction that rolled back,
 * never passes for the stored one; it is simply read again. Documents are frozen when kept: the
 * engine replaces what an event changes and never edits in place, and a freeze makes any code that
 * tried fail loudly instead of changing a document another command will be handed.
 */
export class CaseCache {
  private readonly entries = new Map<string, { version: number; lastHash: string; state: CaseState }>();

  /** `capacity` documents at most (a case's is about 30 KB in memory); the least recently used go first. */
  constructor(private readonly capacity = 5_000) {}

  get(caseId: string, version: number, lastHash: string): CaseState | undefined {
    const entry = this.entries.get(caseId);
    if (!entry || entry.version !== version || entry.lastHash !== lastHash) return undefined;
    this.entries.delete(caseId);
    this.entries.set(caseId, entry);
    return entry.state;
  }

  put(caseId: string, lastHash: string, state: CaseState): void {
    this.entries.delete(caseId);
    this.entries.set(caseId, { version: state.version, lastHash, state: deepFreeze(state) });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Freezes what is not frozen yet: parts shared with an earlier version are frozen already. */
function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
  return value;
}
