import { fail } from "../errors.ts";
import { bankCover, premiumsOf } from "./bankCover.ts";
import { SYSTEM, type Consolidation } from "./consolidate.ts";
import { groupRows, rowKey } from "./rowsBy.ts";

/*
 * A collaborative staff bank across the system: in every trust, `share` of
 * the agency cover its plan still buys is filled by the system's bank
 * instead, at the trust's bank rate plus the bank's management fee. Where a
 * staff group's cap on bank FTE is lower than the trusts ask of it, each
 * trust gets the same share of what it asked (the cap shared pro rata). The
 * trusts' plans are the "before": a trust that already counts on a
 * collaborative bank in its own scenario has less agency cover left to move.
 */

export interface SystemBankSettings {
  /** Share of agency cover the bank fills, 0 to 1. */
  share: number;
  /** Management fee as a share of the bank's pay bill (0.05 = 5%). */
  fee: number;
  /** The most bank FTE the system's bank can supply of a staff group, by group name; no cap where not given. */
  capFte: Record<string, number>;
}

export interface BankRow {
  trust: string;
  staffGroup: string;
  year: string;
  agencyFteBefore: number;
  /** Agency FTE the bank fills. */
  bankFte: number;
  agencyCostBefore: number;
  agencyCostAfter: number;
  /** What the bank's FTE cost, fee included. */
  bankCost: number;
  /** agencyCostBefore - agencyCostAfter - bankCost. */
  saving: number;
}

export interface BankNeed {
  staffGroup: string;
  year: string;
  /** Bank FTE the system's bank supplies of the group. */
  bankFte: number;
  /** What the trusts asked of it before any cap. */
  askedFte: number;
  capFte?: number;
}

export interface SystemBank {
  settings: SystemBankSettings;
  rows: BankRow[];
  /** Over the plan, per trust and then the system (trust SYSTEM). */
  totals: { trust: string; agencyCostBefore: number; agencyCostAfter: number; bankCost: number; saving: number }[];
  needs: BankNeed[];
}

function checked(settings: SystemBankSettings): SystemBankSettings {
  const problems: string[] = [];
  if (!(settings.share >= 0 && settings.share <= 1))
    problems.push(`the share of agency cover is ${settings.share}: give 0 to 1 (0.3 is 30%)`);
  if (!(settings.fee >= 0 && settings.fee <= 1)) problems.push(`the management fee is ${settings.fee}: give 0 to 1 (0.05 is 5%)`);
  for (const [group, cap] of Object.entries(settings.capFte))
    if (!(cap >= 0 && Number.isFinite(cap))) problems.push(`the cap for ${group} is ${cap}: give FTE of 0 or more`);
  if (problems.length) fail("value", `the collaborative bank: ${problems.join("; ")}`, "collaborativeBank");
  return settings;
}

export function systemBank(system: Consolidation, settings: SystemBankSettings): SystemBank {
  const { share, fee, capFte } = checked(settings);
  const asked = new Map<string, number>();
  const key = (staffGroup: string, year: string) => `${staffGroup}\u0000${year}`;
  const trustLines = system.trusts.flatMap((plan) =>
    plan.result.rows.map((row) => {
      const k = key(row.staffGroup, row.year);
      asked.set(k, (asked.get(k) ?? 0) + share * row.agencyFte);
      return { plan, row };
    }),
  );
  const scaleOf = (staffGroup: string, year: string) => {
    const want = asked.get(key(staffGroup, year)) ?? 0;
    const cap = capFte[staffGroup];
    return cap !== undefined && want > cap ? cap / want : 1;
  };
  const rows: BankRow[] = trustLines.map(({ plan, row }) => {
    const moved = share * row.agencyFte * scaleOf(row.staffGroup, row.year);
    // One FTE at agency is the spend over the FTE; at bank, the same post at the bank premium instead of the agency one.
    const agencyRate = row.agencyFte > 0 ? row.agencyCost / row.agencyFte : 0;
    const { bank, agency } = premiumsOf(plan.result.scenario, row.staffGroup);
    const cover = bankCover(moved, agencyRate, (agencyRate * (1 + bank)) / (1 + agency), fee);
    const agencyCostAfter = row.agencyCost - cover.agencyCostAvoided;
    return {
      trust: plan.trust,
      staffGroup: row.staffGroup,
      year: row.year,
      agencyFteBefore: row.agencyFte,
      bankFte: moved,
      agencyCostBefore: row.agencyCost,
      agencyCostAfter,
      bankCost: cover.bankCost,
      saving: cover.agencyCostAvoided - cover.bankCost,
    };
  });
  const total = (trust: string, of: readonly BankRow[]) => ({
    trust,
    agencyCostBefore: of.reduce((s, r) => s + r.agencyCostBefore, 0),
    agencyCostAfter: of.reduce((s, r) => s + r.agencyCostAfter, 0),
    bankCost: of.reduce((s, r) => s + r.bankCost, 0),
    saving: of.reduce((s, r) => s + r.saving, 0),
  });
  const byTrust = groupRows(rows, (r) => r.trust);
  const totals = [...system.trusts.map((p) => total(p.trust, byTrust.get(p.trust) ?? [])), total(SYSTEM, rows)];
  const byGroupAndYear = groupRows(rows, (r) => rowKey(r.staffGroup, r.year));
  const needs: BankNeed[] = [];
  for (const staffGroup of system.staffGroups)
    for (const year of system.years) {
      const of = byGroupAndYear.get(rowKey(staffGroup, year));
      if (!of) continue;
      needs.push({
        staffGroup,
        year,
        bankFte: of.reduce((s, r) => s + r.bankFte, 0),
        askedFte: asked.get(key(staffGroup, year)) ?? 0,
        ...(capFte[staffGroup] !== undefined ? { capFte: capFte[staffGroup] } : {}),
      });
    }
  return { settings: { share, fee, capFte }, rows, totals, needs };
}
