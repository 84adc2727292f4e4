import { systemBank, type SystemBank, type SystemBankSettings } from "./collaborativeBank.ts";
import { consolidate, type Consolidation, type TrustPlan } from "./consolidate.ts";
import { competingShortages, differingAssumptions, type CompetingShortage, type DifferingAssumption } from "./flags.ts";
import { rateSpreads, type RateSpread } from "./sharedRates.ts";

/** Everything the ICS summary sheet shows, worked out once for the pane and the CLI alike. */
export interface IcsSummary {
  system: Consolidation;
  shortages: CompetingShortage[];
  assumptions: DifferingAssumption[];
  spreads: RateSpread[];
  bank: SystemBank;
}

/** With no bank settings given, the collaborative bank is priced at none of the agency cover (so every "after" equals "before"). */
export function icsSummary(plans: readonly TrustPlan[], bank: SystemBankSettings = { share: 0, fee: 0, capFte: {} }): IcsSummary {
  if (!plans.length) throw new Error("No trust's plan to consolidate: add at least one workbook wfplan has run on.");
  const system = consolidate(plans);
  return {
    system,
    shortages: competingShortages(system),
    assumptions: differingAssumptions(system),
    spreads: rateSpreads(system),
    bank: systemBank(system, bank),
  };
}
