import { AppError } from '../../domain/error.ts';
import { regionsFor } from '../../policies/index.ts';
import type { PersonRecord } from '../../registries/port.ts';
import { findAuthorization, findFatherConfirmation, verifiedFaces } from '../../store/family-store.ts';
import type { EngineDeps } from '../deps.ts';
import { familyOf } from '../gather-facts.ts';

/**
 * The logged-in person and their family as the shared data knows it. With a hospital delivery
 * record the app offers to start from it (the proactive path), in the region where the baby was
 * born; the signed authorization and the father's confirmation show where each parent stands.
 */
export async function whoAmI(deps: EngineDeps, idNumber: string) {
  const family = await familyOf(deps.shared, idNumber);
  if (!family) {
    throw new AppError(
      'NOT_FOUND',
      { zh: 'authorization：户籍信息中查无此人', en: 'authorization: the hukou registry has no such person' },
      { field: 'authorization' },
    );
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
  const [authorization, confirmation, faces] = motherId
    ? await Promise.all([
        findAuthorization(deps.db, motherId),
        findFatherConfirmation(deps.db, motherId),
        verifiedFaces(deps.db, motherId),
      ])
    : [null, null, new Set<string>()];
  const place =
    delivery?.baby.birthPlace.divisionCode ?? mother?.hukou?.divisionCode ?? person.hukou?.divisionCode;
  return {
    person: brief(person)!,
    role,
    mother: brief(mother),
    father: brief(father),
    delivery: delivery
      ? {
          institutionName: delivery.institutionName,
          bornAt: delivery.baby.bornAt,
          sex: delivery.baby.sex,
          birthPlace: delivery.baby.birthPlace,
        }
      : null,
    regions: place ? regionsFor(place) : [],
    authorizationSignedAt: authorization?.signedAt ?? null,
    fatherConfirmedAt: confirmation?.confirmedAt ?? null,
    facesVerified: (['mother', 'father'] as const).filter((r) => {
      const id = (r === 'mother' ? mother : father)?.idNumber;
      return id !== undefined && faces.has(id);
    }),
  };
}
