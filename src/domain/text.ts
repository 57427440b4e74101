import { z } from 'zod';

/** Everything a parent or a clerk reads is Chinese first, English second (GLOSSARY.md). */
export const Bilingual = z.object({
  zh: z.string().min(1),
  en: z.string().min(1),
});
export type Bilingual = z.infer<typeof Bilingual>;

export function bi(zh: string, en: string): Bilingual {
  return { zh, en };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * Text as people type it. NUL and other control characters (tab and line breaks aside) and
 * unpaired UTF-16 surrogates are refused: PostgreSQL cannot store the first, and the second are
 * not text at all. Every string the API takes goes through this.
 */
export function isCleanText(s: string): boolean {
  return !LONE_SURROGATE.test(s) && !CONTROL.test(s);
}

export const CleanText = z.string().refine(isCleanText, { message: 'clean-text' });
