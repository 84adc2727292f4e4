import { fail } from "../errors.ts";
import { cellPlace } from "../addresses.ts";
import { leaverRate } from "../workforce/rates.ts";
import { parsePostGrade, standardHours } from "../reference/grades.ts";
import { parseArea } from "../workforce/highCostArea.ts";
import { parsePayPoint, postPoint } from "../workforce/pay.ts";
import { columnByHeader, fieldLabel, proposeLinks, ROLES, type FieldKey, type TableRole } from "./link.ts";
import { didYouMean } from "./nearestName.ts";
import { aggregateStaff, type AssignmentType, type EstablishmentLine, type StaffRecord } from "./baseline.ts";
import type { ScenarioInput } from "./schema.ts";
import { SCALAR_DRIVERS, type DriverOf, type GroupDriver } from "./driverTable.ts";

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
  /** The column of each field as the planner linked it; when absent, columns are found by their headers. */
  columns?: Partial<Record<FieldKey, number>>;
}

const normal = (text: string) => text.trim().toLowerCase();

/** Which table plays each part, judged by its headers (and, where they do not decide, its values): the best that fits wins. */
export function detectPlanTables(
  tables: readonly { name: string; headers: readonly string[]; sample?: readonly (readonly unknown[])[] }[],
): Partial<Record<TableRole, string>> {
  const links = proposeLinks(tables.map((t) => ({ id: t.name, headers: t.headers, sample: t.sample ?? [] })));
  return Object.fromEntries(Object.entries(links).map(([role, link]) => [role, link!.source]));
}

/** A row left out of the plan: where it is, what it holds and what was expected there. */
export interface LeftOutRow {
  table: string;
  sheet: string;
  /** The cell, as "Staff!C12", and its row and column on the sheet (0-based) for a link that selects it. */
  place: string;
  row: number;
  column: number;
  value: unknown;
  /** What is wrong, naming the value and what was expected: `contracted hours "full time" must be a number of 0 or more`. */
  problem: string;
}

/** A cell a message can link to: its sheet, row and column (0-based), and how it is written ("Standards!B2"). */
export interface CellRef {
  sheet: string;
  row: number;
  column: number;
  place: string;
}

/** The cells behind a staff group's figures, for following a check that fails to the rows that cause it. */
export interface GroupCells {
  /** The staffing standards rows that make its need. */
  standards: CellRef[];
  /** Its pay budget rows. */
  budget: CellRef[];
  /** Its establishment rows. */
  establishment: CellRef[];
}

/** A left-out row as a planner reads it. */
export const leftOutText = (row: LeftOutRow) => `${row.place}: ${row.problem}`;

/** Reads one table's columns by header, saying where anything is wrong. */
class TableReader {
  constructor(
    readonly table: TableData,
    readonly role: TableRole,
    leftOut?: LeftOutRow[],
  ) {
    if (leftOut) this.leftOut = leftOut;
  }

  /** Rows left out, each with its cell and what was expected: shared by every table of a plan. */
  readonly leftOut: LeftOutRow[] = [];

  private readonly found = new Map<FieldKey, number>();

  /** The field's column: as the planner linked it, or by its header (looked up once a field). */
  column(key: FieldKey, required = true): number {
    const linked = this.table.columns;
    let index = this.found.get(key);
    if (index === undefined) this.found.set(key, (index = linked ? (linked[key] ?? -1) : columnByHeader(this.table.headers, key)));
    if (index < 0 && required) {
      fail(
        "value",
        `the ${ROLES[this.role].describe} table ${this.table.name} (sheet ${this.table.sheet}) needs a column for ${fieldLabel(key)}; its headers are ${this.table.headers.join(", ")}`,
        this.table.name,
      );
    }
    return index;
  }

  /** A cell of the table as a link target. */
  cell(row: number, column: number): CellRef {
    return { sheet: this.table.sheet, row: this.table.top + 1 + row, column: this.table.left + column, place: this.place(row, column) };
  }

  /** Leaves a row out of the plan, saying where and why; false, for `&&` chains. */
  leaveOut(row: number, column: number, problem: string): false {
    this.leftOut.push({
      table: this.table.name,
      sheet: this.table.sheet,
      place: this.place(row, column),
      row: this.table.top + 1 + row,
      column: this.table.left + column,
      value: this.table.rows[row]?.[column] ?? "",
      problem,
    });
    return false;
  }

  /** The cell as a number of 0 or more, or NaN with the row left out. */
  amount(row: number, column: number, what: string): number {
    const value = this.table.rows[row]?.[column];
    const number = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : NaN;
    if (Number.isFinite(number) && number >= 0) return number;
    this.leaveOut(row, column, `${what} ${JSON.stringify(value ?? "")} must be a number of 0 or more`);
    return NaN;
  }

  place(row: number, column: number): string {
    return cellPlace(this.table.sheet, this.table.top + 1 + row, this.table.left + column);
  }

  text(row: number, column: number): string {
    const value = this.table.rows[row]?.[column];
    return value === null || value === undefined ? "" : String(value).trim();
  }

  /** Rows that are not wholly blank, with their index. */
  *filled(): Generator<number> {
    for (let row = 0; row < this.table.rows.length; row++) {
      if (this.table.rows[row]!.some((v) => v !== null && v !== undefined && v !== "")) yield row;
    }
  }
}

/** A driver as the pane gives it: a fraction, fractions by year (the last repeats), or an expression over `inputs`. */
export type ChoiceDriver = number | string | number[];

/** A scenario-wide driver's value as the pane gives it: a percentage once is a number, a choice one of its values. */
type ChoiceOf<D> = D extends { typed: "choice"; choices: readonly { value: infer V }[] }
  ? V
  : D extends { typed: "percent" }
    ? number
    : ChoiceDriver;

/**
 * What the planner chose: the name and years, every scenario-wide driver of
 * the drivers table by its key (fractions: 0.03 is 3% a year), and the rows.
 */
export type ScenarioChoices = {
  name: string;
  startYear: string;
  horizonYears: number;
  /** A collaborative staff bank filling a share of agency cover each year, at bank rates plus its management fee. */
  collaborativeBank?: { share: ChoiceDriver; fee?: number; capFte?: Record<string, number> };
  /** New roles: posts of a grade added to a staff group from a plan year. */
  newRoles?: { staffGroup: string; grade: string; fte: number; fromYear: number; replaces?: string }[];
  /** Upskilling: a share of a group's posts at one band moved to another by a plan year. */
  skillShift?: { staffGroup: string; from: string; to: string; share: number; byYear: number }[];
  /** Activity growth or productivity change for one service line, each replacing the scenario's. */
  lineDrivers?: { serviceLine: string; growth?: ChoiceDriver; productivity?: ChoiceDriver }[];
  /** A staff group's leaver rate (a fraction), retirements, starters, international recruits or bank conversions (FTE a year), or its bank or agency premium (a fraction). */
  groupDrivers?: { staffGroup: string; driver: GroupDriver; value: ChoiceDriver }[];
  /** Named inputs the expressions use: the workbook's named cells. */
  inputs?: Record<string, number>;
} & { [D in DriverOf<"drivers" | "options"> as D["key"]]?: ChoiceOf<D> };

/** Staff records, with each one's place on the sheet for errors; a row whose band, point, area or hours cannot be used is left out and listed. */
function readStaff(reader: TableReader): { records: StaffRecord[]; places: string[] } {
  const group = reader.column("staffGroup");
  const band = reader.column("band");
  const hours = reader.column("hours", false);
  const fte = hours >= 0 ? -1 : reader.column("fte", false);
  if (hours < 0 && fte < 0) reader.column("hours");
  const type = reader.column("assignmentType", false);
  const point = reader.column("point", false);
  const area = reader.column("area", false);
  const cell = (row: number, column: number) => {
    const value = column >= 0 ? reader.table.rows[row]?.[column] : undefined;
    return typeof value === "number" || (typeof value === "string" && value.trim() !== "") ? value : undefined;
  };
  const records: StaffRecord[] = [];
  const places: string[] = [];
  // Each distinct band, point and area is checked once: an ESR extract repeats a few dozen of them over thousands of rows.
  type Checked = { grade: ReturnType<typeof parsePostGrade> } | { column: number; problem: string };
  const checked = new Map<string, Checked>();
  const check = (bandValue: unknown, payPoint: string | number | undefined, where: string | number | undefined): Checked => {
    let grade: ReturnType<typeof parsePostGrade>;
    try {
      grade = parsePostGrade(bandValue);
    } catch (error) {
      return { column: band, problem: (error as Error).message };
    }
    try {
      postPoint(grade, payPoint === undefined ? undefined : parsePayPoint(payPoint, "pay point"));
    } catch (error) {
      return { column: point, problem: (error as Error).message };
    }
    if (where !== undefined) {
      try {
        parseArea(where);
      } catch (error) {
        return { column: area, problem: (error as Error).message };
      }
    }
    return { grade };
  };
  for (const row of reader.filled()) {
    const payPoint = cell(row, point);
    const where = cell(row, area);
    const bandValue = reader.table.rows[row]?.[band];
    const key = `${typeof bandValue}|${String(bandValue)}|${typeof payPoint}|${String(payPoint)}|${typeof where}|${String(where)}`;
    let result = checked.get(key);
    if (!result) checked.set(key, (result = check(bandValue, payPoint, where)));
    if (!reader.text(row, group)) {
      reader.leaveOut(row, group, "the staff group is blank: every row needs one");
      continue;
    }
    if ("problem" in result) {
      reader.leaveOut(row, result.column, result.problem);
      continue;
    }
    const grade = result.grade;
    const contracted =
      hours >= 0 ? reader.amount(row, hours, "contracted hours") : reader.amount(row, fte, "contracted WTE") * standardHours(grade.grade);
    if (Number.isNaN(contracted)) continue;
    const kind = type >= 0 ? normal(reader.text(row, type)) : "";
    const assignmentType: AssignmentType = kind.startsWith("bank") ? "bank" : kind.startsWith("agency") ? "agency" : "substantive";
    records.push({
      staffGroup: reader.text(row, group),
      band: reader.table.rows[row]![band],
      contractedHours: contracted,
      assignmentType,
      payPoint,
      area: where as string | undefined,
    });
    places.push(reader.place(row, band));
  }
  return { records, places };
}

function readEstablishment(reader: TableReader): { lines: EstablishmentLine[]; places: string[]; cells: CellRef[] } {
  const group = reader.column("staffGroup");
  const band = reader.column("band");
  const fte = reader.column("establishmentFte");
  const lines: EstablishmentLine[] = [];
  const places: string[] = [];
  const cells: CellRef[] = [];
  for (const row of reader.filled()) {
    try {
      parsePostGrade(reader.table.rows[row]?.[band]);
    } catch (error) {
      reader.leaveOut(row, band, (error as Error).message);
      continue;
    }
    const establishmentFte = reader.amount(row, fte, "establishment FTE");
    if (Number.isNaN(establishmentFte)) continue;
    lines.push({ staffGroup: reader.text(row, group), band: reader.table.rows[row]![band], establishmentFte });
    places.push(reader.place(row, band));
    cells.push(reader.cell(row, fte));
  }
  return { lines, places, cells };
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
    const bankFte = reader.amount(row, bank, "bank FTE");
    const agencyFte = reader.amount(row, agency, "agency FTE");
    if (Number.isNaN(bankFte) || Number.isNaN(agencyFte)) continue;
    sum.bank += bankFte;
    sum.agency += agencyFte;
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

/**
 * Turns the plan's tables and the planner's choices into a scenario, failing
 * on any row that cannot be used (every one listed): for the CLI and the
 * tests, which want all or nothing. The pane uses planFromTables.
 */
export function scenarioFromTables(tables: Partial<Record<TableRole, TableData>>, choices: ScenarioChoices): ScenarioInput {
  const { input, leftOut } = planFromTables(tables, choices);
  if (leftOut.length === 1) fail("value", leftOutText(leftOut[0]!), leftOut[0]!.place);
  if (leftOut.length) fail("value", `${leftOut.length} rows cannot be used: ${leftOut.map(leftOutText).join("; ")}`, leftOut[0]!.place);
  return input;
}

/**
 * Turns the plan's tables and the planner's choices into a scenario for
 * runScenario. A row that cannot be used (a band that is not one, hours that
 * are not a number) is left out and listed with its cell, never stopping the
 * rest; a table or column that is missing, or a name that matches nothing in
 * the other tables, stops the plan, every such problem listed at once.
 */
export function planFromTables(
  tables: Partial<Record<TableRole, TableData>>,
  choices: ScenarioChoices,
): { input: ScenarioInput; leftOut: LeftOutRow[]; cells: Map<string, GroupCells> } {
  const leftOut: LeftOutRow[] = [];
  const cells = new Map<string, GroupCells>();
  const cellsOf = (group: string) => {
    let found = cells.get(group);
    if (!found) cells.set(group, (found = { standards: [], budget: [], establishment: [] }));
    return found;
  };
  for (const role of ["staff", "activity", "standards"] as const) {
    if (!tables[role])
      fail(
        "value",
        `choose the ${ROLES[role].describe} table: a scenario needs staff in post, an activity plan and staffing standards`,
        role,
      );
  }
  const staff = readStaff(new TableReader(tables.staff!, "staff", leftOut));
  const records = staff.records;
  const establishment = tables.establishment
    ? readEstablishment(new TableReader(tables.establishment, "establishment", leftOut))
    : { lines: [], places: [], cells: [] };
  establishment.lines.forEach((line, i) => cellsOf(line.staffGroup).establishment.push(establishment.cells[i]!));
  const baseline = aggregateStaff(records, establishment.lines, (i, kind) => (kind === "staff" ? staff.places : establishment.places)[i]!);

  // Names that match nothing in the other tables, every one at once, each with its cell and the name most likely meant.
  const unknown: string[] = [];
  const groupNames = baseline.map((g) => g.name);
  // A group all of whose staff rows were left out is known; rows that need it are left out too, saying why.
  const staffReader = new TableReader(tables.staff!, "staff");
  const staffGroupColumn = staffReader.column("staffGroup");
  const written = new Set([...staffReader.filled()].map((row) => staffReader.text(row, staffGroupColumn)));
  const knownGroup = (reader: TableReader, row: number, column: number, what: string): boolean => {
    const name = reader.text(row, column);
    if (groupNames.includes(name)) return true;
    if (written.has(name)) return reader.leaveOut(row, column, `${what} "${name}" has no row of the staff table that can be used`);
    unknown.push(
      `${reader.place(row, column)}: ${what} "${name}" is not a staff group of the staff table ${tables.staff!.name}${didYouMean(name, groupNames)}`,
    );
    return false;
  };

  // People per FTE, to turn flows counted in heads into FTE.
  const headsByGroup = new Map<string, number>();
  for (const r of records)
    if ((r.assignmentType ?? "substantive") === "substantive") headsByGroup.set(r.staffGroup, (headsByGroup.get(r.staffGroup) ?? 0) + 1);
  const temporary = tables.temporary ? readTemporary(new TableReader(tables.temporary, "temporary", leftOut)) : new Map();
  const flows = new Map<string, { leaverRate: number; startersFte: number }>();
  if (tables.flows) {
    const reader = new TableReader(tables.flows, "flows", leftOut);
    const group = reader.column("staffGroup");
    const leavers = reader.column("leavers");
    const headcount = reader.column("averageHeadcount");
    const starters = reader.column("starters", false);
    for (const row of reader.filled()) {
      const name = reader.text(row, group);
      if (!knownGroup(reader, row, group, "staff group")) continue;
      const inPost = baseline.find((g) => g.name === name)?.grades.reduce((sum, g) => sum + g.inPostFte, 0) ?? 0;
      const ftePerHead = inPost > 0 ? inPost / (headsByGroup.get(name) ?? 1) : 1;
      const out = reader.amount(row, leavers, "leavers");
      const heads = reader.amount(row, headcount, "average headcount");
      const joined = starters >= 0 ? reader.amount(row, starters, "starters") : 0;
      if ([out, heads, joined].some(Number.isNaN)) continue;
      let rate: number;
      try {
        rate = leaverRate(out, heads);
      } catch (error) {
        reader.leaveOut(row, headcount, (error as Error).message);
        continue;
      }
      flows.set(name, { leaverRate: rate, startersFte: joined * ftePerHead });
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
    const chosen = Object.fromEntries(
      (choices.groupDrivers ?? []).filter((d) => d.staffGroup === group.name).map((d) => [d.driver, d.value]),
    ) as Partial<
      Record<Exclude<GroupDriver, "bankPremium" | "agencyPremium">, ChoiceDriver> & Record<"bankPremium" | "agencyPremium", number>
    >;
    return { name: group.name, grades, leaverRate: flow?.leaverRate ?? 0, starters: flow?.startersFte ?? 0, ...chosen };
  });

  // Activity totals by service line, and the minutes each staff group gives a unit.
  const activityReader = new TableReader(tables.activity!, "activity", leftOut);
  const lineColumn = activityReader.column("serviceLine");
  const totalColumn = activityReader.column("total");
  const unitColumn = activityReader.column("unit", false);
  const activity = new Map<string, { total: number; unit: string }>();
  for (const row of activityReader.filled()) {
    const total = activityReader.amount(row, totalColumn, "activity");
    if (Number.isNaN(total)) continue;
    activity.set(activityReader.text(row, lineColumn), {
      total,
      unit: unitColumn >= 0 ? activityReader.text(row, unitColumn) : "units",
    });
  }
  const standardsReader = new TableReader(tables.standards!, "standards", leftOut);
  const sLine = standardsReader.column("serviceLine");
  const sGroup = standardsReader.column("staffGroup");
  const sMinutes = standardsReader.column("minutes");
  const staffing = new Map<string, { staffGroup: string; minutesPerUnit: number }[]>();
  for (const row of standardsReader.filled()) {
    const line = standardsReader.text(row, sLine);
    if (!knownGroup(standardsReader, row, sGroup, "staff group")) continue;
    if (!activity.has(line)) {
      unknown.push(
        `${standardsReader.place(row, sLine)}: service line "${line}" is not in the activity plan ${tables.activity!.name}${didYouMean(line, [...activity.keys()])} (it has ${[...activity.keys()].join(", ")})`,
      );
      continue;
    }
    const minutesPerUnit = standardsReader.amount(row, sMinutes, "minutes per unit");
    if (Number.isNaN(minutesPerUnit)) continue;
    cellsOf(standardsReader.text(row, sGroup)).standards.push(standardsReader.cell(row, sMinutes));
    staffing.set(line, [...(staffing.get(line) ?? []), { staffGroup: standardsReader.text(row, sGroup), minutesPerUnit }]);
  }
  const lineDrivers = new Map((choices.lineDrivers ?? []).map((d) => [d.serviceLine, d]));
  const serviceLines = [...staffing].map(([name, lines]) => ({
    name,
    unit: activity.get(name)!.unit,
    activity: activity.get(name)!.total,
    staffing: lines,
    ...(lineDrivers.get(name)?.growth !== undefined ? { growth: lineDrivers.get(name)!.growth } : {}),
    ...(lineDrivers.get(name)?.productivity !== undefined ? { productivity: lineDrivers.get(name)!.productivity } : {}),
  }));

  const payBudget: NonNullable<ScenarioInput["payBudget"]> = [];
  if (tables.budget) {
    const reader = new TableReader(tables.budget, "budget", leftOut);
    const group = reader.column("staffGroup");
    const amount = reader.column("budget");
    const centre = reader.column("costCentre", false);
    for (const row of reader.filled()) {
      if (!knownGroup(reader, row, group, "staff group")) continue;
      const value = reader.amount(row, amount, "budget");
      if (Number.isNaN(value)) continue;
      cellsOf(reader.text(row, group)).budget.push(reader.cell(row, amount));
      payBudget.push({
        staffGroup: reader.text(row, group),
        costCentre: centre >= 0 ? reader.text(row, centre) : undefined,
        amount: value,
      });
    }
  }

  // The planner's own drivers name staff groups too.
  for (const [what, list] of [
    ["new role", choices.newRoles ?? []],
    ["upskilling", choices.skillShift ?? []],
    ["a staff group's driver", choices.groupDrivers ?? []],
  ] as const) {
    for (const item of list) {
      if (!groupNames.includes(item.staffGroup))
        unknown.push(
          `${what}: staff group "${item.staffGroup}" is not a staff group of the staff table ${tables.staff!.name}${didYouMean(item.staffGroup, groupNames)}`,
        );
    }
  }

  const lines = [...staffing.keys()];
  for (const { serviceLine } of choices.lineDrivers ?? [])
    if (!staffing.has(serviceLine))
      unknown.push(
        `by service line: "${serviceLine}" is not a service line of the activity plan and staffing standards${didYouMean(serviceLine, lines)}`,
      );
  if (unknown.length)
    fail("value", `${unknown.length} name${unknown.length > 1 ? "s match" : " matches"} nothing: ${unknown.join("; ")}`, "names");

  // Every scenario-wide driver of the table, as chosen or at its default (a choice's first value, else none).
  const chosen = (home: "drivers" | "options") =>
    Object.fromEntries(
      SCALAR_DRIVERS.filter((d) => d.home === home).map((d) => [
        d.key,
        (choices as Record<string, unknown>)[d.key] ?? ("choices" in d ? d.choices[0]!.value : 0),
      ]),
    );
  const input: ScenarioInput = {
    name: choices.name,
    startYear: choices.startYear,
    payTable: tables.payTable ? readPayTableRows(new TableReader(tables.payTable, "payTable")) : undefined,
    horizonYears: choices.horizonYears,
    ...(choices.inputs && Object.keys(choices.inputs).length ? { inputs: choices.inputs } : {}),
    options: chosen("options"),
    staffGroups,
    serviceLines,
    payBudget,
    drivers: {
      ...chosen("drivers"),
      ...(choices.collaborativeBank ? { collaborativeBank: choices.collaborativeBank } : {}),
      newRoles: choices.newRoles ?? [],
      skillShift: choices.skillShift ?? [],
    },
  };
  return { input, leftOut, cells };
}
