import { z } from 'zod';

/**
 * The seed documents in ../shared/seeds, by their number. A citation names the file and the
 * document's own clause numbering, e.g. { file: '003', clause: '附件2 一(四)' }.
 */
export const SEED_FILES = {
  '000': '000_4ac312baf253ed79.txt',
  '001': '001_0dea49b5faca138f.txt',
  '002': '002_719eabaa8d681520.txt',
  '003': '003_c19c88064347c09f.txt',
  '004': '004_fea9fcc851379a08.txt',
} as const;

export const SeedFile = z.enum(
  Object.keys(SEED_FILES) as [keyof typeof SEED_FILES, ...(keyof typeof SEED_FILES)[]],
);
export type SeedFile = z.infer<typeof SeedFile>;

export const Citation = z.object({
  file: SeedFile,
  clause: z.string().min(1),
});
export type Citation = z.infer<typeof Citation>;

export function formatCitation(c: Citation): string {
  return `${c.file} ${c.clause}`;
}
