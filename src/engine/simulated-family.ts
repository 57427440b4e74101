import type { CaseState, ItemState } from '../domain/case.ts';
import type { ParentRole, RegionId } from '../domain/ids.ts';
import type { SimulatedPayments } from '../departments/payments.ts';
import { POLICIES } from '../policies/index.ts';
import type { ApplicationInput } from './gather-facts.ts';
import type { Engine } from './index.ts';

/**
 * What a synthetic family does in a simulation, through the same use cases the app calls: complete
 * the application the pre-review says is incomplete, then act when an item waits for it.
 */

/** A 1×1 PNG standing in for a photo or a scan: the simulated verifier checks its form, not a face. */
export const FACE_PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * What a parent does after the pre-review lists what is missing: upload each material, have each
 * parent verify their own face (the other parent in their own login), give a phone and a mailing
 * address in the region.
 */
export async function completeApplication(
  engine: Engine,
  region: RegionId,
  input: ApplicationInput,
): Promise<ApplicationInput> {
  const { missing, form } = await engine.parent.preview(region, input);
  if (!missing.length) return input;
  const done: ApplicationInput = { ...input, uploads: { ...input.uploads }, contact: { ...input.contact } };
  for (const { field } of missing) {
    const [kind, key] = field.split('.') as [string, string];
    if (kind === 'uploads') {
      done.uploads![key] = (await engine.parent.upload(input.applicant.idNumber, key, FACE_PHOTO)).uploadId;
    }
    if (kind === 'faces' && form) {
      const parent = key === 'mother' ? form.mother : form.father;
      if (parent) await engine.parent.verifyFace(parent.idNumber, key as ParentRole, FACE_PHOTO);
    }
    if (field === 'contact.phone')
      done.contact!.phone = `139${input.applicant.idNumber.slice(10, 18).replace(/X/i, '0')}`;
    if (field === 'contact.mailingAddress') {
      // The registering parent's hukou lies in the region, so it is a deliverable address there.
      done.contact!.mailingAddress = {
        divisionCode: form?.registering.hukouDivisionCode ?? POLICIES[region].divisions[0]!.padEnd(6, '0'),
        detail: '幸福路 1 号',
      };
    }
  }
  return done;
}

/** The family's part when an item waits for it: answer, upload, book the courier, or pay. */
export async function actOnItem(
  engine: Engine,
  payments: SimulatedPayments,
  state: CaseState,
  item: ItemState,
  now: Date,
): Promise<void> {
  const by = state.applicant.idNumber;
  if (item.status === 'supplement-requested') {
    await engine.parent.answerSupplement(state.id, item.id, by, '已补充上传');
  } else if (item.status === 'payment-due') {
    const order = await engine.parent.startPayment(state.id, item.id, by);
    await payments.pay(order.orderId, now);
  } else if (item.status === 'waiting' && item.pendingMaterials?.length) {
    const uploads: Record<string, string> = {};
    for (const m of item.pendingMaterials)
      uploads[m] = (await engine.parent.upload(by, m, FACE_PHOTO)).uploadId;
    await engine.parent.supplyMaterials(state.id, item.id, by, uploads);
  } else if (item.parcels.some((p) => p.status === 'awaiting-booking')) {
    const [window] = await engine.parent.pickupWindows(state.id, item.id, by);
    const contact = (
      state.form as { contact?: { mailingAddress?: { divisionCode: string; detail: string } | null } }
    ).contact;
    const address = contact?.mailingAddress ?? {
      divisionCode: state.homeDivisionCode,
      detail: '幸福路 1 号',
    };
    await engine.parent.bookPickup(state.id, item.id, by, { address, window: window! });
  }
}
