/**
 * One baby, one case. A baby is the mother, the minute of birth and the birth order: the hospital's
 * delivery record gives the last two when there is one, and the family types them otherwise, so
 * the same baby has the same key either way. Twins are two babies with keys of their own.
 */
export function babyKey(motherIdNumber: string, bornAt: string, birthOrder: number): string {
  const minute = new Date(bornAt).toISOString().slice(0, 16);
  return `${motherIdNumber.toUpperCase()}/${minute}Z/${birthOrder}`;
}
