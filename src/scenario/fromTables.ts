import { fail } from "../errors.ts";
import { leaverRate } from "../workforce/rates.ts";
import { aggregateStaff } from "./baseline.ts";
import type { ScenarioChoices } from "./choices.ts";
import { monthColumns } from "../months/monthColumns.ts";
import { SCALAR_DRIVERS, unchosen, type GroupDriver } from "./driverTable.ts";
import { proposeLinks, ROLES, type TableRole } from "./link.ts";
import { didYouMean } from "./nearestName.ts";
import { readActualMonth } from "../months/actualMonth.ts";
import { readEstablishment, readPayTableRows, readStaff, readTemporary, type TemporaryUse } from "./planTables.ts";
import type { ScenarioInput } from "./schema.ts";
import { leftOutText, TableReader, type CellRef, type LeftOutRow, type TableData } from "./tableReader.ts";

/*
 * Builds a scenario from the tables planners keep in their workbooks: an
 * ESR-style staff extract, establishment, an activity plan, staffing standards,
 * the pay budget, bank and agency use, and leavers and starters. Columns are
 * found by their headers, so the tables can be laid out as the trust likes;
 * every problem names the table, sheet, row and column. One table's reader
 * is tableReader.ts, each table's readers planTables.ts, and the planner's
 * choices choices.ts.
 */

/** Which table plays each part, judged by its headers (and, where they do not decide, its values): the best that fits wins. */
export function detectPlanTables(
  tables: readonly { name: string; headers: readonly string[]; sample?: readonly (readonly unknown[])[] }[],
): Partial<Record<TableRole, string>> {
  const links = proposeLinks(tables.map((t) => ({ id: t.name, headers: t.headers, sample: t.sample ?? [] })));
  return Object.fromEntries(Object.entries(links).map(([role, link]) => [role, link!.source]));
}

/** The cells behind a staff group's figures, for following a check that fails to the rows that cause it. */
export interface GroupCells {
  /** The staffing standards rows that make its need. */
  standards: CellRef[];
  /** Its pay budget rows. */
  budget: CellRef[];
  /** Its establishment rows. */
  establishment: CellRef[];
  /** Its rows of bank and agency use, behind the temporary staffing check. */
  temporary: CellRef[];
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
    if (!found) cells.set(group, (found = { standards: [], budget: [], establishment: [], temporary: [] }));
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
  const temporary: Map<string, TemporaryUse> = tables.temporary
    ? readTemporary(new TableReader(tables.temporary, "temporary", leftOut))
    : new Map();
  // The year before's bank and agency spend by staff group, where the table gives it: the temporary staffing check's baseline.
  const spendBefore = [...temporary].flatMap(([staffGroup, use]) => {
    if (use.agencySpend === undefined || !baseline.some((g) => g.name === staffGroup)) return [];
    cellsOf(staffGroup).temporary.push(...use.cells);
    return [{ staffGroup, bankSpend: use.bankSpend!, agencySpend: use.agencySpend }];
  });
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

  // Actuals month by month, for the plan year's first months: rows summed by month and staff group, a bad month or figure left out.
  const actuals: NonNullable<ScenarioInput["actuals"]> = [];
  if (tables.actuals) {
    const reader = new TableReader(tables.actuals, "actuals", leftOut);
    const [month, group, substantive, bank, agency] = (["month", "staffGroup", "substantiveFte", "bankFte", "agencyFte"] as const).map(
      (f) => reader.column(f),
    ) as [number, number, number, number, number];
    const pay = reader.column("paySpend", false);
    const sums = new Map<string, NonNullable<ScenarioInput["actuals"]>[number]>();
    for (const row of reader.filled()) {
      if (!knownGroup(reader, row, group, "staff group")) continue;
      const read = readActualMonth(reader.table.rows[row]?.[month], choices.startYear);
      if ("problem" in read) {
        reader.leaveOut(row, month, `month ${JSON.stringify(reader.table.rows[row]?.[month] ?? "")} ${read.problem}`);
        continue;
      }
      const figures = [
        reader.amount(row, substantive, "substantive WTE"),
        reader.amount(row, bank, "bank WTE"),
        reader.amount(row, agency, "agency WTE"),
        ...(pay >= 0 ? [reader.amount(row, pay, "pay spend")] : []),
      ];
      if (figures.some(Number.isNaN)) continue;
      const staffGroup = reader.text(row, group);
      const key = `${read.month}|${staffGroup}`;
      const sum = sums.get(key) ?? {
        month: read.month,
        staffGroup,
        substantiveFte: 0,
        bankFte: 0,
        agencyFte: 0,
        ...(pay >= 0 ? { paySpend: 0 } : {}),
      };
      sum.substantiveFte += figures[0]!;
      sum.bankFte += figures[1]!;
      sum.agencyFte += figures[2]!;
      if (pay >= 0) sum.paySpend! += figures[3]!;
      sums.set(key, sum);
    }
    actuals.push(...[...sums.values()].sort((a, b) => a.month - b.month || a.staffGroup.localeCompare(b.staffGroup)));
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
    ) as Partial<Pick<ScenarioInput["staffGroups"][number], GroupDriver>>;
    return { name: group.name, grades, leaverRate: flow?.leaverRate ?? 0, starters: flow?.startersFte ?? 0, ...chosen };
  });

  // Activity totals by service line, and the minutes each staff group gives a unit.
  const activityReader = new TableReader(tables.activity!, "activity", leftOut);
  const lineColumn = activityReader.column("serviceLine");
  const totalColumn = activityReader.column("total");
  const unitColumn = activityReader.column("unit", false);
  // Its months, where it gives all twelve: the months' demand follows them.
  const monthColumnsOf = monthColumns(tables.activity!.headers);
  const activity = new Map<string, { total: number; unit: string; months?: number[] }>();
  for (const row of activityReader.filled()) {
    const total = activityReader.amount(row, totalColumn, "activity");
    if (Number.isNaN(total)) continue;
    const months = monthColumnsOf?.map((column) => activityReader.amount(row, column, `${tables.activity!.headers[column]} activity`));
    if (months?.some(Number.isNaN)) continue;
    activity.set(activityReader.text(row, lineColumn), {
      total,
      unit: unitColumn >= 0 ? activityReader.text(row, unitColumn) : "units",
      ...(months ? { months } : {}),
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
    ...(activity.get(name)!.months ? { months: activity.get(name)!.months } : {}),
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
      SCALAR_DRIVERS.filter((d) => d.home === home).map((d) => [d.key, (choices as Record<string, unknown>)[d.key] ?? unchosen(d)]),
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
    ...(spendBefore.length ? { spendBefore } : {}),
    ...(actuals.length ? { actuals } : {}),
    drivers: {
      ...chosen("drivers"),
      ...(choices.collaborativeBank ? { collaborativeBank: choices.collaborativeBank } : {}),
      newRoles: choices.newRoles ?? [],
      skillShift: choices.skillShift ?? [],
    },
  };
  return { input, leftOut, cells };
}
