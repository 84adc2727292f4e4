import type { Scenario } from "../scenario/schema.ts";
import type { Consolidation } from "./consolidate.ts";
import { groupRows, rowKey } from "./rowsBy.ts";

/*
 * What a board must know before reading a system total: where two or more
 * trusts are short of the same staff group in the same year (they will be
 * recruiting the same people), and where the trusts' plans rest on
 * assumptions that make their sum misleading (different pay-table years,
 * pension bases or headroom), each saying which trusts and which assumption.
 */

/** A staff group two or more trusts are short of in the same year. */
export interface CompetingShortage {
  staffGroup: string;
  year: string;
  /** Each trust short of the group that year, with its gap in FTE. */
  trusts: { trust: string; gapFte: number }[];
}

export function competingShortages(system: Consolidation): CompetingShortage[] {
  const found: CompetingShortage[] = [];
  const byGroupAndYear = groupRows(system.trustRows, (r) => rowKey(r.staffGroup, r.year));
  for (const staffGroup of system.staffGroups) {
    for (const year of system.years) {
      const short = (byGroupAndYear.get(rowKey(staffGroup, year)) ?? [])
        .filter((r) => r.gapFte > 1e-9)
        .map((r) => ({ trust: r.trust, gapFte: r.gapFte }));
      if (short.length >= 2) found.push({ staffGroup, year, trusts: short });
    }
  }
  return found;
}

/** An assumption the trusts' plans differ on: each value with the trusts that use it. */
export interface DifferingAssumption {
  assumption: string;
  /** Why it matters for the sum. */
  why: string;
  values: { value: string; trusts: string[] }[];
}

const percent = (x: number) => `${Number((x * 100).toFixed(2))}%`;

/** The assumptions compared across trusts: what each is called, how a scenario's value is said, and why a difference matters. */
const COMPARED: [assumption: string, say: (s: Scenario, years: string[]) => string, why: string][] = [
  [
    "pay-table year",
    (s) => (s.payTable ? `${s.startYear}, from the trust's own pay table "${s.payTable.name}"` : `${s.startYear}`),
    "pay costs rest on different years' pay tables, so the sum mixes pay rates",
  ],
  [
    "on-cost basis",
    (s) => (s.options.pensionBasis === "local" ? "pension as paid locally" : "employer pension in full"),
    "pay costs include different pension on-costs",
  ],
  ["headroom", (s) => percent(s.options.headroom), "the FTE required allow differently for leave, so gaps are not like for like"],
  [
    "years planned",
    (_s, years) => (years.length ? `${years[0]} to ${years.at(-1)}` : "none"),
    "a year some trusts do not plan is summed over the others only",
  ],
];

export function differingAssumptions(system: Consolidation): DifferingAssumption[] {
  const found: DifferingAssumption[] = [];
  for (const [assumption, say, why] of COMPARED) {
    const byValue = new Map<string, string[]>();
    for (const plan of system.trusts) {
      const value = say(plan.result.scenario, plan.result.years);
      byValue.set(value, [...(byValue.get(value) ?? []), plan.trust]);
    }
    if (byValue.size > 1) found.push({ assumption, why, values: [...byValue].map(([value, trusts]) => ({ value, trusts })) });
  }
  return found;
}

/** A flag as a board reads it: "Pay-table year differs: 2025/26 (Northfield, Eastvale); 2024/25 (Southport). Pay costs rest on ...". */
export function assumptionText(flag: DifferingAssumption): string {
  const values = flag.values.map((v) => `${v.value} (${v.trusts.join(", ")})`).join("; ");
  return `${flag.assumption[0]!.toUpperCase()}${flag.assumption.slice(1)} differs: ${values}. ${flag.why[0]!.toUpperCase()}${flag.why.slice(1)}.`;
}

/** A competing shortage in words: "Registered nursing, 2026/27: Northfield short 12.3 FTE, Eastvale 4.0 FTE". */
export function shortageText(flag: CompetingShortage): string {
  return `${flag.staffGroup}, ${flag.year}: ${flag.trusts.map((t) => `${t.trust} ${t.gapFte.toFixed(1)} FTE short`).join(", ")}`;
}

/** Competing shortages a line a staff group, as a board reads them: "Registered nursing: Northfield and Vale short at once in 2025/26 to 2029/30 (5 years)". */
export function shortagesByGroup(flags: readonly CompetingShortage[]): string[] {
  const groups = [...new Set(flags.map((f) => f.staffGroup))];
  return groups.map((group) => {
    const of = flags.filter((f) => f.staffGroup === group);
    const trusts = [...new Set(of.flatMap((f) => f.trusts.map((t) => t.trust)))];
    const years = of.map((f) => f.year);
    const when = years.length === 1 ? years[0] : `${years[0]} to ${years.at(-1)} (${years.length} years)`;
    const most = of.reduce(
      (max, f) =>
        Math.max(
          max,
          f.trusts.reduce((s, t) => s + t.gapFte, 0),
        ),
      0,
    );
    return `${group}: ${trusts.join(", ")} short at once in ${when}, up to ${most.toFixed(1)} FTE between them`;
  });
}
