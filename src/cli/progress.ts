/**
 * The simulator's progress on standard error, so that standard output stays the summary alone and can
 * be piped or saved. A person at a terminal sees a bar redrawn in place; a log or a pipe gets a line at
 * each tenth instead of a wall of carriage returns.
 */

/** A bar on a terminal; elsewhere (a log, a pipe) a plain line at each tenth. */
export function progressBar(stream: NodeJS.WriteStream) {
  let last = -1;
  return (settled: number, total: number) => {
    const pct = Math.floor((settled / total) * 100);
    if (pct === last) return;
    last = pct;
    if (!stream.isTTY) {
      if (pct % 10 === 0) stream.write(`progress ${pct}% ${settled}/${total} cases settled\n`);
      return;
    }
    const width = 30;
    const filled = Math.round((pct / 100) * width);
    stream.write(
      `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${pct}% ${settled}/${total} cases settled${pct === 100 ? '\n' : ''}`,
    );
  };
}
