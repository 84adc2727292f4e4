/** A name not yet used: "WFP results", then "WFP results (2)"; case is ignored, as Excel does. */
export function freeName(wanted: string, taken: readonly string[], join = (base: string, n: number) => `${base} (${n})`): string {
  const lower = new Set(taken.map((name) => name.toLowerCase()));
  if (!lower.has(wanted.toLowerCase())) return wanted;
  for (let n = 2; ; n++) if (!lower.has(join(wanted, n).toLowerCase())) return join(wanted, n);
}
