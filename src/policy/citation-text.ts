/**
 * How a citation reads for a person: the document's title in Chinese quotation marks, then the
 * clause — 《关于做好…的通知》附件2 一(四). Never the file it is stored in. The parents' app, the
 * server's messages and the guide share this.
 */
export interface CitedSources {
  sources: { file: string; title: string; number?: string | undefined }[];
}

export function citationText(policy: CitedSources, c: { file: string; clause: string }): string {
  const source = policy.sources.find((s) => s.file === c.file);
  return source ? `《${source.title}》${c.clause}` : c.clause;
}
