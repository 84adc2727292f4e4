import { fail, PlanningError } from "../errors.ts";
import { cellPlace } from "../format.ts";
import { leaverRate } from "../workforce/rates.ts";
import { didYouMean } from "./nearestName.ts";
import { aggregateStaff, type AssignmentType, type EstablishmentLine, type StaffRecord } from "./baseline.ts";
import type { ScenarioInput } from "./schema.ts";

/*
 * Builds a scenario from the tables planners keep in their workbooks: an
 * ESR-style staff extract, establishment, an activity plan, staffing standards,
 * the pay budget, bank and agency use, and leavers and starters. Columns are
 * found by their headers, so the tables can be laid out as the trust likes;
 * every problem names the table, sheet, row and column.
 */

/** A workbook table as the task pane reads it. */
export interface TableData {
  name: string;
  sheet: string;
  headers: readonly string[];
  rows: readonly (readonly unknown[])[];
  /** The header row and first column on the sheet, 0-based. */
  top: number;
  left: number;
}

export type TableRole = "staff" | "establishment" | "activity" | "standards" | "budget" | "temporary" | "flows" | "payTable";

/** The headers that identify each kind of table; the first of each list is the one planners are told about. */
const COLUMNS = {
  staffGroup: ["Staff group", "Staff Group", "Group"],
  band: ["Band", "Grade", "Pay band", "Band or grade"],
  hours: ["Contracted hours", "Hours", "Contracted Hours"],
  assignmentType: ["Assignment type", "Assignment category"],
  establishmentFte: ["Establishment FTE", "Establishment", "Budgeted FTE"],
  serviceLine: ["Service line", "Service", "Point of delivery"],
  unit: ["Unit", "Activity unit"],
  total: ["Total", "Annual total", "Activity"],
  minutes: ["Minutes per unit", "Minutes"],
  costCentre: ["Cost centre", "Cost center"],
  bankFte: ["Bank FTE"],
  agencyFte: ["Agency FTE"],
  leavers: ["Leavers"],
  starters: ["Starters", "Joiners"],
  averageHeadcount: ["Average headcount", "Headcount"],
  year: ["Year", "Financial year", "Pay year"],
  point: ["Point", "Pay point", "Step", "Nodal point", "Threshold"],
  annualPay: ["Annual pay", "Annual salary", "Salary", "Basic pay", "Annual basic pay"],
  weeklyHours: ["Weekly hours", "Standard hours", "Hours"],
  area: ["Area", "High cost area", "HCAS area", "HCAS"],
} as const;
type ColumnKey = keyof typeof COLUMNS;

const ROLES: Record<TableRole, { required: ColumnKey[]; describe: string }> = {
  staff: { required: ["staffGroup", "band", "hours"], describe: "staff in post (an ESR-style extract)" },
  establishment: { required: ["staffGroup", "band", "establishmentFte"], describe: "establishment" },
  activity: { required: ["serviceLine", "total"], describe: "activity plan" },
  standards: { required: ["serviceLine", "staffGroup", "minutes"], describe: "staffing standards" },
  budget: { required: ["staffGroup"], describe: "pay budget" },
  temporary: { required: ["staffGroup", "bankFte", "agencyFte"], describe: "bank and agency use" },
  flows: { required: ["staffGroup", "leavers", "averageHeadcount"], describe: "leavers and starters" },
  payTable: { required: ["year", "band", "point", "annualPay"], describe: "pay table" },
};

const normal = (text: string) => text.trim().toLowerCase();

function findColumn(headers: readonly string[], key: ColumnKey): number {
  const wanted = COLUMNS[key].map(normal);
  return headers.findIndex((h) => wanted.includes(normal(String(h))));
}

/** The budget column: the first whose header starts with "Budget". */
function budgetColumn(headers: readonly string[]): number {
  return headers.findIndex((h) => normal(String(h)).startsWith("budget"));
}

function fits(role: TableRole, headers: readonly string[]): boolean {
  if (role === "budget" && budgetColumn(headers) < 0) return false;
  return ROLES[role].required.every((key) => findColumn(headers, key) >= 0);
}

/** Which table plays each part, judged by its headers; the first table that fits wins. */
export function detectPlanTables(tables: readonly { name: string; headers: readonly string[] }[]): Partial<Record<TableRole, string>> {
  const found: Partial<Record<TableRole, string>> = {};
  // Standards before activity and establishment before staff: their headers are the more specific.
  for (const role of ["payTable", "standards", "establishment", "temporary", "flows", "budget", "activity", "staff"] as TableRole[]) {
    const taken = new Set(Object.values(found));
    const table = tables.find((t) => !taken.has(t.name) && fits(role, t.headers));
    if (table) found[role] = table.name;
  }
  return found;
}

/** Reads one table's columns by header, saying where anything is wrong. */
class TableReader {
  constructor(
    readonly table: TableData,
    readonly role: TableRole,
  ) {}

  column(key: ColumnKey, required = true): number {
    const index = findColumn(this.table.headers, key);
    if (index < 0 && required) {
      fail(
        "value",
        `the ${ROLES[this.role].describe} table ${this.table.name} (sheet ${this.table.sheet}) needs a column headed "${COLUMNS[key][0]}"; its headers are ${this.table.headers.join(", ")}`,
        this.table.name,
      );
    }
    return index;
  }

  place(row: number, column: number): string {
    return cellPlace(this.table.sheet, this.table.top + 1 + row, this.table.left + column);
  }

  text(row: number, column: number): string {
    const value = this.table.rows[row]?.[column];
    return value === null || value === undefined ? "" : String(value).trim();
  }

  number(row: number, column: number, what: string): number {
    const value = this.table.rows[row]?.[column];
    const number = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : NaN;
    if (!Number.isFinite(number) || number < 0) {
      fail("value", `${this.place(row, column)}: ${what} ${JSON.stringify(value ?? "")} must be a number of 0 or more`, this.table.name);
    }
    return number;
  }

  /** Rows that are not wholly blank, with their index. */
  *filled(): Generator<number> {
    for (let row = 0; row < this.table.rows.length; row++) {
      if (this.table.rows[row]!.some((v) => v !== null && v !== undefined && v !== "")) yield row;
    }
  }
}

export interface ScenarioChoices {
  name: string;
  startYear: string;
  horizonYears: number;
  /** Fractions: 0.03 is 3% a year. */
  activityGrowth?: number;
  payAward?: number;
  productivityChange?: number;
  headroom?: number;
  vacancyFill?: number;
  agencyReduction?: number;
  bankPremium?: number;
  agencyPremium?: number;
  pensionBasis?: "full" | "local";
}

/** Staff records, with each one's place on the sheet for errors. */
function readStaff(reader: TableReader): { records: StaffRecord[]; places: string[] } {
  const group = reader.column("staffGroup");
  const band = reader.column("band");
  const hours = reader.column("hours");
  const type = reader.column("assignmentType", false);
  const point = reader.column("point", false);
  const area = reader.column("area", false);
  const rows = [...reader.filled()];
  const places = rows.map((row) => reader.place(row, band));
  const cell = (row: number, column: number) => {
    const value = column >= 0 ? reader.table.rows[row]?.[column] : undefined;
    return typeof value === "number" || (typeof value === "string" && value.trim() !== "") ? value : undefined;
  };
  const records = rows.map((row) => {
    const kind = type >= 0 ? normal(reader.text(row, type)) : "";
    const assignmentType: AssignmentType = kind.startsWith("bank") ? "bank" : kind.startsWith("agency") ? "agency" : "substantive";
    return {
      staffGroup: reader.text(row, group),
      band: reader.text(row, band),
      contractedHours: reader.number(row, hours, "contracted hours"),
      assignmentType,
      payPoint: cell(row, point),
      area: cell(row, area) as string | undefined,
    };
  });
  return { records, places };
}

function readEstablishment(reader: TableReader): { lines: EstablishmentLine[]; places: string[] } {
  const group = reader.column("staffGroup");
  const band = reader.column("band");
  const fte = reader.column("establishmentFte");
  const rows = [...reader.filled()];
  return {
    lines: rows.map((row) => ({
      staffGroup: reader.text(row, group),
      band: reader.text(row, band),
      establishmentFte: reader.number(row, fte, "establishment FTE"),
    })),
    places: rows.map((row) => reader.place(row, band)),
  };
}

/** Average bank and agency FTE per staff group over the table's rows (months, usually). */
function readTemporary(reader: TableReader): Map<string, { bank: number; agency: number }> {
  const group = reader.column("staffGroup");
  const bank = reader.column("bankFte");
  const agency = reader.column("agencyFte");
  const sums = new Map<string, { bank: number; agency: number; rows: number }>();
  for (const row of reader.filled()) {
    const name = reader.text(row, group);
    const sum = sums.get(name) ?? { bank: 0, agency: 0, rows: 0 };
    sum.bank += reader.number(row, bank, "bank FTE");
    sum.agency += reader.number(row, agency, "agency FTE");
    sum.rows++;
    sums.set(name, sum);
  }
  return new Map([...sums].map(([name, s]) => [name, { bank: s.bank / s.rows, agency: s.agency / s.rows }]));
}

/** A pay table's rows as they stand, each with its place; the model validates them all at once when it runs. */
function readPayTableRows(reader: TableReader): NonNullable<ScenarioInput["payTable"]> {
  const year = reader.column("year");
  const band = reader.column("band");
  const point = reader.column("point");
  const annual = reader.column("annualPay");
  const hours = reader.column("weeklyHours", false);
  const cell = (row: number, column: number) => {
    const value = reader.table.rows[row]?.[column];
    return typeof value === "number" || typeof value === "string" ? value : undefined;
  };
  const rows = [...reader.filled()].map((row) => ({
    year: cell(row, year) ?? "",
    grade: cell(row, band) ?? "",
    point: cell(row, point),
    annual: cell(row, annual) ?? "",
    hours: hours >= 0 ? cell(row, hours) : undefined,
    place: reader.place(row, band),
  }));
  return { name: `${reader.table.name} (sheet ${reader.table.sheet})`, rows };
}

/** Turns the plan's tables and the planner's choices into a scenario for runScenario. */
export function scenarioFromTables(tables: Partial<Record<TableRole, TableData>>, choices: ScenarioChoices): ScenarioInput {
  for (const role of ["staff", "activity", "standards"] as const) {
    if (!tables[role])
      fail(
        "value",
        `choose the ${ROLES[role].describe} table: a scenario needs staff in post, an activity plan and staffing standards`,
        role,
      );
  }
  const staff = readStaff(new TableReader(tables.staff!, "staff"));
  const records = staff.records;
  const establishment = tables.establishment
    ? readEstablishment(new TableReader(tables.establishment, "establishment"))
    : { lines: [], places: [] };
  const baseline = aggregateStaff(records, establishment.lines, (i, kind) => (kind === "staff" ? staff.places : establishment.places)[i]!);

  // Names that match nothing in the other tables, every one at once, each with its cell and the name most likely meant.
  const unknown: string[] = [];
  const groupNames = baseline.map((g) => g.name);
  const knownGroup = (reader: TableReader, row: number, column: number, what: string) => {
    const name = reader.text(row, column);
    if (!groupNames.includes(name)) {
      unknown.push(
        `${reader.place(row, column)}: ${what} "${name}" is not a staff group of the staff table ${tables.staff!.name}${didYouMean(name, groupNames)}`,
      );
    }
  };

  // People per FTE, to turn flows counted in heads into FTE.
  const headsByGroup = new Map<string, number>();
  for (const r of records)
    if ((r.assignmentType ?? "substantive") === "substantive") headsByGroup.set(r.staffGroup, (headsByGroup.get(r.staffGroup) ?? 0) + 1);
  const temporary = tables.temporary ? readTemporary(new TableReader(tables.temporary, "temporary")) : new Map();
  const flows = new Map<string, { leaverRate: number; startersFte: number }>();
  if (tables.flows) {
    const reader = new TableReader(tables.flows, "flows");
    const group = reader.column("staffGroup");
    const leavers = reader.column("leavers");
    const headcount = reader.column("averageHeadcount");
    const starters = reader.column("starters", false);
    for (const row of reader.filled()) {
      const name = reader.text(row, group);
      knownGroup(reader, row, group, "staff group");
      const inPost = baseline.find((g) => g.name === name)?.grades.reduce((sum, g) => sum + g.inPostFte, 0) ?? 0;
      const ftePerHead = inPost > 0 ? inPost / (headsByGroup.get(name) ?? 1) : 1;
      let rate: number;
      try {
        rate = leaverRate(reader.number(row, leavers, "leavers"), reader.number(row, headcount, "average headcount"));
      } catch (error) {
        throw new PlanningError((error as PlanningError).kind ?? "value", `${reader.place(row, headcount)}: ${(error as Error).message}`);
      }
      flows.set(name, { leaverRate: rate, startersFte: starters >= 0 ? reader.number(row, starters, "starters") * ftePerHead : 0 });
    }
  }

  const staffGroups = baseline.map((group) => {
    const inPost = group.grades.reduce((sum, g) => sum + g.inPostFte, 0);
    const cover = temporary.get(group.name);
    const grades = group.grades.map((line) => {
      const share = inPost > 0 ? line.inPostFte / inPost : 1 / group.grades.length;
      return { ...line, bankFte: line.bankFte + (cover?.bank ?? 0) * share, agencyFte: line.agencyFte + (cover?.agency ?? 0) * share };
    });
    const flow = flows.get(group.name);
    return { name: group.name, grades, leaverRate: flow?.leaverRate ?? 0, starters: flow?.startersFte ?? 0 };
  });

  // Activity totals by service line, and the minutes each staff group gives a unit.
  const activityReader = new TableReader(tables.activity!, "activity");
  const lineColumn = activityReader.column("serviceLine");
  const totalColumn = activityReader.column("total");
  const unitColumn = activityReader.column("unit", false);
  const activity = new Map<string, { total: number; unit: string }>();
  for (const row of activityReader.filled()) {
    activity.set(activityReader.text(row, lineColumn), {
      total: activityReader.number(row, totalColumn, "activity"),
      unit: unitColumn >= 0 ? activityReader.text(row, unitColumn) : "units",
    });
  }
  const standardsReader = new TableReader(tables.standards!, "standards");
  const sLine = standardsReader.column("serviceLine");
  const sGroup = standardsReader.column("staffGroup");
  const sMinutes = standardsReader.column("minutes");
  const staffing = new Map<string, { staffGroup: string; minutesPerUnit: number }[]>();
  for (const row of standardsReader.filled()) {
    const line = standardsReader.text(row, sLine);
    knownGroup(standardsReader, row, sGroup, "staff group");
    if (!activity.has(line)) {
      unknown.push(
        `${standardsReader.place(row, sLine)}: service line "${line}" is not in the activity plan ${tables.activity!.name}${didYouMean(line, [...activity.keys()])} (it has ${[...activity.keys()].join(", ")})`,
      );
      continue;
    }
    staffing.set(line, [
      ...(staffing.get(line) ?? []),
      { staffGroup: standardsReader.text(row, sGroup), minutesPerUnit: standardsReader.number(row, sMinutes, "minutes per unit") },
    ]);
  }
  const serviceLines = [...staffing].map(([name, lines]) => ({
    name,
    unit: activity.get(name)!.unit,
    activity: activity.get(name)!.total,
    staffing: lines,
  }));

  const payBudget: NonNullable<ScenarioInput["payBudget"]> = [];
  if (tables.budget) {
    const reader = new TableReader(tables.budget, "budget");
    const group = reader.column("staffGroup");
    const amount = budgetColumn(tables.budget.headers);
    if (amount < 0)
      fail(
        "value",
        `the pay budget table ${tables.budget.name} needs a column headed "Budget ..."; its headers are ${tables.budget.headers.join(", ")}`,
        "budget",
      );
    const centre = reader.column("costCentre", false);
    for (const row of reader.filled()) {
      knownGroup(reader, row, group, "staff group");
      payBudget.push({
        staffGroup: reader.text(row, group),
        costCentre: centre >= 0 ? reader.text(row, centre) : undefined,
        amount: reader.number(row, amount, "budget"),
      });
    }
  }

  if (unknown.length)
    fail("value", `${unknown.length} name${unknown.length > 1 ? "s match" : " matches"} nothing: ${unknown.join("; ")}`, "names");

  return {
    name: choices.name,
    startYear: choices.startYear,
    payTable: tables.payTable ? readPayTableRows(new TableReader(tables.payTable, "payTable")) : undefined,
    horizonYears: choices.horizonYears,
    options: {
      headroom: choices.headroom ?? 0,
      bankPremium: choices.bankPremium ?? 0,
      agencyPremium: choices.agencyPremium ?? 0,
      pensionBasis: choices.pensionBasis ?? "full",
    },
    staffGroups,
    serviceLines,
    payBudget,
    drivers: {
      activityGrowth: choices.activityGrowth ?? 0,
      payAward: choices.payAward ?? 0,
      productivityChange: choices.productivityChange ?? 0,
      vacancyFill: choices.vacancyFill ?? 0,
      agencyReduction: choices.agencyReduction ?? 0,
    },
  };
}
