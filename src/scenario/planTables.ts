import { parsePostGrade, standardHours } from "../reference/grades.ts";
import { parseArea } from "../workforce/highCostArea.ts";
import { parsePayPoint, postPoint } from "../workforce/pay.ts";
import type { AssignmentType, EstablishmentLine, StaffRecord } from "./baseline.ts";
import type { ScenarioInput } from "./schema.ts";
import type { CellRef, TableReader } from "./tableReader.ts";

/*
 * The readers of each of the plan's tables: the staff extract, the
 * establishment, bank and agency use, and a pay table. Each reads its columns
 * by header through a TableReader and leaves out, with its cell, any row it
 * cannot use.
 */

const normal = (text: string) => text.trim().toLowerCase();

/** Staff records, with each one's place on the sheet for errors; a row whose band, point, area or hours cannot be used is left out and listed. */
export function readStaff(reader: TableReader): { records: StaffRecord[]; places: string[] } {
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

export function readEstablishment(reader: TableReader): { lines: EstablishmentLine[]; places: string[]; cells: CellRef[] } {
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

/** A staff group's bank and agency use in the linked table: its average WTE, and its spend summed where the table has spend columns. */
export interface TemporaryUse {
  bank: number;
  agency: number;
  /** Pounds over the table's rows (its months: the year before the plan), where it has a Bank spend and an Agency spend column. */
  bankSpend?: number;
  agencySpend?: number;
  /** The rows' cells, for following the temporary staffing check to them. */
  cells: CellRef[];
}

/**
 * Bank and agency use by staff group: the WTE averaged over the table's rows
 * (one a month, or one a group), and the spend, where the table gives it,
 * summed over them. A row whose figures are not numbers is left out.
 */
export function readTemporary(reader: TableReader): Map<string, TemporaryUse> {
  const group = reader.column("staffGroup");
  const bank = reader.column("bankFte");
  const agency = reader.column("agencyFte");
  const bankSpend = reader.column("bankSpend", false);
  const agencySpend = reader.column("agencySpend", false);
  const spend = bankSpend >= 0 && agencySpend >= 0;
  const sums = new Map<string, TemporaryUse & { rows: number }>();
  for (const row of reader.filled()) {
    const name = reader.text(row, group);
    const sum = sums.get(name) ?? { bank: 0, agency: 0, rows: 0, cells: [], ...(spend ? { bankSpend: 0, agencySpend: 0 } : {}) };
    const figures = [
      reader.amount(row, bank, "bank FTE"),
      reader.amount(row, agency, "agency FTE"),
      ...(spend ? [reader.amount(row, bankSpend, "bank spend"), reader.amount(row, agencySpend, "agency spend")] : []),
    ];
    if (figures.some(Number.isNaN)) continue;
    const [bankFte, agencyFte, bankPounds, agencyPounds] = figures as [number, number, number?, number?];
    sum.bank += bankFte;
    sum.agency += agencyFte;
    if (spend) {
      sum.bankSpend! += bankPounds!;
      sum.agencySpend! += agencyPounds!;
    }
    sum.cells.push(reader.cell(row, spend ? agencySpend : agency));
    sum.rows++;
    sums.set(name, sum);
  }
  return new Map([...sums].map(([name, { rows, ...s }]) => [name, { ...s, bank: s.bank / rows, agency: s.agency / rows }]));
}

/** A pay table's rows as they stand, each with its place; the model validates them all at once when it runs. */
export function readPayTableRows(reader: TableReader): NonNullable<ScenarioInput["payTable"]> {
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
