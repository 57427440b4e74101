import { z } from 'zod';

/**
 * The source documents, by the number the platform gives each: 000 Zibo, 001 Gansu and Lanzhou,
 * 002 Tongchuan, 003 Fujian, 004 Anhui. A policy declares each with its title and 文号 (`sources`),
 * and what people read is that title, never this number. A citation names the document and its own
 * clause numbering, e.g. { file: '003', clause: '附件2 一(四)' }.
 */
export const SeedFile = z.enum(['000', '001', '002', '003', '004']);
export type SeedFile = z.infer<typeof SeedFile>;

export const Citation = z.object({
  file: SeedFile,
  clause: z.string().min(1),
});
export type Citation = z.infer<typeof Citation>;
