import { babyKey } from '../../domain/baby.ts';
import { fieldError } from '../../domain/error.ts';
import { regionsFor } from '../../policies/index.ts';
import type { PersonRecord } from '../../registries/port.ts';
import { casesOfMother } from '../../store/case-lookup-store.ts';
import { draftsOfMother } from '../../store/draft-store.ts';
import { findAuthorization, findFatherConfirmation, verifiedFaces } from '../../store/family-store.ts';
import type { EngineDeps } from '../deps.ts';
import { familyOf } from '../gather-facts.ts';
import { myInvitations } from './invitations.ts';

/**
 * The logged-in person and their family as the shared data knows it. With a hospital delivery
 * record the app offers to start from it (the proactive path), in the region where the baby was
 * born, baby by baby (twins are two): a baby with a case offers that case instead, one with a draft
 * offers to continue. The authorization, the confirmation and the invitations show what each
 * parent still has to do in their own login.
 */
export async function whoAmI(deps: EngineDeps, idNumber: string) {
  const family = await familyOf(deps.shared, idNumber);
  if (!family) {
    throw fieldError('NOT_FOUND', 'authorization', {
      zh: '户籍信息中查无此人',
      en: 'the hukou registry has no such person',
    });
  }
  const { person, role, mother, father, delivery } = family;
  const brief = (p: PersonRecord | null | undefined) =>
    p && {
      name: p.name,
      idNumber: p.idNumber,
      phone: p.phone ?? null,
      hukouDivisionCode: p.hukou?.divisionCode ?? null,
    };
  const motherId = mother?.idNumber ?? null;
  const [authorization, confirmation, faces, cases, drafts, invitations] = await Promise.all([
    motherId ? findAuthorization(deps.db, motherId) : null,
    motherId ? findFatherConfirmation(deps.db, motherId) : null,
    motherId ? verifiedFaces(deps.db, motherId) : new Set<string>(),
    motherId ? casesOfMother(deps.db, motherId) : [],
    draftsOfMother(deps.db, motherId ?? idNumber),
    myInvitations(deps, idNumber),
  ]);
  const first = delivery?.babies[0];
  const place = first?.birthPlace.divisionCode ?? mother?.hukou?.divisionCode ?? person.hukou?.divisionCode;
  return {
    person: brief(person)!,
    role,
    mother: brief(mother),
    father: brief(father),
    delivery: delivery ? { institutionName: delivery.institutionName, babies: delivery.babies } : null,
    babies: (delivery?.babies ?? []).map((b) => ({
      birthOrder: b.birthOrder,
      sex: b.sex,
      bornAt: b.bornAt,
      caseId: cases.find((c) => c.babyKey === babyKey(motherId!, b.bornAt, b.birthOrder))?.id ?? null,
      draftUpdatedAt: drafts.find((d) => d.birthOrder === b.birthOrder)?.updatedAt ?? null,
    })),
    hasCases: cases.length > 0,
    regions: place ? regionsFor(place) : [],
    authorizationSignedAt: authorization?.signedAt ?? null,
    fatherConfirmedAt: confirmation?.confirmedAt ?? null,
    facesVerified: (['mother', 'father'] as const).filter((r) => {
      const id = (r === 'mother' ? mother : father)?.idNumber;
      return id !== undefined && faces.has(id);
    }),
    invitations,
  };
}
