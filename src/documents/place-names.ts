/** The place names moved to the domain, where the policy guide reads them too; the PDFs keep this path. */
export { placeName } from '../domain/place-names.ts';
