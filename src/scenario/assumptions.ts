import { onCostRatesForCosting, payScale, type FinancialYear } from "../reference/index.ts";
import { parsePostGrade } from "../reference/grades.ts";
import type { Scenario } from "./schema.ts";

/*
 * A scenario's assumptions as a board reads them: every setting and driver,
 * where its pay and on-cost figures come from, and when it was run. The
 * results sheet opens with them; the Board summary and the comparison say
 * what differs between scenarios by the same settings.
 */

const percent = (x: number) => `${Number((x * 100).toFixed(2))}%`;

/** A driver as a planner reads it: a percentage, a list of them year by year, or the expression as written. */
function driverText(value: unknown): string {
  if (typeof value === "number") return percent(value);
  if (Array.isArray(value)) return value.map(driverText).join(", ");
  return String(value);
}

/** The settings a board compares, each with how to say it. */
export const SETTINGS: [label: string, pick: (s: Scenario) => unknown, say: (value: unknown) => string][] = [
  ["first year", (s) => s.startYear, String],
  ["years", (s) => s.horizonYears, String],
  ["activity growth", (s) => s.drivers.activityGrowth, (v) => `${driverText(v)} a year`],
  ["pay award", (s) => s.drivers.payAward, (v) => `${driverText(v)} a year`],
  ["productivity", (s) => s.drivers.productivityChange, (v) => `${driverText(v)} a year`],
  ["vacancy fill", (s) => s.drivers.vacancyFill, (v) => `${driverText(v)} a year`],
  ["agency reduction", (s) => s.drivers.agencyReduction, (v) => `${driverText(v)} a year`],
  ["retention", (s) => s.drivers.retention, (v) => `${driverText(v)} fewer leavers`],
  ["new roles", (s) => s.drivers.newRoles.reduce((sum, r) => sum + r.fte, 0), (v) => `${Number(v)} FTE`],
  ["skill mix targets", (s) => s.drivers.skillMix.length, (v) => String(v)],
  [
    "upskilling",
    (s) =>
      s.drivers.skillShift.map((m) => `${percent(m.share)} of ${m.staffGroup} ${m.from} to ${m.to} by year ${m.byYear}`).join(", ") ||
      "none",
    String,
  ],
  ["headroom", (s) => s.options.headroom, (v) => percent(Number(v))],
  ["bank premium", (s) => s.options.bankPremium, (v) => percent(Number(v))],
  ["agency premium", (s) => s.options.agencyPremium, (v) => percent(Number(v))],
  ["pension in costs", (s) => s.options.pensionBasis, String],
  ["pay point", (s) => s.options.payPoint, String],
  ["high cost area", (s) => s.options.area, String],
];

/** Every assumption of a scenario, as label and text: the settings, the pay and on-cost figures with their sources, and when. */
export function scenarioAssumptions(scenario: Scenario, written: Date): [string, string][] {
  const lines: [string, string][] = [["Run at", written.toISOString().slice(0, 16).replace("T", " ")]];
  for (const [label, pick, say] of SETTINGS) lines.push([label[0]!.toUpperCase() + label.slice(1), say(pick(scenario))]);
  // Pay: the sources of each grade's figures for the first year, each named once.
  const grades = new Set<string>();
  for (const group of scenario.staffGroups) for (const line of group.grades) grades.add(line.grade);
  for (const role of scenario.drivers.newRoles) grades.add(role.grade);
  const sources = new Set<string>();
  for (const grade of grades) {
    try {
      const scale = payScale(parsePostGrade(grade).grade, scenario.startYear as FinancialYear);
      sources.add(`${scale.source.title}${"kind" in scale.source && scale.source.kind !== "workbook" ? ` (${scale.source.kind})` : ""}`);
    } catch {
      // A grade wfplan holds no figures for is priced from the workbook's pay table, named below.
    }
  }
  lines.push(["Pay figures", `${scenario.startYear}: ${[...sources].join("; ") || "none of wfplan's"}`]);
  if (scenario.payTable)
    lines.push([
      "Pay table from the workbook",
      `${scenario.payTable.name}, ${scenario.payTable.rows.length} rows (its rows override wfplan's)`,
    ]);
  const onCosts = onCostRatesForCosting(scenario.startYear as FinancialYear);
  const pension = scenario.options.pensionBasis === "local" ? onCosts.pension.paidLocally : onCosts.pension.employerRate;
  lines.push([
    "On-costs",
    `${onCosts.year} rates: employer NI ${percent(onCosts.nationalInsurance.rate)} above £${onCosts.nationalInsurance.threshold.toLocaleString("en-GB")}` +
      ` (${onCosts.nationalInsurance.source.title}); pension ${percent(pension)} (${onCosts.pension.source.title}); ` +
      `apprenticeship levy ${percent(onCosts.apprenticeshipLevy.rate)} (${onCosts.apprenticeshipLevy.source.title})`,
  ]);
  return lines;
}
