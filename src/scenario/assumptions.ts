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
function driverText(value: unknown, from = 1): string {
  if (typeof value === "number") return percent(value);
  // One per plan year, the last for every later year: growth and the pay award act from year 2, so year 1's entry is not shown.
  if (Array.isArray(value))
    return value
      .slice(from - 1)
      .map((v, i) => `year ${from + i}: ${driverText(v)}`)
      .join(", ");
  return `=${String(value)}`;
}

/** A staff group's own drivers that are set: "Nursing: leaver rate 10.2%, starters 12 FTE". */
function groupDriversText(group: Scenario["staffGroups"][number]): string[] {
  const fte = (value: unknown): string =>
    typeof value === "number" ? `${Number(value.toFixed(2))} FTE` : Array.isArray(value) ? value.map(fte).join(", ") : String(value);
  const parts = [
    group.leaverRate !== 0 ? `leaver rate ${driverText(group.leaverRate)}` : "",
    ...(["retirements", "starters", "internationalRecruits", "bankConversions"] as const).map((key) =>
      group[key] !== 0 ? `${GROUP_DRIVER_WORDS[key]} ${fte(group[key])}` : "",
    ),
    group.bankPremium !== undefined ? `bank premium ${percent(group.bankPremium)}` : "",
    group.agencyPremium !== undefined ? `agency premium ${percent(group.agencyPremium)}` : "",
  ].filter(Boolean);
  return parts.length ? [`${group.name}: ${parts.join(", ")}`] : [];
}

const GROUP_DRIVER_WORDS = {
  retirements: "retirements",
  starters: "starters",
  internationalRecruits: "international recruits",
  bankConversions: "bank conversions",
} as const;

/** The settings a board compares, each with how to say it. */
export const SETTINGS: [label: string, pick: (s: Scenario) => unknown, say: (value: unknown) => string][] = [
  ["first year", (s) => s.startYear, String],
  ["years", (s) => s.horizonYears, String],
  ["activity growth", (s) => s.drivers.activityGrowth, (v) => `${driverText(v, 2)} a year`],
  ["pay award", (s) => s.drivers.payAward, (v) => `${driverText(v, 2)} a year`],
  ["productivity", (s) => s.drivers.productivityChange, (v) => `${driverText(v, 2)} a year`],
  ["vacancy fill", (s) => s.drivers.vacancyFill, (v) => `${driverText(v)} a year`],
  ["agency reduction", (s) => s.drivers.agencyReduction, (v) => `${driverText(v)} a year`],
  ["retention", (s) => s.drivers.retention, (v) => `${driverText(v)} fewer leavers`],
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
  [
    "by service line",
    (s) =>
      s.serviceLines
        .filter((l) => l.growth !== undefined || l.productivity !== undefined)
        .map(
          (l) =>
            `${l.name}: ${[
              l.growth !== undefined ? `growth ${driverText(l.growth, 2)}` : "",
              l.productivity !== undefined ? `productivity ${driverText(l.productivity, 2)}` : "",
            ]
              .filter(Boolean)
              .join(", ")}`,
        )
        .join("; ") || "none",
    String,
  ],
  ["by staff group", (s) => s.staffGroups.flatMap(groupDriversText).join("; ") || "none", String],
  [
    "named inputs",
    (s) =>
      Object.entries(s.inputs)
        .map(([name, value]) => `${name} = ${value}`)
        .join(", ") || "none",
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
