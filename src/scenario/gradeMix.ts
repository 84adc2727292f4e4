import { fail } from "../errors.ts";
import { parsePostGrade } from "../reference/index.ts";
import type { Post } from "./postCosts.ts";
import type { Scenario } from "./schema.ts";

/*
 * A staff group's grade mix in each plan year: the baseline's shares, moving
 * in equal steps to a skill-mix target or to the mix an upskilling shift
 * makes. Grades the target brings in are added to the posts to be costed.
 */

/** Grade shares of a staff group's baseline: by FTE in post, or by establishment when no one is in post. */
function baselineMix(grades: Scenario["staffGroups"][number]["grades"]): Map<string, number> {
  const inPost = grades.reduce((sum, g) => sum + g.inPostFte, 0);
  const establishment = grades.reduce((sum, g) => sum + g.establishmentFte, 0);
  const weightOf = (g: (typeof grades)[number]) =>
    inPost > 0 ? g.inPostFte / inPost : establishment > 0 ? g.establishmentFte / establishment : 1 / grades.length;
  const mix = new Map<string, number>();
  for (const line of grades) mix.set(line.key, (mix.get(line.key) ?? 0) + weightOf(line));
  return mix;
}

/**
 * A skill-mix target from an upskilling shift: the baseline mix with `share`
 * of the from-grade's posts moved to the to-grade (70:30 to 60:40 moves a
 * seventh of the registered posts). Undefined when the group has no shift.
 */
function shiftTarget(
  scenario: Scenario,
  groupName: string,
  baseline: Map<string, number>,
  posts: Map<string, Post>,
): { shares: Record<string, number>; byYear: number } | undefined {
  const shifts = scenario.drivers.skillShift.filter((s) => s.staffGroup === groupName);
  if (!shifts.length) return undefined;
  const shares = new Map(baseline);
  for (const shift of shifts) {
    const from = parsePostGrade(shift.from, "upskilling from grade");
    const to = parsePostGrade(shift.to, "upskilling to grade");
    const fromKey = from.trainingGrade ?? from.grade;
    const toKey = to.trainingGrade ?? to.grade;
    if (!shares.has(fromKey))
      fail(
        "value",
        `upskilling in ${groupName} moves posts from ${shift.from}, which the group has none of (it has ${[...baseline.keys()].join(", ")})`,
        "drivers.skillShift",
      );
    posts.set(toKey, { grade: to.grade, nodalPoint: to.nodalPoint });
    const moved = shift.share * shares.get(fromKey)!;
    shares.set(fromKey, shares.get(fromKey)! - moved);
    shares.set(toKey, (shares.get(toKey) ?? 0) + moved);
  }
  // Grades by their own names, as a skill-mix target gives them.
  const named: Record<string, number> = {};
  for (const [key, share] of shares) named[key] = share;
  return { shares: named, byYear: Math.max(...shifts.map((s) => s.byYear)) };
}

/** Grade shares in each year, moving in equal steps from the baseline mix to any target, reached in `byYear`. */
export function gradeMixByYear(scenario: Scenario, groupIndex: number, posts: Map<string, Post>): Map<string, number>[] {
  const group = scenario.staffGroups[groupIndex]!;
  const baseline = baselineMix(group.grades);
  const target =
    scenario.drivers.skillMix.find((mix) => mix.staffGroup === group.name) ?? shiftTarget(scenario, group.name, baseline, posts);
  if (!target) return Array.from({ length: scenario.horizonYears }, () => baseline);
  const targetShares = new Map<string, number>();
  for (const [text, share] of Object.entries(target.shares)) {
    const post = parsePostGrade(text, "skill mix grade");
    const key = post.trainingGrade ?? post.grade;
    posts.set(key, { grade: post.grade, nodalPoint: post.nodalPoint });
    targetShares.set(key, share);
  }
  const total = [...targetShares.values()].reduce((a, b) => a + b, 0);
  if (Math.abs(total - 1) > 1e-6) fail("value", `skill mix target for ${group.name} adds up to ${total}, not 1`, "drivers.skillMix");
  return Array.from({ length: scenario.horizonYears }, (_, i) => {
    const progress = Math.min(1, i / Math.max(1, target.byYear - 1));
    const mix = new Map<string, number>();
    for (const grade of new Set([...baseline.keys(), ...targetShares.keys()])) {
      const from = baseline.get(grade) ?? 0;
      mix.set(grade, from + ((targetShares.get(grade) ?? 0) - from) * progress);
    }
    return mix;
  });
}
