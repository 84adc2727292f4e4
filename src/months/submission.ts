import { nhsGroupOf, NHS_STAFF_GROUPS, type FinancialYear, type NhsStaffGroup } from "../reference/index.ts";
import type { ScenarioResult } from "../scenario/run.ts";
import { MONTHS } from "./calendar.ts";
import type { MonthRow } from "./phase.ts";

/*
 * A scenario's months as the operational plan's workforce template asks for
 * them: WTE and pay cost by month, April to March, for each NHS Workforce
 * Statistics staff group the trust's own groups map to, with a total. Built
 * from the model's months only (the sheet writes what this gives), so the
 * submission and the months always agree, and its totals are the year's.
 */

/** How one of the trust's staff groups is counted in the submission. */
export interface GroupMapping {
  staffGroup: string;
  nhsGroup: NhsStaffGroup;
  /** "set" when the scenario names the group; "guessed" when wfplan read it from the group's name. */
  how: "set" | "guessed";
}

export interface SubmissionLine {
  /** An NHS staff group, or "Total" for the sum of the block. */
  label: NhsStaffGroup | "Total";
  /** April to March. */
  months: number[];
  /** The year's figure: March's for a position (WTE), the twelve months' sum for money. */
  year: number;
}

export interface SubmissionBlock {
  title: string;
  unit: "WTE" | "£";
  /** Positions at the month's end (the year's is March's), or amounts in the month (the year's is their sum). */
  kind: "position" | "amount";
  lines: SubmissionLine[];
}

/** The substantive stock month by month: opening, each flow (leavers and retirements as negatives), closing. */
export interface FlowLine {
  label: string;
  months: number[];
  year: number;
}

export interface YearSubmission {
  year: FinancialYear;
  /** "Apr 2026" to "Mar 2027". */
  monthLabels: string[];
  blocks: SubmissionBlock[];
  flows: FlowLine[];
}

export interface Submission {
  mapping: GroupMapping[];
  years: YearSubmission[];
}

type Pick = (row: MonthRow) => number;

/** The blocks in the template's order; bank includes the collaborative bank, which is bank staff of another trust. */
const BLOCKS: readonly { title: string; unit: "WTE" | "£"; kind: "position" | "amount"; value: Pick }[] = [
  { title: "Substantive WTE", unit: "WTE", kind: "position", value: (r) => r.closingFte },
  { title: "Bank WTE (with the collaborative bank)", unit: "WTE", kind: "position", value: (r) => r.bankFte + r.collaborativeBankFte },
  { title: "Agency WTE", unit: "WTE", kind: "position", value: (r) => r.agencyFte },
  { title: "Total WTE", unit: "WTE", kind: "position", value: (r) => r.totalFte },
  { title: "WTE the activity needs", unit: "WTE", kind: "position", value: (r) => r.requiredFte },
  { title: "Gap: WTE needed less substantive", unit: "WTE", kind: "position", value: (r) => r.gapFte },
  { title: "Establishment WTE", unit: "WTE", kind: "position", value: (r) => r.establishmentFte },
  { title: "Vacancies WTE", unit: "WTE", kind: "position", value: (r) => r.vacancyFte },
  { title: "Substantive pay cost", unit: "£", kind: "amount", value: (r) => r.substantiveCost },
  { title: "Bank pay cost (with the collaborative bank)", unit: "£", kind: "amount", value: (r) => r.bankCost + r.collaborativeBankCost },
  { title: "Agency pay cost", unit: "£", kind: "amount", value: (r) => r.agencyCost },
  { title: "Total pay cost", unit: "£", kind: "amount", value: (r) => r.totalCost },
  { title: "Pay budget", unit: "£", kind: "amount", value: (r) => r.budget },
];

const FLOWS: readonly [label: string, value: Pick][] = [
  ["Starters from training", (r) => r.startersFte],
  ["International recruits", (r) => r.internationalFte],
  ["Bank staff taking posts", (r) => r.conversionsFte],
  ["New roles filled", (r) => r.newRoleFte],
  ["Vacancies filled", (r) => r.vacancyFilledFte],
  ["Leavers", (r) => -r.leaversFte],
  ["Retirements", (r) => -r.retirementsFte],
];

/** Each of the scenario's staff groups with its NHS staff group: as the scenario sets it, or as its name says. */
export function groupMapping(result: ScenarioResult): GroupMapping[] {
  const set = new Map(result.scenario.staffGroups.map((g) => [g.name, g.nhsStaffGroup]));
  const names = [...new Set([...result.scenario.staffGroups.map((g) => g.name), ...result.months.map((m) => m.staffGroup)])];
  return names.map((staffGroup) => {
    const nhsGroup = set.get(staffGroup);
    return nhsGroup ? { staffGroup, nhsGroup, how: "set" } : { staffGroup, nhsGroup: nhsGroupOf(staffGroup), how: "guessed" };
  });
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** "2026/27" month 1 is "Apr 2026"; month 10 is "Jan 2027". */
function monthLabels(year: FinancialYear): string[] {
  const first = Number(year.slice(0, 4));
  return MONTHS.map((name, i) => `${name} ${i < 9 ? first : first + 1}`);
}

/** The submission of every year the scenario has months for (its first, or every year). */
export function monthlySubmission(result: ScenarioResult): Submission {
  const mapping = groupMapping(result);
  const nhsOf = new Map(mapping.map((m) => [m.staffGroup, m.nhsGroup]));
  // The NHS groups in the national order, only those a group of the trust maps to.
  const used = NHS_STAFF_GROUPS.filter((g) => mapping.some((m) => m.nhsGroup === g));
  const years = [...new Set(result.months.map((m) => m.year))];
  return {
    mapping,
    years: years.map((year) => {
      const rows = result.months.filter((m) => m.year === year);
      const byMonth = (pick: Pick, keep: (row: MonthRow) => boolean) => {
        const months = new Array<number>(12).fill(0);
        for (const row of rows) if (keep(row)) months[row.month - 1]! += pick(row);
        return months;
      };
      const line = (label: SubmissionLine["label"], months: number[], kind: "position" | "amount"): SubmissionLine => ({
        label,
        months,
        year: kind === "position" ? months[11]! : sum(months),
      });
      const blocks = BLOCKS.map(({ title, unit, kind, value }) => ({
        title,
        unit,
        kind,
        lines: [
          ...used.map((group) =>
            line(
              group,
              byMonth(value, (r) => nhsOf.get(r.staffGroup) === group),
              kind,
            ),
          ),
          line(
            "Total",
            byMonth(value, () => true),
            kind,
          ),
        ],
      }));
      const all = () => true;
      const opening = byMonth((r) => r.openingFte, all);
      const closing = byMonth((r) => r.closingFte, all);
      const flows: FlowLine[] = [
        { label: "Opening substantive WTE", months: opening, year: opening[0]! },
        ...FLOWS.map(([label, value]) => {
          const months = byMonth(value, all);
          return { label, months, year: sum(months) };
        }),
        { label: "Closing substantive WTE", months: closing, year: closing[11]! },
      ];
      return { year, monthLabels: monthLabels(year), blocks, flows };
    }),
  };
}
