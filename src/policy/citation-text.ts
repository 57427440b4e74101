/**
 * How a citation reads for a person: the document's title in Chinese quotation marks, its number (文号)
 * where the policy declares one, then the clause —
 * 《安徽省高效办成新生儿出生“一件事”实施方案》（皖卫妇幼秘〔2024〕51号）二(三). Never the file it is
 * stored in. The parents' app, the server's messages and the guide share this.
 */
export interface CitedSources {
  sources: { file: string; title: string; number?: string | undefined }[];
}

export function citationText(policy: CitedSources, c: { file: string; clause: string }): string {
  const source = policy.sources.find((s) => s.file === c.file);
  return source ? `${sourceText(source)}${c.clause}` : c.clause;
}

/**
 * A source document by its title and number: 《…》（…号）. A source that bundles several documents
 * under one title (“方案；办事指南”) shows each in its own quotation marks.
 */
export function sourceText(source: { title: string; number?: string | undefined }): string {
  const titles = source.title
    .split('；')
    .map((t) => t.trim())
    .filter((t) => t !== '')
    .map((t) => `《${t}》`)
    .join('');
  return source.number ? `${titles}（${source.number}）` : titles;
}
