import { fail } from "../errors.ts";
import { parsePostGrade, standardHours, type Grade } from "../reference/index.ts";
import { parseArea } from "../workforce/highCostArea.ts";
import { parsePayPoint, postPoint } from "../workforce/pay.ts";

/*
 * Builds a scenario's baseline from an ESR-style extract: one row per
 * assignment, with its staff group, band and contracted hours. Establishment
 * comes from the finance plan's establishment table.
 */

export type AssignmentType = "substantive" | "bank" | "agency";

export interface StaffRecord {
  staffGroup: string;
  band: unknown;
  contractedHours: number;
  /** Substantive unless said otherwise. */
  assignmentType?: AssignmentType;
  costCentre?: string;
  /** The row's pay point as the workbook has it (blank: the scenario's default point; a training grade brings its own). */
  payPoint?: string | number;
  /** The row's high cost area (blank: the scenario's area). */
  area?: string;
}

export interface EstablishmentLine {
  staffGroup: string;
  band: unknown;
  establishmentFte: number;
  costCentre?: string;
}

export interface BaselineGradeLine {
  /** The band or grade as the scenario names it: "5", "Consultant", or a training grade such as "ST4". */
  grade: string;
  establishmentFte: number;
  inPostFte: number;
  bankFte: number;
  agencyFte: number;
  /**
   * Who is in post, by distinct FTE, pay point and area, each with how many
   * rows have it: a scenario costs each person at their own point and area,
   * and National Insurance per person, as the workbook's own WFP.COST does.
   */
  posts?: InPostKind[];
}

export interface InPostKind {
  fte: number;
  count: number;
  point?: string | number;
  area?: string;
}

export interface BaselineStaffGroup {
  name: string;
  grades: BaselineGradeLine[];
}

/**
 * Sums FTE (contracted hours / standard hours for the grade) by staff group and
 * grade. `where(i)` says where record i came from, for errors ("Staff!C12").
 */
export function aggregateStaff(
  records: readonly StaffRecord[],
  establishment: readonly EstablishmentLine[] = [],
  where: (index: number, kind: "staff" | "establishment") => string = (i, kind) => `${kind} row ${i + 1}`,
): BaselineStaffGroup[] {
  const groups = new Map<string, Map<string, BaselineGradeLine>>();
  const lineFor = (group: string, grade: string) => {
    let grades = groups.get(group);
    if (!grades) groups.set(group, (grades = new Map()));
    let line = grades.get(grade);
    if (!line) grades.set(grade, (line = { grade, establishmentFte: 0, inPostFte: 0, bankFte: 0, agencyFte: 0 }));
    return line;
  };
  const hoursFor = new Map<Grade, number>();
  const kinds = new Map<BaselineGradeLine, Map<string, InPostKind>>();
  records.forEach((record, i) => {
    const post = withPlace(() => parsePostGrade(record.band), where(i, "staff"));
    const point = isBlank(record.payPoint) ? undefined : record.payPoint;
    const area = isBlank(record.area) ? undefined : record.area;
    withPlace(
      () => {
        postPoint(post, point === undefined ? undefined : parsePayPoint(point, "pay point"));
        if (area !== undefined) parseArea(area);
      },
      where(i, "staff"),
    );
    requireAmount(record.contractedHours, `${where(i, "staff")}: contracted hours`, "contractedHours");
    let hours = hoursFor.get(post.grade);
    if (hours === undefined) hoursFor.set(post.grade, (hours = standardHours(post.grade)));
    const fte = record.contractedHours / hours;
    const line = lineFor(record.staffGroup, post.trainingGrade ?? post.grade);
    const type = record.assignmentType ?? "substantive";
    if (type === "bank") line.bankFte += fte;
    else if (type === "agency") line.agencyFte += fte;
    else {
      line.inPostFte += fte;
      let byKind = kinds.get(line);
      if (!byKind) kinds.set(line, (byKind = new Map()));
      const key = `${fte}|${typeof point}|${String(point)}|${String(area)}`;
      const known = byKind.get(key);
      if (known) known.count++;
      else byKind.set(key, { fte, count: 1, ...(point === undefined ? {} : { point }), ...(area === undefined ? {} : { area }) });
    }
  });
  for (const [line, byKind] of kinds) line.posts = [...byKind.values()];
  establishment.forEach((row, i) => {
    const post = withPlace(() => parsePostGrade(row.band), where(i, "establishment"));
    requireAmount(row.establishmentFte, `${where(i, "establishment")}: establishment FTE`, "establishmentFte");
    lineFor(row.staffGroup, post.trainingGrade ?? post.grade).establishmentFte += row.establishmentFte;
  });
  return [...groups].map(([name, grades]) => ({ name, grades: [...grades.values()] }));
}

/** A count of hours or FTE from a workbook row: a number of 0 or more, or #VALUE! saying where. */
const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === "string" && value.trim() === "");

function requireAmount(value: number, what: string, field: string): void {
  if (!Number.isFinite(value) || value < 0) fail("value", `${what} ${String(value)} must be a number of 0 or more`, field);
}

function withPlace<T>(read: () => T, place: string): T {
  try {
    return read();
  } catch (error) {
    return fail("value", `${place}: ${(error as Error).message}`, place);
  }
}
