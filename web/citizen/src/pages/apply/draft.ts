import type { Me, Role } from '../../types.ts';
import type { Draft as DraftAnswer } from '../../../../../src/contract/citizen.ts';

/** What the parent is putting together; everything else comes from the shared data on the server. */
export interface Draft {
  applicantRole: Role;
  motherIdNumber: string;
  baby: {
    surname: string;
    givenName: string;
    /** Which baby of the delivery (twins: 1 and 2). */
    birthOrder: number;
    // Typed only when no hospital delivery record exists (a home birth, say).
    sex?: 'male' | 'female';
    bornAt?: string;
    birthPlace?: {
      kind: 'institution' | 'home' | 'en-route';
      divisionCode: string;
      institutionName?: string;
    };
  };
  choices: {
    followParent: Role;
    packageId?: string;
    items?: string[];
    delivery: Record<string, 'mail' | 'pickup'>;
    recipient?: Role;
    insuranceYears?: ('current' | 'next')[];
  };
  contact: { phone?: string; mailingAddress?: { divisionCode: string; detail: string } };
  uploads: Record<string, string>;
}

export function initialDraft(me: Me, birthOrder: number): Draft {
  const followParent: Role = me.father ? 'father' : 'mother';
  const registering = followParent === 'father' ? me.father : me.mother;
  return {
    applicantRole: me.role ?? 'mother',
    motherIdNumber: me.mother?.idNumber ?? '',
    // The baby usually takes the surname of the parent it is registered with; the parent may change it.
    baby: { surname: registering ? [...registering.name][0]! : '', givenName: '', birthOrder },
    choices: { followParent, delivery: {} },
    contact: {},
    uploads: {},
  };
}

/** The application as the API takes it: only what is set. */
export function applicationOf(d: Draft) {
  const baby: Record<string, unknown> = {
    surname: d.baby.surname.trim(),
    givenName: d.baby.givenName.trim(),
    birthOrder: d.baby.birthOrder ?? 1,
  };
  if (d.baby.sex) baby.sex = d.baby.sex;
  if (d.baby.bornAt) baby.bornAt = new Date(d.baby.bornAt).toISOString();
  if (d.baby.birthPlace?.divisionCode) baby.birthPlace = d.baby.birthPlace;
  const choices: Record<string, unknown> = { followParent: d.choices.followParent };
  if (d.choices.packageId) choices.packageId = d.choices.packageId;
  if (d.choices.items) choices.items = d.choices.items;
  if (Object.keys(d.choices.delivery).length) choices.delivery = d.choices.delivery;
  if (d.choices.recipient) choices.recipient = d.choices.recipient;
  if (d.choices.insuranceYears) choices.insuranceYears = d.choices.insuranceYears;
  const contact: Record<string, unknown> = {};
  if (d.contact.phone) contact.phone = d.contact.phone;
  if (d.contact.mailingAddress?.divisionCode && d.contact.mailingAddress.detail)
    contact.mailingAddress = d.contact.mailingAddress;
  return {
    applicantRole: d.applicantRole,
    motherIdNumber: d.motherIdNumber.toUpperCase(),
    baby,
    choices,
    contact,
    uploads: d.uploads,
  };
}

/** What the server keeps of an application in progress: the step, the consent and the draft. */
export interface SavedDraft {
  step: number;
  consented: boolean;
  draft: Draft;
}
/** The server's answer for a draft: it keeps the body as the app gave it, so the app names its shape. */
export type SavedDraftAnswer = Omit<DraftAnswer, 'body'> & { body: SavedDraft };
