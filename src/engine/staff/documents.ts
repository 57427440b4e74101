import type { Readable } from 'node:stream';
import { fieldError } from '../../domain/error.ts';
import type { ItemId } from '../../domain/ids.ts';
import type { CaseState } from '../../domain/case.ts';
import { getPolicy } from '../../policies/index.ts';
import { logAccess } from '../../store/staff-store.ts';
import { uploadContent } from '../../store/upload-store.ts';
import type { EngineDeps } from '../deps.ts';
import { signedFormPdf } from '../signed-form.ts';
import { ownItem, type StaffContext } from './work.ts';

/**
 * What a clerk reads beside the fields: the form the family signed and the files uploaded for this
 * item (at application, or later as a supplement). Each opening is recorded for the family, the
 * signed form as "all of it", since it carries every field the family gave.
 */
export interface TaskDocument {
  /** `form`, or an upload's content hash. */
  id: string;
  kind: 'form' | 'upload';
  name: { zh: string; en: string };
  mime: string;
}

export function taskDocuments(state: CaseState, item: ItemId): TaskDocument[] {
  const policy = getPolicy(state.region);
  const forItem = new Set(policy.materials.filter((m) => m.forItems.includes(item)).map((m) => m.id));
  const form = state.form as { uploads?: { material: string; sha256: string; mime: string }[] };
  const later = (state.items[item]?.suppliedMaterials ?? []).map((u) => ({ ...u, mime: '' }));
  const uploads = [...(form.uploads ?? []), ...later].filter((u) => forItem.has(u.material));
  const nameOf = (material: string) =>
    policy.materials.find((m) => m.id === material)?.name ?? { zh: '材料', en: 'Material' };
  return [
    {
      id: 'form',
      kind: 'form',
      name: { zh: '签名的申请表', en: 'The signed application form' },
      mime: 'application/pdf',
    },
    ...uploads.map((u) => ({
      id: u.sha256,
      kind: 'upload' as const,
      name: nameOf(u.material),
      mime: u.mime,
    })),
  ];
}

export async function openDocument(
  deps: EngineDeps,
  ctx: StaffContext,
  caseId: string,
  item: ItemId,
  id: string,
): Promise<{ mime: string; bytes: Buffer | Readable }> {
  const { state } = await ownItem(deps, ctx, caseId, item);
  const doc = taskDocuments(state, item).find((d) => d.id === id);
  const content =
    doc?.kind === 'form'
      ? { mime: 'application/pdf', bytes: await signedFormPdf(deps, state) }
      : doc
        ? await uploaded(deps, uploaders(state), doc.id)
        : null;
  if (!content)
    throw fieldError('NOT_FOUND', 'material', {
      zh: '本事项没有这份材料',
      en: 'this item has no such document',
    });
  await logAccess(deps.db, {
    caseId,
    item,
    staffId: ctx.staff.id,
    organisationId: ctx.organisation.id,
    fields: [doc!.kind === 'form' ? 'signed-form' : 'upload'],
    at: deps.clock.now(),
  });
  return content;
}

/** An upload streamed from the blob store; one stored before it (migration 0022), from its row. */
async function uploaded(deps: EngineDeps, owners: string[], sha256: string) {
  const row = await uploadContent(deps.db, owners, sha256);
  if (!row) return null;
  const bytes = row.bytes ?? (await deps.blobs.get(sha256));
  return bytes ? { mime: row.mime, bytes } : null;
}

/** Whoever may have uploaded the case's files: the applicant and both parents. */
function uploaders(state: CaseState): string[] {
  const ids = [state.applicant.idNumber, state.motherIdNumber, state.fatherIdNumber];
  return ids.filter((id): id is string => !!id);
}
