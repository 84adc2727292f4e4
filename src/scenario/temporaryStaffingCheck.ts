import { formatFte, formatPercent, formatPounds } from "../format.ts";
import { temporaryStaffingExpectation } from "../reference/temporaryStaffing.ts";
import type { ScenarioResult, ScenarioRow } from "./run.ts";
import type { Check, CheckFailure } from "./triangulate.ts";

/*
 * The temporary staffing rules as a check beside triangulation's: the first
 * plan year's agency and bank spend against the year before's, cut by the
 * national expectation for the year (or the cut the scenario gives: an ICB
 * may set its own). The year before's spend is the figure the planner typed,
 * or the linked bank and agency table's spend. With neither, or no
 * expectation for the year, the rule is not checked, and says why.
 */

type Kind = "agency" | "bank";

const KINDS: readonly {
  kind: Kind;
  typed: "agencySpendBefore" | "bankSpendBefore";
  cut: "agencySpendCut" | "bankSpendCut";
  national: "agencyCut" | "bankCut";
  column: string;
  spend: (row: ScenarioRow) => number;
  wte: (row: ScenarioRow) => number;
  before: (line: { bankSpend: number; agencySpend: number }) => number;
}[] = [
  {
    kind: "agency",
    typed: "agencySpendBefore",
    cut: "agencySpendCut",
    national: "agencyCut",
    column: "Agency spend",
    spend: (r) => r.agencyCost,
    wte: (r) => r.agencyFte,
    before: (l) => l.agencySpend,
  },
  {
    kind: "bank",
    typed: "bankSpendBefore",
    cut: "bankSpendCut",
    national: "bankCut",
    column: "Bank spend",
    // The collaborative bank is bank staff: its cost is bank spend.
    spend: (r) => r.bankCost + r.collaborativeBankCost,
    wte: (r) => r.bankFte + r.collaborativeBankFte,
    before: (l) => l.bankSpend,
  },
];

const sum = <T>(items: readonly T[], pick: (item: T) => number) => items.reduce((total, item) => total + pick(item), 0);

/** What the plan year's agency or bank spend is held to, or why it is not checked. */
export interface SpendRule {
  kind: Kind;
  /** The first plan year's spend. */
  plan: number;
  before?: number;
  /** Where the year before's figure came from: the scenario (typed), or the linked bank and agency table. */
  beforeFrom?: "typed" | "table";
  cut?: number;
  /** Whose cut: "the scenario's", or the national expectation with its source. */
  cutFrom?: string;
  /** The most the plan year may spend: the year before's less the cut. */
  allowed?: number;
  notChecked?: string;
}

/** The rule for each of agency and bank spend in the scenario's first plan year. */
export function spendRules(result: ScenarioResult): SpendRule[] {
  const { scenario } = result;
  const year = result.years[0]!;
  const rows = result.rows.filter((r) => r.yearIndex === 1);
  const national = temporaryStaffingExpectation(year);
  return KINDS.map((k): SpendRule => {
    const plan = sum(rows, k.spend);
    const typed = scenario.options[k.typed];
    const table = scenario.spendBefore;
    const before = typed ?? (table ? sum(table, k.before) : undefined);
    const own = scenario.options[k.cut];
    const cut = own ?? national?.[k.national];
    if (before === undefined)
      return {
        kind: k.kind,
        plan,
        notChecked: `no ${k.kind} spend is given for the year before: give it under Temporary staffing rules, or link a bank and agency table with a column headed ${k.column}`,
      };
    if (cut === undefined)
      return {
        kind: k.kind,
        plan,
        before,
        notChecked: `no national expectation of ${k.kind} spend in ${year} is held: give your ICB's cut under Temporary staffing rules`,
      };
    const cutFrom =
      own !== undefined ? "the scenario's" : `the national expectation for ${year} (${national!.source.title}, ${national!.source.kind})`;
    return { kind: k.kind, plan, before, beforeFrom: typed !== undefined ? "typed" : "table", cut, cutFrom, allowed: before * (1 - cut) };
  });
}

/** The temporary staffing check: a failure for each kind of spend over what its rule allows, then each staff group over its share. */
export function temporaryStaffingCheck(result: ScenarioResult): Check {
  const rules = spendRules(result);
  const year = result.years[0]!;
  const rows = result.rows.filter((r) => r.yearIndex === 1);
  const failures: CheckFailure[] = [];
  for (const rule of rules) {
    if (rule.allowed === undefined || rule.plan <= rule.allowed + 0.005) continue;
    const k = KINDS.find((x) => x.kind === rule.kind)!;
    const over = rule.plan - rule.allowed;
    // In WTE at what the plan year pays for a WTE of this kind of cover.
    const wte = sum(rows, k.wte);
    const asWte = wte > 0 && rule.plan > 0 ? `; about ${formatFte((over * wte) / rule.plan)} of ${k.kind} cover` : "";
    failures.push({
      check: "temporaryStaffing",
      year,
      staffGroup: "",
      amount: over,
      serviceLines: [],
      message:
        `${year}: ${k.kind} spend of ${formatPounds(rule.plan)} is ${formatPounds(over)} over the ${formatPounds(rule.allowed)} allowed, ` +
        `${formatPercent(rule.cut!)} less than the year before's ${formatPounds(rule.before!)}` +
        ` (${rule.beforeFrom === "typed" ? "as given" : "the bank and agency table's"}; the cut is ${rule.cutFrom})${asWte}`,
    });
    // Each staff group over its own share, where the table gives the year before by group: the rows behind the failure.
    for (const line of rule.beforeFrom === "table" ? (result.scenario.spendBefore ?? []) : []) {
      const plan = sum(
        rows.filter((r) => r.staffGroup === line.staffGroup),
        k.spend,
      );
      const allowed = k.before(line) * (1 - rule.cut!);
      if (plan <= allowed + 0.005) continue;
      failures.push({
        check: "temporaryStaffing",
        year,
        staffGroup: line.staffGroup,
        amount: plan - allowed,
        serviceLines: [],
        message: `${year} ${line.staffGroup}: ${k.kind} spend of ${formatPounds(plan)} is ${formatPounds(plan - allowed)} over its ${formatPounds(allowed)} share (the year before: ${formatPounds(k.before(line))})`,
      });
    }
  }
  const unchecked = rules.filter((r) => r.notChecked).map((r) => r.notChecked!);
  const notChecked = unchecked.length === rules.length ? unchecked.join("; ") : undefined;
  return {
    id: "temporaryStaffing",
    title: "Agency and bank spend meet the temporary staffing rules",
    passed: !notChecked && failures.length === 0,
    failures,
    ...(notChecked ? { notChecked } : unchecked.length ? { notes: unchecked.map((u) => `not checked: ${u}`) } : {}),
  };
}

/** What the pane says of the national expectation for a first plan year, above the fields that may replace it. */
export function expectationText(year: string): string {
  const national = temporaryStaffingExpectation(year);
  if (!national)
    return `No national expectation for ${year} is held: give your ICB's cuts for the rules to be checked. The year before's spend, blank, is the bank and agency table's.`;
  return (
    `For ${year} NHS England expects agency spend at least ${formatPercent(national.agencyCut)} and bank spend ${formatPercent(national.bankCut)} below the year before's ` +
    `(${national.source.title}, ${national.source.kind}). A blank cut takes it; your ICB may set another. The year before's spend, blank, is the bank and agency table's.`
  );
}
