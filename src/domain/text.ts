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
