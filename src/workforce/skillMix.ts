import { fail, requireNonNegative } from "../errors.ts";
import type { Grade } from "../reference/index.ts";
import { postCost, type PostCostOptions } from "./cost.ts";

/** FTE share of each group (staff group or band), in order of first appearance. */
export function fteShareByGroup(ftes: readonly number[], groups: readonly string[]): Map<string, number> {
  if (ftes.length !== groups.length) {
    fail("value", `fte has ${ftes.length} values but groups has ${groups.length}: give one group for each FTE`, "groups");
  }
  const totals = new Map<string, number>();
  let all = 0;
  ftes.forEach((fte, i) => {
    requireNonNegative(fte, `fte item ${i + 1}`);
    const group = groups[i]!;
    totals.set(group, (totals.get(group) ?? 0) + fte);
    all += fte;
  });
  if (all === 0) fail("div0", "total FTE is zero, so no group has a share", "fte");
  for (const [group, fte] of totals) totals.set(group, fte / all);
  return totals;
}

/** Share of all FTE in `group` (0 when the group does not appear). Groups match ignoring case. */
export function fteShare(ftes: readonly number[], groups: readonly string[], group: string): number {
  const key = group.trim().toLowerCase();
  const shares = fteShareByGroup(
    ftes,
    groups.map((g) => g.trim().toLowerCase()),
  );
  return shares.get(key) ?? 0;
}

/** Registered share of registered + unregistered FTE: 70 and 30 FTE give 0.7 (a 70:30 mix). */
export function registeredShare(registeredFte: number, unregisteredFte: number): number {
  requireNonNegative(registeredFte, "registered FTE");
  requireNonNegative(unregisteredFte, "unregistered FTE");
  const total = registeredFte + unregisteredFte;
  if (total === 0) fail("div0", "registered and unregistered FTE are both zero", "fte");
  return registeredFte / total;
}

export interface MixLine {
  grade: Grade;
  fte: number;
  /** A resident doctor's nodal point, where the line names a training grade (FY1 is 1). */
  nodalPoint?: number;
}

/**
 * Weighted average fully loaded cost per WTE of a skill mix: each grade costed
 * as whole-time posts (so NI thresholds apply per person), weighted by its FTE.
 * Comparing two mixes shows what moving from 70:30 to 60:40 saves per WTE.
 */
export function mixCostPerWte(mix: readonly MixLine[], options: PostCostOptions = {}): number {
  let fte = 0;
  let cost = 0;
  for (const line of mix) {
    requireNonNegative(line.fte, "ftes");
    if (line.fte === 0) continue;
    fte += line.fte;
    const point = line.nodalPoint ?? options.point;
    cost += postCost(line.grade, 1, { ...options, point }).total * line.fte;
  }
  if (fte === 0) fail("div0", "the mix has no FTE", "ftes");
  return cost / fte;
}
