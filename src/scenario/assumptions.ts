import { onCostRatesForCosting, payScale, type FinancialYear } from "../reference/index.ts";
import { parsePostGrade } from "../reference/grades.ts";
import type { Scenario } from "./schema.ts";
import { driverText, GROUP_DRIVERS, LINE_DRIVERS, SCALAR_DRIVERS, storedDriver, type ScalarDriver } from "./driverTable.ts";

/*
 * A scenario's assumptions as a board reads them: every setting and driver,
 * where its pay and on-cost figures come from, and when it was run. The
 * results sheet opens with them; the Board summary and the comparison say
 * what differs between scenarios by the same settings.
 */

const percent = (x: number) => `${Number((x * 100).toFixed(2))}%`;

/** A staff group's own drivers that are set: "Nursing: leaver rate 10.2%, starters 12 FTE". */
function groupDriversText(group: Scenario["staffGroups"][number]): string[] {
  const parts = GROUP_DRIVERS.flatMap((entry) => {
    const value = group[entry.key];
    // A yearly driver or FTE is set when it is not none (0); a premium when it is there at all.
    return value === undefined || (entry.typed !== "percent" && value === 0) ? [] : [`${entry.name} ${entry.says(value)}`];
  });
  return parts.length ? [`${group.name}: ${parts.join(", ")}`] : [];
}

/** A service line's own drivers that are set: "Outpatients: growth year 2: 5%". */
function lineDriversText(line: Scenario["serviceLines"][number]): string[] {
  const parts = LINE_DRIVERS.flatMap((entry) => {
    const value = line[entry.stored];
    return value === undefined ? [] : [`${entry.name} ${entry.says(value)}`];
  });
  return parts.length ? [`${line.name}: ${parts.join(", ")}`] : [];
}

type Setting = [label: string, pick: (s: Scenario) => unknown, say: (value: unknown) => string];

/** A scenario-wide driver of the table as a setting, said as the table words it. */
const fromTable = (home: "drivers" | "options"): Setting[] =>
  SCALAR_DRIVERS.filter((d) => d.home === home && "says" in d).map((d) => [
    d.name.toLowerCase(),
    (s) => storedDriver(s, d),
    (d as Extract<ScalarDriver, { says: unknown }>).says,
  ]);

/** The settings a board compares, each with how to say it. */
export const SETTINGS: Setting[] = [
  ["first year", (s) => s.startYear, String],
  ["years", (s) => s.horizonYears, String],
  ...fromTable("drivers"),
  [
    "collaborative bank",
    (s) => s.drivers.collaborativeBank,
    (v) => {
      const bank = v as Scenario["drivers"]["collaborativeBank"];
      if (!bank) return "none";
      const caps = Object.entries(bank.capFte).map(([group, fte]) => `${group} at most ${fte} FTE`);
      return [`${driverText(bank.share)} of agency cover a year`, `fee ${percent(bank.fee)}`, ...caps].join(", ");
    },
  ],
  [
    "new roles",
    (s) => [
      s.drivers.newRoles.reduce((sum, r) => sum + r.fte, 0),
      s.drivers.newRoles.filter((r) => r.replaces).reduce((sum, r) => sum + r.fte, 0),
    ],
    (v) => {
      const [all, taking] = v as [number, number];
      return `${Number(all)} FTE${taking ? `, ${Number(taking)} of them taking over posts of another band` : ""}`;
    },
  ],
  ["skill mix targets", (s) => s.drivers.skillMix.length, (v) => String(v)],
  [
    "upskilling",
    (s) =>
      s.drivers.skillShift.map((m) => `${percent(m.share)} of ${m.staffGroup} ${m.from} to ${m.to} by year ${m.byYear}`).join(", ") ||
      "none",
    String,
  ],
  ["by service line", (s) => s.serviceLines.flatMap(lineDriversText).join("; ") || "none", String],
  ["by staff group", (s) => s.staffGroups.flatMap(groupDriversText).join("; ") || "none", String],
  [
    "named inputs",
    (s) =>
      Object.entries(s.inputs)
        .map(([name, value]) => `${name} = ${value}`)
        .join(", ") || "none",
    String,
  ],
  ...fromTable("options"),
  ["pay point", (s) => s.options.payPoint, String],
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
