/*
 * The known name a planner most likely meant, for messages about names that
 * match nothing ("Nurses" for "Registered nursing and midwifery"): names that
 * share a word stem come first, then the closest by edit distance. Nothing is
 * suggested when nothing is close: a wrong guess is worse than none.
 */

const stems = (name: string) =>
  new Set(
    name
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((word) => word.length >= 3)
      .map((word) => word.slice(0, 4)),
  );

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

export function nearestName(value: string, known: readonly string[]): string | undefined {
  const wanted = stems(value);
  let best: { name: string; score: number } | undefined;
  for (const name of known) {
    const shared = [...stems(name)].filter((stem) => wanted.has(stem)).length;
    const a = value.trim().toLowerCase();
    const b = name.toLowerCase();
    const distance = editDistance(a, b) / Math.max(a.length, b.length, 1);
    if (shared === 0 && distance > 0.4) continue;
    const score = shared * 10 - distance;
    if (!best || score > best.score) best = { name, score };
  }
  return best?.name;
}

/** " (did you mean "X"?)" when a known name is near, else "". */
export function didYouMean(value: string, known: readonly string[]): string {
  const near = nearestName(value, known);
  return near ? `; did you mean "${near}"?` : "";
}
