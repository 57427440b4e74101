import { session } from '../../../citizen/src/api.ts';

/** A file from the API (the login is a header, so a plain link cannot carry it), saved or opened. */
export async function download(path: string, filename: string, open = false): Promise<void> {
  const res = await fetch(path, { headers: { authorization: `Bearer ${session.token ?? ''}` } });
  if (!res.ok) throw new Error(`${res.status}`);
  const url = URL.createObjectURL(await res.blob());
  if (open) window.open(url, '_blank');
  else {
    const a = document.createElement('a');
    a.href = url;
    a.download = filename;
    a.click();
  }
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
