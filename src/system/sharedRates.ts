import { groupRows } from "./rowsBy.ts";
import { premiumsOf } from "./bankCover.ts";
import type { Consolidation } from "./consolidate.ts";

/*
 * Shared pay rates: where trusts pay different bank or agency premiums for the
 * same staff group, the spread, and what the system would save if every trust
 * above the median paid the median (a system rate card at the median, as
 * collaborative banks agree; trusts below it keep their own). A premium is
 * what a bank or agency FTE costs over the trust's own substantive cost of the
 * same post, so a London trust's high cost area pay is not counted as a
 * dearer rate. The saving on a trust's spend C at premium p is C x (p - m) /
 * (1 + p): the spend at the median premium m is C x (1 + m) / (1 + p).
 */

export type TemporaryKind = "bank" | "agency";

export interface RateSpread {
  staffGroup: string;
  kind: TemporaryKind;
  /** Each trust that uses bank (or agency) staff of this group in its plan, with its premium and spend over the plan. */
  trusts: { trust: string; premium: number; spend: number; saving: number }[];
  lowest: number;
  median: number;
  highest: number;
  /** What the system saves over the plan at the median premium. */
  saving: number;
}

/** Excel's MEDIAN: the middle value, or the mean of the two middle values. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The spread of premiums for each staff group two or more trusts use bank (or agency) staff of, and the saving at the median. */
export function rateSpreads(system: Consolidation): RateSpread[] {
  const spreads: RateSpread[] = [];
  const byGroup = system.trusts.map((plan) => groupRows(plan.result.rows, (r) => r.staffGroup));
  for (const kind of ["bank", "agency"] as const) {
    for (const staffGroup of system.staffGroups) {
      const trusts = system.trusts.flatMap((plan, i) => {
        // The trust's own bank (a collaborative bank's rate is the system's, not the trust's).
        const spend = (byGroup[i]!.get(staffGroup) ?? []).reduce((sum, r) => sum + (kind === "bank" ? r.bankCost : r.agencyCost), 0);
        return spend > 0 ? [{ trust: plan.trust, premium: premiumsOf(plan.result.scenario, staffGroup)[kind], spend, saving: 0 }] : [];
      });
      if (trusts.length < 2) continue;
      const premiums = trusts.map((t) => t.premium);
      const m = median(premiums);
      for (const t of trusts) t.saving = t.premium > m ? (t.spend * (t.premium - m)) / (1 + t.premium) : 0;
      spreads.push({
        staffGroup,
        kind,
        trusts,
        lowest: Math.min(...premiums),
        median: m,
        highest: Math.max(...premiums),
        saving: trusts.reduce((sum, t) => sum + t.saving, 0),
      });
    }
  }
  return spreads;
}
