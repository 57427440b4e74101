import { AppError, fieldError, type FieldIssue } from '../../domain/error.ts';
import { findSigningSession, findWindowAuthorization } from '../../store/window-store.ts';
import type { EngineDeps } from '../deps.ts';
import type { ApplicationInput } from '../gather-facts.ts';
import type { Preview } from '../parent/apply.ts';
import type { StaffContext } from './work.ts';
import { windowPapersOf, type JointWindowPapers, type WindowLetter } from './window-papers.ts';

/** What the window's use cases share: whose mother, the application as the engine sees it, errors. */

/** What the clerk sends: the application as the parent's app sends it, for the mother. */
export type WindowApplication = Omit<ApplicationInput, 'applicant' | 'signature' | 'motherAuthorization'>;

export const notHere = () =>
  fieldError('NOT_FOUND', 'motherIdNumber', {
    zh: '本院没有这位母亲的分娩记录，只能为在本院分娩的母亲办理',
    en: 'this hospital has no delivery record for her; the window serves mothers who gave birth here',
  });

/** The window is a hospital's, for the deliveries in it; anyone else is told there is no such mother. */
export async function ownDelivery(deps: EngineDeps, ctx: StaffContext, motherIdNumber: string) {
  const org = ctx.organisation;
  if (org.department !== 'midwifery-institution' || !org.institution) throw notHere();
  const delivery = await deps.shared.deliveryRecordOf(motherIdNumber.toUpperCase());
  if (!delivery || delivery.institutionName !== org.institution) throw notHere();
  return delivery;
}

/**
 * The application as the engine sees it: the mother applies; the letter she signed for this baby,
 * if its name still matches, is the letter material.
 */
export async function inputOf(deps: EngineDeps, ctx: StaffContext, a: WindowApplication) {
  const delivery = await ownDelivery(deps, ctx, a.motherIdNumber);
  const papers = windowPapersOf(ctx.organisation.region);
  const input: ApplicationInput = {
    ...a,
    motherIdNumber: delivery.motherIdNumber,
    applicant: { role: 'mother', idNumber: delivery.motherIdNumber },
    uploads: { ...a.uploads },
  };
  const letter = papers
    ? await findWindowAuthorization(
        deps.db,
        input.motherIdNumber,
        a.baby.birthOrder ?? 1,
        ctx.organisation.id,
      )
    : null;
  const current =
    letter && (letter.letter as unknown as WindowLetter).baby.name === `${a.baby.surname}${a.baby.givenName}`;
  if (papers) {
    delete input.uploads![papers.letterMaterial];
    delete input.uploads![papers.formMaterial];
    if (current) input.uploads![papers.letterMaterial] = letter.uploadId;
  }
  return { input, papers, letter: current ? letter : null };
}

/** What the window still needs, less what the window itself produces and the tablet signs. */
export function windowMissing(p: Preview, papers: JointWindowPapers | null): FieldIssue[] {
  const produced = papers ? [papers.letterMaterial, papers.formMaterial].map((m) => `uploads.${m}`) : [];
  return p.missing.filter((m) => !produced.includes(m.field) && m.field !== 'signature.others');
}

/** A session of this counter's organisation; another's is not found. */
export async function ownSession(deps: EngineDeps, ctx: StaffContext, id: string) {
  const s = await findSigningSession(deps.db, id);
  if (!s || s.organisationId !== ctx.organisation.id) {
    throw fieldError('NOT_FOUND', 'signingSession', {
      zh: '没有这个签名任务，请在窗口重新发起',
      en: 'no such signing session; start it again at the window',
    });
  }
  return s;
}

export const refused = () =>
  fieldError('CONFLICT', 'applicant', {
    zh: '预审未通过，没有可签署的申请表',
    en: 'the pre-review refused the application; there is no form to sign',
  });

export const noLetter = () =>
  fieldError('NOT_FOUND', 'paper', {
    zh: '本地区的窗口没有这份文书，使用通用申请表',
    en: "this region's window has no such paper; it uses the general application form",
  });

export function stillMissing(missing: FieldIssue[]) {
  return new AppError(
    'INVALID_INPUT',
    {
      zh: `申请还缺少：${missing.map((m) => m.message.zh).join('；')}`,
      en: `The application still lacks: ${missing.map((m) => m.message.en).join('; ')}`,
    },
    { field: missing[0]!.field, issues: missing },
  );
}
