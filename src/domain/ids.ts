import { z } from 'zod';

/** The names every part of the code uses (GLOSSARY.md). */
export const RegionId = z.enum(['zibo', 'gansu-lanzhou', 'sichuan-tongchuan', 'fujian', 'anhui']);
export type RegionId = z.infer<typeof RegionId>;

export const ItemId = z.enum([
  'birth-certificate',
  'vaccination-certificate',
  'hukou-registration',
  'insurance-enrollment',
  'insurance-payment',
  'social-security-card',
  'maternity-benefit',
  'parenting-guidance',
]);
export type ItemId = z.infer<typeof ItemId>;

/** 全流程 / 已有出生医学证明的半流程 / 已有户口簿的半流程 (003 附件1 三). */
export const Scenario = z.enum(['full', 'has-birth-certificate', 'has-hukou-book']);
export type Scenario = z.infer<typeof Scenario>;

export const DepartmentId = z.enum([
  'midwifery-institution', // 助产机构 (hospital), on behalf of the health commission
  'health-commission', // 卫健
  'cdc', // 疾控
  'police', // 派出所 / 公安
  'medical-security', // 医保
  'tax', // 税务
  'hrss', // 人社, with a partner bank
  'cross-province-platform', // 跨省通办: another province's platform, e.g. through the Yangtze River Delta's
]);
export type DepartmentId = z.infer<typeof DepartmentId>;

export const ParentRole = z.enum(['mother', 'father']);
export type ParentRole = z.infer<typeof ParentRole>;
