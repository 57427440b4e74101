/**
 * The service guide's entry: what the rest of the code base imports (serviceGuide, describeSla and the
 * field lists the guide's test compares with the schema) and the order of the sections, which is the
 * order a reader needs them in. The sections are grouped in sections-*.ts by what they tell the reader,
 * on the shapes of markdown.ts and the words of words.ts, so that each file can be read whole.
 */
import type { Policy } from '../schema.ts';
import { guideOf, type Section } from './section.ts';
import { applicants, channel, rules, scenarios, title } from './sections-applying.ts';
import { certificate, delivery, timeLimits } from './sections-handling.ts';
import { insurance } from './sections-insurance.ts';
import { formFields, items, materials } from './sections-items.ts';
import {
  crossProvince,
  efficiency,
  hotlines,
  legalBases,
  notices,
  questions,
  sms,
} from './sections-reference.ts';

export { describeSla } from './words.ts';

/**
 * 办事指南: the service guide a policy officer, a parent, a clerk or the 12345 hotline reads, generated
 * from the policy alone, so that it says what the platform runs: each rule's condition is rendered from
 * the condition the evaluator evaluates, places by name, items by their names, citations by the
 * document's title, 文号 and clause. Chinese first, English second. Markdown.
 *
 * The guide is a list of sections; each names the policy fields it shows (GUIDE_FIELDS), and a test
 * compares them with the schema, so a new field fails until a section shows it. To add one, write a
 * function from the Guide to lines in the sections-*.ts file it belongs with and put it in SECTIONS
 * where it belongs.
 */
export function serviceGuide(policy: Policy): string {
  const g = guideOf(policy);
  return (
    SECTIONS.flatMap((s) => s.render(g))
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim() + '\n'
  );
}

const SECTIONS: readonly Section[] = [
  title,
  channel,
  applicants,
  scenarios,
  rules,
  items,
  materials,
  formFields,
  timeLimits,
  delivery,
  crossProvince,
  certificate,
  insurance,
  notices,
  legalBases,
  efficiency,
  hotlines,
  sms,
  questions,
];

/**
 * The policy's fields the guide shows, and those it leaves out on purpose with the reason. A test
 * checks every field of the schema is in one of the two.
 */
export const GUIDE_FIELDS: readonly string[] = SECTIONS.flatMap((s) => s.shows);
export const NOT_IN_GUIDE: Readonly<Record<string, string>> = {
  region: 'a code name; the guide shows the policy name',
  shortName: 'the label of a tab; the guide shows the full name',
  'sources.file': 'the stored file number; a citation shows the title and 文号',
  figures: 'resolved into the texts that quote them; each figure shows where its rule is rendered',
  'items.id': 'a code name; an item shows by its name',
  'packages.id': 'a code name; a package shows by its name',
  'scenarios.id': 'a code name; a scenario shows by its name',
  'rules.id': 'a code name; a rule shows by its requirement',
  'materials.id': 'a code name; a material shows by its name',
  'formFields.id': 'a code name; a field shows by its label',
  'familyDeadlines.id': 'a code name; a deadline shows by its task',
  'questions.id': 'a code name; a question shows by its text',
};
