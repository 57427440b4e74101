/**
 * 行政区划代码, GB/T 2260. A code is six digits: province (2), prefecture-level city (2) and
 * county-level unit (2). A policy names an area by a prefix: '37' is Shandong, '3703' is Zibo,
 * '511702' is Tongchuan District of Dazhou.
 */
export const PROVINCES: Record<string, string> = {
  '11': '北京市',
  '12': '天津市',
  '13': '河北省',
  '14': '山西省',
  '15': '内蒙古自治区',
  '21': '辽宁省',
  '22': '吉林省',
  '23': '黑龙江省',
  '31': '上海市',
  '32': '江苏省',
  '33': '浙江省',
  '34': '安徽省',
  '35': '福建省',
  '36': '江西省',
  '37': '山东省',
  '41': '河南省',
  '42': '湖北省',
  '43': '湖南省',
  '44': '广东省',
  '45': '广西壮族自治区',
  '46': '海南省',
  '50': '重庆市',
  '51': '四川省',
  '52': '贵州省',
  '53': '云南省',
  '54': '西藏自治区',
  '61': '陕西省',
  '62': '甘肃省',
  '63': '青海省',
  '64': '宁夏回族自治区',
  '65': '新疆维吾尔自治区',
  '71': '台湾省',
  '81': '香港特别行政区',
  '82': '澳门特别行政区',
};

export function isProvinceCode(code: string): boolean {
  return code in PROVINCES;
}

export function isDivisionCode(code: string): boolean {
  return /^\d{6}$/.test(code) && isProvinceCode(code.slice(0, 2));
}

export function isWithin(code: string, prefixes: readonly string[]): boolean {
  return prefixes.some((p) => code.startsWith(p));
}

/**
 * "同一设区市市辖区或者同一县（市）" (003 附件2 一(四)): two codes lie in one such area when they
 * are the same county-level unit, or both are districts (市辖区) of the same city. In GB/T 2260 the
 * last two digits 01–20 number a city's districts; 21–80 are counties and 81–99 county-level cities.
 */
export function sameCountyLevelArea(a: string, b: string): boolean {
  if (a === b) return true;
  const isDistrict = (c: string) => Number(c.slice(4, 6)) >= 1 && Number(c.slice(4, 6)) <= 20;
  return a.slice(0, 4) === b.slice(0, 4) && isDistrict(a) && isDistrict(b);
}
