import { fail } from "../errors.ts";
import { gradeLabel, parsePostGrade, standardHours, type Grade } from "./grades.ts";
import type { PayScale, WorkbookSource } from "./payScaleSchema.ts";
import { parseFinancialYear, type FinancialYear } from "./years.ts";

/*
 * A pay table the planner keeps in the workbook: one row per year, band or
 * grade and pay point, with its annual pay and optionally its weekly hours.
 * NHS Wales, Scotland and Northern Ireland pay other Agenda for Change tables,
 * a trust may plan with an award whose table is not published yet, and a
 * finance lead may want payroll's own figures: the rows it holds override
 * wfplan's figures; everything else still comes from src/reference.
 */

/** One row as read from the workbook, with where it is for errors ("row 4", "Pay tables!B7"). */
export interface PayTableRowInput {
  year: unknown;
  grade: unknown;
  point: unknown;
  annual: unknown;
  hours?: unknown;
  place: string;
}

export interface PayTableRow {
  year: FinancialYear;
  grade: Grade;
  /** The point as the table names it, lower case: "top", "2", "2a". */
  point: string;
  annual: number;
  hours?: number;
  place: string;
}

export interface PayTable {
  source: WorkbookSource;
  rows: readonly PayTableRow[];
  /** The table's rows for a grade and year, or undefined when it holds none. */
  rowsFor(grade: Grade, year: FinancialYear): readonly PayTableRow[] | undefined;
  /** Years the table holds for a grade. */
  yearsFor(grade: Grade): FinancialYear[];
  /** Scales already merged with the reference data, by "grade|year". */
  merged: Map<string, PayScale>;
}

const blank = (value: unknown) => value === null || value === undefined || (typeof value === "string" && value.trim() === "");

function amount(value: unknown): number {
  const number = typeof value === "number" ? value : typeof value === "string" ? Number(value.replace(/[£,\s]/g, "")) : NaN;
  return Number.isFinite(number) ? number : NaN;
}

/**
 * Validates every row at once: one error lists each bad row with its place.
 * Wholly blank rows are skipped; a training grade ("FY1") in the grade column
 * gives its nodal point when the point is blank.
 */
export function readPayTable(rows: readonly PayTableRowInput[], title: string): PayTable {
  const problems: string[] = [];
  const read: PayTableRow[] = [];
  const seen = new Map<string, string>();
  for (const row of rows) {
    if ([row.year, row.grade, row.point, row.annual, row.hours].every(blank)) continue;
    const wrong = (what: string) => problems.push(`${row.place}: ${what}`);
    let year: FinancialYear | undefined;
    let grade: Grade | undefined;
    let point: string | undefined;
    try {
      year = parseFinancialYear(row.year, "year");
    } catch (error) {
      wrong((error as Error).message);
    }
    try {
      const post = parsePostGrade(row.grade, "band or grade");
      grade = post.grade;
      // "Point 2", "Threshold 3", "NP4" name the point as "2", "3", "4" do.
      if (!blank(row.point))
        point = String(row.point)
          .trim()
          .toLowerCase()
          .replace(/^(?:pay point|nodal point|threshold|point|np)\s*(?=\d)/, "");
      else if (post.nodalPoint !== undefined) point = String(post.nodalPoint);
      else wrong(`the point is missing for ${gradeLabel(post.grade)}: write "entry", "intermediate", "top" or a point number`);
    } catch (error) {
      wrong((error as Error).message);
    }
    const annual = amount(row.annual);
    if (!(annual > 0)) wrong(`annual pay ${JSON.stringify(row.annual ?? "")} must be a number of pounds above 0`);
    const hours = blank(row.hours) ? undefined : amount(row.hours);
    if (hours !== undefined && !(hours > 0 && hours <= 168))
      wrong(`weekly hours ${JSON.stringify(row.hours)} must be a number from 1 to 168`);
    if (!year || !grade || point === undefined || !(annual > 0) || (hours !== undefined && !(hours > 0 && hours <= 168))) continue;
    const key = `${year}|${grade}|${point}`;
    const earlier = seen.get(key);
    if (earlier) wrong(`${year} ${gradeLabel(grade)} point ${point} is also at ${earlier}: keep one row for each year, grade and point`);
    seen.set(key, row.place);
    read.push({ year, grade, point, annual, hours, place: row.place });
  }
  if (problems.length) fail("value", `the pay table ${title} has ${problems.length} bad row(s): ${problems.join("; ")}`, "pay_table");

  const byScale = new Map<string, PayTableRow[]>();
  for (const row of read) {
    const key = `${row.grade}|${row.year}`;
    byScale.set(key, [...(byScale.get(key) ?? []), row]);
  }
  return {
    source: { kind: "workbook", title },
    rows: read,
    rowsFor: (grade, year) => byScale.get(`${grade}|${year}`),
    yearsFor: (grade) => [...new Set(read.filter((r) => r.grade === grade).map((r) => r.year))].sort((a, b) => b.localeCompare(a)),
    merged: new Map(),
  };
}

const HEADERS = {
  year: ["year", "financial year", "pay year"],
  grade: ["band or grade", "band", "grade", "pay band", "afc band", "staff grade"],
  point: ["point", "pay point", "step", "spine point", "nodal point", "threshold"],
  annual: ["annual pay", "annual", "pay", "salary", "annual salary", "basic pay", "annual basic pay"],
  hours: ["hours", "weekly hours", "standard hours", "hours a week"],
} as const;

/**
 * A pay table given as a range (a function's argument): with a header row whose
 * names say which column is which, or without, in the order Year, Band or
 * grade, Point, Annual pay, and optionally Hours.
 */
export function payTableFromCells(cells: readonly (readonly unknown[])[], argument = "pay_table"): PayTable {
  const first = cells[0] ?? [];
  const names = first.map((cell) => (typeof cell === "string" ? cell.trim().toLowerCase() : ""));
  const hasHeader = names.some((name) => (HEADERS.annual as readonly string[]).includes(name));
  const column = (key: keyof typeof HEADERS, position: number) => {
    if (!hasHeader) return position;
    return names.findIndex((name) => (HEADERS[key] as readonly string[]).includes(name));
  };
  const columns = {
    year: column("year", 0),
    grade: column("grade", 1),
    point: column("point", 2),
    annual: column("annual", 3),
    hours: column("hours", 4),
  };
  const missing = (["year", "grade", "point", "annual"] as const).filter((key) => columns[key] < 0);
  if (missing.length) {
    fail(
      "value",
      `${argument} has a header row without ${missing.map((key) => `"${HEADERS[key][0]}"`).join(", ")}: its columns are Year, Band or grade, Point, Annual pay and optionally Hours`,
      argument,
    );
  }
  if (!hasHeader && first.length < 4) {
    fail("value", `${argument} needs 4 or 5 columns: Year, Band or grade, Point, Annual pay and optionally Hours`, argument);
  }
  const rows = cells.slice(hasHeader ? 1 : 0).map((row, i) => ({
    year: row[columns.year],
    grade: row[columns.grade],
    point: row[columns.point],
    annual: row[columns.annual],
    hours: columns.hours >= 0 ? row[columns.hours] : undefined,
    place: `${argument} row ${i + (hasHeader ? 2 : 1)}`,
  }));
  return readPayTable(rows, argument);
}

const NAMED_ORDER: Record<string, number> = { entry: 0, intermediate: 1, top: 2 };

/** Which point of `scale` a table row names, or -1: by name, "entry", "top", or a number's position. */
export function matchPoint(scale: PayScale, point: string): number {
  const byName = scale.points.findIndex((p) => p.name.toLowerCase() === point);
  if (byName >= 0) return byName;
  if (point === "entry") return 0;
  if (point === "top") return scale.points.length - 1;
  if (/^\d+$/.test(point) && !scale.points.some((p) => /^\d/.test(p.name))) {
    const index = Number(point) - 1;
    return index >= 0 && index < scale.points.length ? index : -1;
  }
  return -1;
}

function hoursOf(rows: readonly PayTableRow[], fallback: number, label: string): number {
  const given = [...new Set(rows.flatMap((r) => (r.hours === undefined ? [] : [r.hours])))];
  if (given.length > 1) {
    fail(
      "value",
      `the pay table gives ${label} ${given.join(" and ")} weekly hours (${rows.map((r) => r.place).join(", ")}): give one`,
      "pay_table",
    );
  }
  return given[0] ?? fallback;
}

/**
 * The scale for a grade and year with the table's rows laid over the reference
 * scale (`builtIn`), or made from the rows alone when wfplan holds none.
 */
export function mergePayTable(table: PayTable, grade: Grade, year: FinancialYear, builtIn: PayScale | undefined): PayScale | undefined {
  const rows = table.rowsFor(grade, year);
  if (!rows) return builtIn;
  const key = `${grade}|${year}`;
  const cached = table.merged.get(key);
  if (cached) return cached;
  const label = `${year} ${gradeLabel(grade)}`;
  let scale: PayScale;
  if (builtIn) {
    const points = builtIn.points.map((p) => ({ ...p }));
    const unmatched: string[] = [];
    for (const row of rows) {
      const index = matchPoint(builtIn, row.point);
      if (index < 0) unmatched.push(`${row.place} names point "${row.point}"`);
      else points[index]!.annual = row.annual;
    }
    if (unmatched.length) {
      const held = builtIn.points.map((p, i) => `${i + 1} (${p.name})`).join(", ");
      fail("value", `the pay table's ${label} rows must name its points, ${held}: ${unmatched.join("; ")}`, "pay_table");
    }
    scale = { ...builtIn, points, weeklyHours: hoursOf(rows, builtIn.weeklyHours, label), source: table.source, caveat: undefined };
  } else {
    const rank = (point: string) => NAMED_ORDER[point] ?? (/^\d+/.test(point) ? 10 + parseFloat(point) : 100);
    const ordered = [...rows].sort((a, b) => rank(a.point) - rank(b.point) || a.annual - b.annual);
    scale = {
      grade,
      year,
      effectiveFrom: `${year.slice(0, 4)}-04-01`,
      weeklyHours: hoursOf(rows, standardHours(grade), label),
      points: ordered.map((row) => ({ name: row.point, annual: row.annual })),
      source: table.source,
    };
  }
  table.merged.set(key, scale);
  return scale;
}
