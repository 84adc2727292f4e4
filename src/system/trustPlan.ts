import { runScenario } from "../scenario/run.ts";
import type { ScenarioInput } from "../scenario/schema.ts";
import { nameKey } from "../scenario/store.ts";
import type { TrustPlan } from "./consolidate.ts";

/** A trust's saved scenarios, as read from its workbook. */
export interface TrustScenarios {
  trust: string;
  file: string;
  scenarios: readonly { name: string; input: ScenarioInput }[];
}

/**
 * Runs the scenario `name` (case and spaces aside, as Excel compares names)
 * of a trust's workbook, as the trust ran it; without a name, the trust's
 * only scenario. Fails saying which scenarios the workbook has.
 */
export function trustPlan(workbook: TrustScenarios, name?: string): TrustPlan {
  const names = workbook.scenarios.map((s) => `"${s.name}"`).join(", ");
  let chosen;
  if (name === undefined) {
    if (workbook.scenarios.length !== 1)
      throw new Error(`${workbook.file}: it has ${workbook.scenarios.length} scenarios (${names}): choose one`);
    chosen = workbook.scenarios[0]!;
  } else {
    chosen = workbook.scenarios.find((s) => nameKey(s.name) === nameKey(name));
    if (!chosen) throw new Error(`${workbook.file}: it has no scenario "${name}"; it has ${names}`);
  }
  try {
    return { trust: workbook.trust, scenario: chosen.name, file: workbook.file, result: runScenario(chosen.input) };
  } catch (error) {
    throw new Error(`${workbook.file}: its scenario "${chosen.name}" cannot be run: ${(error as Error).message}`);
  }
}

/** Trust names made unique, in order: a second "Northfield" becomes "Northfield (2)". */
export function uniqueTrustNames(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const count = (seen.get(nameKey(name)) ?? 0) + 1;
    seen.set(nameKey(name), count);
    return count === 1 ? name : `${name} (${count})`;
  });
}
