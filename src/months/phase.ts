import type { FinancialYear } from "../reference/index.ts";
import { monthName, type MonthName } from "./calendar.ts";
import { cumulative, EVEN, type Profile } from "./profile.ts";

/*
 * One staff group's plan year month by month, April to March, from the
 * year's own figures. The substantive stock moves month by month by the
 * year's flows, each phased by its profile, so March closes on the year's
 * closing WTE and the months' flows add up to the year's. Bank and agency
 * cover each month's own gap, with agency given up and the collaborative
 * bank ramping from last year's level to this year's by March. The year
 * costs each group's year-end workforce for the whole year (wfplan's annual
 * plan); the months share each of its costs out by their own WTE at the pay
 * in force that month, so they add up to the year's to the penny and a
 * month with more staff costs more.
 */

/** One staff group in one month of a plan year. FTE are month-end positions; money is pounds in the month. */
export interface MonthRow {
  year: FinancialYear;
  yearIndex: number;
  /** 1 (April) to 12 (March). */
  month: number;
  monthName: MonthName;
  staffGroup: string;
  openingFte: number;
  startersFte: number;
  internationalFte: number;
  conversionsFte: number;
  /** Posts of new roles filled, and vacancies filled (drivers.vacancyFill). */
  newRoleFte: number;
  vacancyFilledFte: number;
  leaversFte: number;
  retirementsFte: number;
  closingFte: number;
  bankFte: number;
  agencyFte: number;
  collaborativeBankFte: number;
  /** Substantive, bank, agency and collaborative bank at the month's end. */
  totalFte: number;
  requiredFte: number;
  /** requiredFte - closingFte: positive is a shortfall, as the year's gap. */
  gapFte: number;
  unmetFte: number;
  establishmentFte: number;
  vacancyFte: number;
  substantiveCost: number;
  bankCost: number;
  agencyCost: number;
  collaborativeBankCost: number;
  totalCost: number;
  budget: number;
}

/** The year's figures for a staff group that its months are phased from. */
export interface GroupYear {
  year: FinancialYear;
  yearIndex: number;
  staffGroup: string;
  openingFte: number;
  closingFte: number;
  establishmentOpening: number;
  establishmentClosing: number;
  flows: {
    starters: number;
    international: number;
    conversions: number;
    newRoles: number;
    vacancyFilled: number;
    leavers: number;
    retirements: number;
  };
  /** FTE the activity needs in each month. */
  requiredByMonth: readonly number[];
  bankCapacity: number;
  agencyCapacity: number;
  /** The share of agency capacity kept at the end of last year and of this one. */
  agencyKept: readonly [before: number, now: number];
  /** The collaborative bank's share of agency cover at the end of last year and of this one, and its cap for the group. */
  bankShare: readonly [before: number, now: number];
  bankCap: number;
  /** The pay in force each month relative to one another (the award from its month). */
  payByMonth: readonly number[];
  costs: { substantive: number; bank: number; agency: number; collaborativeBank: number; budget: number };
}

/** When each flow falls: absent is even. */
export interface Phasing {
  starters?: Profile;
  international?: Profile;
  conversions?: Profile;
  leavers?: Profile;
  /** How agency given up and the collaborative bank ramp: shares of the year's change made each month. */
  agency?: Profile;
  bank?: Profile;
}

/** The twelve months of one staff group's plan year. */
export function phaseYear(facts: GroupYear, phasing: Phasing): MonthRow[] {
  const { flows } = facts;
  const at = (profile: Profile | undefined, m: number) => (profile ?? EVEN)[m]!;
  const outflow = flows.leavers + flows.retirements;
  const leaverShare = outflow > 0 ? flows.leavers / outflow : 0;
  const agencyRamp = cumulative(phasing.agency);
  const bankRamp = cumulative(phasing.bank);

  const months: MonthRow[] = [];
  let stock = facts.openingFte;
  let owed = 0;
  for (let m = 0; m < 12; m++) {
    const starters = flows.starters * at(phasing.starters, m);
    const international = flows.international * at(phasing.international, m);
    const conversions = flows.conversions * at(phasing.conversions, m);
    const newRoles = flows.newRoles / 12;
    const filled = flows.vacancyFilled / 12;
    const arriving = starters + international + conversions + newRoles + filled;
    // Who leaves this month, with any the stock could not give up last month (a cohort due later in the year).
    let leaving = outflow * at(phasing.leavers, m) + owed;
    owed = Math.max(0, leaving - (stock + arriving));
    leaving -= owed;
    const opening = stock;
    stock = m === 11 ? facts.closingFte : Math.max(0, opening + arriving - leaving);

    const establishment = facts.establishmentOpening + (facts.establishmentClosing - facts.establishmentOpening) * ((m + 1) / 12);
    const required = facts.requiredByMonth[m]!;
    const shortfall = Math.max(0, required - stock);
    const bankFte = Math.min(shortfall, facts.bankCapacity);
    const kept = facts.agencyKept[0] + (facts.agencyKept[1] - facts.agencyKept[0]) * agencyRamp[m]!;
    const agencyCover = Math.min(shortfall - bankFte, facts.agencyCapacity * kept);
    const share = facts.bankShare[0] + (facts.bankShare[1] - facts.bankShare[0]) * bankRamp[m]!;
    // The collaborative bank fills its share of the agency cover, up to what it can supply of the group (as bankCover in the year).
    const moved = Math.min(agencyCover * share, facts.bankCap);
    months.push({
      year: facts.year,
      yearIndex: facts.yearIndex,
      month: m + 1,
      monthName: monthName(m + 1),
      staffGroup: facts.staffGroup,
      openingFte: opening,
      startersFte: starters,
      internationalFte: international,
      conversionsFte: conversions,
      newRoleFte: newRoles,
      vacancyFilledFte: filled,
      leaversFte: leaving * leaverShare,
      retirementsFte: leaving * (1 - leaverShare),
      closingFte: stock,
      bankFte,
      agencyFte: agencyCover - moved,
      collaborativeBankFte: moved,
      totalFte: stock + bankFte + agencyCover,
      requiredFte: required,
      gapFte: required - stock,
      unmetFte: shortfall - bankFte - agencyCover,
      establishmentFte: establishment,
      vacancyFte: Math.max(0, establishment - stock),
      substantiveCost: 0,
      bankCost: 0,
      agencyCost: 0,
      collaborativeBankCost: 0,
      totalCost: 0,
      budget: 0,
    });
  }
  // The March flows make up any rounding, so the months' flows are the year's and March closes on the year.
  const last = months[11]!;
  last.leaversFte += flows.leavers - sum(months, "leaversFte");
  last.retirementsFte += flows.retirements - sum(months, "retirementsFte");

  const pay = facts.payByMonth;
  shareOut(months, facts.costs.substantive, "substantiveCost", (r, m) => r.closingFte * pay[m]!, pay);
  shareOut(months, facts.costs.bank, "bankCost", (r, m) => r.bankFte * pay[m]!, pay);
  shareOut(months, facts.costs.agency, "agencyCost", (r, m) => r.agencyFte * pay[m]!, pay);
  shareOut(months, facts.costs.collaborativeBank, "collaborativeBankCost", (r, m) => r.collaborativeBankFte * pay[m]!, pay);
  shareOut(months, facts.costs.budget, "budget", (_, m) => pay[m]!, pay);
  for (const row of months) row.totalCost = row.substantiveCost + row.bankCost + row.agencyCost + row.collaborativeBankCost;
  return months;
}

type Money = "substantiveCost" | "bankCost" | "agencyCost" | "collaborativeBankCost" | "budget";

/**
 * Shares a year's cost out across its months by weight; where no month has
 * any (the year's cost is its year-end position's, the months had none of
 * it), by the pay in force alone.
 */
function shareOut(months: MonthRow[], total: number, field: Money, weight: (row: MonthRow, m: number) => number, pay: readonly number[]) {
  let weights = months.map(weight);
  let sumOf = weights.reduce((a, b) => a + b, 0);
  if (!(sumOf > 0)) {
    weights = [...pay];
    sumOf = weights.reduce((a, b) => a + b, 0);
  }
  months.forEach((row, m) => (row[field] = (total * weights[m]!) / sumOf));
}

function sum(rows: readonly MonthRow[], field: "leaversFte" | "retirementsFte"): number {
  return rows.reduce((total, row) => total + row[field], 0);
}
