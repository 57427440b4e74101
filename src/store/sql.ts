/** `($1,$2,$3),($4,$5,$6)` for a multi-row insert of `rows` rows of `width` columns. */
export function valuesList(rows: number, width: number, casts: string[] = []): string {
  const out: string[] = [];
  for (let r = 0; r < rows; r++) {
    const cols: string[] = [];
    for (let c = 0; c < width; c++) cols.push(`$${r * width + c + 1}${casts[c] ? `::${casts[c]}` : ''}`);
    out.push(`(${cols.join(',')})`);
  }
  return out.join(',');
}

/**
 * A JSON value bound for a jsonb parameter that the driver would not send as JSON by itself (an
 * array, which node-postgres sends as a PostgreSQL array). db.ts seals its personal fields too.
 */
export class JsonParam {
  constructor(
    readonly value: unknown,
    /** Keys of the value itself not written (parts stored apart). */
    readonly omit?: readonly string[],
  ) {}
}

export function json(value: unknown, omit?: readonly string[]): JsonParam {
  return new JsonParam(value, omit);
}
