import type { Scenario } from "../scenario/schema.ts";

/*
 * A collaborative staff bank: staff who work bank shifts across every trust
 * of a system, filling hours that would otherwise go to agency. The hours it
 * fills are costed at bank rates plus the bank's management fee instead of at
 * agency rates. One rule, used for a trust's own scenario (run.ts) and for the
 * whole system (collaborativeBank.ts), so the two always agree.
 */

/** A staff group's premiums of bank and agency over substantive cost: the group's own, else the scenario's (as run.ts costs them). */
export function premiumsOf(scenario: Scenario, staffGroup: string): { bank: number; agency: number } {
  const group = scenario.staffGroups.find((g) => g.name === staffGroup);
  return {
    bank: group?.bankPremium ?? scenario.options.bankPremium,
    agency: group?.agencyPremium ?? scenario.options.agencyPremium,
  };
}

/** What the collaborative bank does to one trust's agency cover in one staff group and year. */
export interface BankCover {
  /** Agency FTE the bank fills instead. */
  movedFte: number;
  /** The agency spend those FTE would have cost. */
  agencyCostAvoided: number;
  /** What they cost on the bank: bank rate plus the management fee. */
  bankCost: number;
}

/**
 * `movedFte` of agency cover filled by the bank: `agencyRate` and `bankRate`
 * are pounds a year for one FTE; `fee` is the bank's management fee as a share
 * of its pay bill (0.05 = 5%).
 */
export function bankCover(movedFte: number, agencyRate: number, bankRate: number, fee: number): BankCover {
  return { movedFte, agencyCostAvoided: movedFte * agencyRate, bankCost: movedFte * bankRate * (1 + fee) };
}
