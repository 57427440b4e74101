import type { RegionId } from '../../domain/ids.ts';
import { deleteDraft, findDraft, upsertDraft } from '../../store/draft-store.ts';
import type { EngineDeps } from '../deps.ts';
import { familyOf } from '../gather-facts.ts';

/**
 * The application in progress, kept on the server: one per baby (the mother and the birth order),
 * so a reload, the Back button, a closed browser or the other parent's phone finds it again. It is
 * the app's own working state; nothing in it counts until the signed form is submitted, which
 * removes it.
 */

/** The family a draft belongs to: the baby's mother, or the person alone when no mother is known. */
async function draftOwner(deps: EngineDeps, idNumber: string): Promise<string> {
  return (await familyOf(deps.shared, idNumber))?.mother?.idNumber ?? idNumber;
}

export async function loadDraft(deps: EngineDeps, idNumber: string, birthOrder: number) {
  const draft = await findDraft(deps.db, await draftOwner(deps, idNumber), birthOrder);
  if (!draft) return null;
  return {
    region: draft.region,
    body: draft.body,
    updatedAt: draft.updatedAt,
    byYou: draft.ownerIdNumber === idNumber,
  };
}

export async function saveDraft(
  deps: EngineDeps,
  idNumber: string,
  birthOrder: number,
  region: RegionId,
  body: unknown,
) {
  const updatedAt = deps.clock.now().toISOString();
  const motherIdNumber = await draftOwner(deps, idNumber);
  await upsertDraft(deps.db, {
    motherIdNumber,
    birthOrder,
    ownerIdNumber: idNumber,
    region,
    body,
    updatedAt,
  });
  return { region, updatedAt };
}

export async function discardDraft(deps: EngineDeps, idNumber: string, birthOrder: number): Promise<void> {
  await deleteDraft(deps.db, await draftOwner(deps, idNumber), birthOrder);
}
