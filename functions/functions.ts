/*
 * The WFP custom functions. Each is a thin wrapper: read the arguments, call
 * the planning model in src/, return cells. Names and argument order are a
 * contract with every workbook that uses them: never reorder or rename.
 *
 * The JSDoc below is the source of functions.json (custom-functions-metadata)
 * and of the README's function reference.
 */
import {
  activityFte,
  careHoursPerPatientDay,
  employerOnCosts,
  employerOnCostsInto,
  DEFAULT_PENSION_BASIS,
  fail,
  fteFromHours,
  fteShare,
  headcountFromFte,
  headroom,
  highCostAreaSupplement,
  latestOnCostYear,
  leaverRate,
  mixCostPerWte,
  nursingEstablishmentFte,
  parseArea,
  parseFinancialYear,
  parsePayPoint,
  parsePostGrade,
  postPoint,
  quoteValue,
  hcasYearsHeld,
  loadPayTableCells,
  parseUpliftMethod,
  costBasis,
  costOfFte,
  emptyCostParts,
  onCostYear,
  projectSupply,
  vacancyRate,
  wisnRatio,
  wisnRequiredStaff,
  availableWorkingTime,
  basicPay,
  AFC_ANNUAL_HOURS,
} from "../src/calculations.ts";
import { elementwise, elementwiseBy, single, withWholeArgument } from "./broadcast.ts";
import { asMatrix, cellsOf, isBlank, type CellValue } from "./cells.ts";
import { ELEMENTWISE, ONE_VALUE, type CatalogueEntry } from "./shape.ts";
import { toNumber, toText } from "./coerce.ts";

const optional = <T>(fallback: T) => ({ fallback });

/** One set of cost parts reused for every row: the cost of a row is read from it at once. */
const scratch = emptyCostParts();
const onCostScratch = employerOnCosts(0, latestOnCostYear());

/** Numbers of a range, skipping blanks, for arguments that take a list. */
function numbersOf(value: unknown, argument: string): number[] {
  return cellsOf(asMatrix(value))
    .filter((cell) => !isBlank(cell))
    .map((cell) => toNumber(cell, argument));
}

/** The one value of an argument that takes a single value; undefined when omitted or blank. */
function singleValue(value: unknown, argument: string) {
  const cells = cellsOf(asMatrix(value));
  if (cells.length > 1) fail("value", `${argument} takes one value, not a range of ${cells.length} cells`, argument);
  return isBlank(cells[0]) ? undefined : cells[0];
}

/**
 * Full-time equivalent from contracted hours a week (NHS Digital: hours / standard hours).
 * @customfunction FTE
 * @helpurl https://localhost:3000/help.html#FTE
 * @param hours Contracted hours a week: a number or a range.
 * @param [standard_hours] Standard full-time hours a week: 37.5 for Agenda for Change (the default), 40 for medical staff.
 * @returns FTE for each value, spilled in the shape of the range.
 */
export function fte(hours: any[][], standard_hours?: any[][]): any[][] {
  return elementwise(
    [
      { name: "hours", value: hours },
      { name: "standard_hours", value: standard_hours, ...optional(37.5) },
    ],
    fteFromHours,
  );
}

/**
 * People needed to provide an FTE, rounded up.
 * @customfunction HEADCOUNT
 * @helpurl https://localhost:3000/help.html#HEADCOUNT
 * @param fte FTE needed: a number or a range.
 * @param [fte_per_head] Average FTE each person works (default 1).
 * @returns Headcount for each value.
 */
export function headcount(fte: any[][], fte_per_head?: any[][]): any[][] {
  return elementwise(
    [
      { name: "fte", value: fte },
      { name: "fte_per_head", value: fte_per_head, ...optional(1) },
    ],
    headcountFromFte,
  );
}

/**
 * Annual basic pay for a whole-time post, by band or medical grade, point and year.
 * @customfunction PAY
 * @helpurl https://localhost:3000/help.html#PAY
 * @param band Band or grade: 5, "Band 5", "8a"; "FY1", "ST4" (a resident doctor's nodal point follows the grade), "Resident doctor", "Consultant", "Specialty doctor", "Specialist".
 * @param [point] Pay point: 1 (entry), 2, 3, "entry", "intermediate", "mid" (mean of the points), "top" (the default); a consultant threshold 1, "2a", "2b", 3, 4; or years completed, "8 years".
 * @param [year] Financial year: "2025/26", "2025-26" or 2025 (default: the newest year held for the grade, the pay table's included).
 * @param [pay_table] A pay table in the workbook (Year, Band or grade, Point, Annual pay, optionally Hours; a header row is optional): its rows override wfplan's figures.
 * @returns Annual basic pay in pounds.
 */
export function pay(band: any[][], point?: any[][], year?: any[][], pay_table?: any[][]): any[][] {
  return withWholeArgument(
    () => payTableArgument(pay_table),
    [band, point, year],
    (table) =>
      elementwiseBy(
        [
          { name: "band", value: band, key: true },
          { name: "point", value: point, key: true, ...optional<unknown>(undefined) },
          { name: "year", value: year, key: true, ...optional<unknown>(undefined) },
        ],
        (b, p, y) => {
          const { grade, point } = gradeAndPoint(b, p);
          return basicPay(grade, point, y === undefined ? undefined : parseFinancialYear(y), table).annual;
        },
        (annual: number) => annual,
      ),
  );
}

/** A band or grade cell and a point cell as one post: a training grade ("ST4") brings its own nodal point. */
function gradeAndPoint(band: unknown, point: unknown) {
  const post = parsePostGrade(band);
  return { grade: post.grade, point: postPoint(post, point === undefined ? undefined : parsePayPoint(point)) };
}

/** A pay table given as a range, or undefined when the argument is omitted or blank. */
function payTableArgument(value: unknown) {
  const matrix = asMatrix(value);
  if (!matrix || cellsOf(matrix).every(isBlank)) return undefined;
  return loadPayTableCells(matrix, "pay_table");
}

/**
 * High Cost Area Supplement for a whole-time salary: the area's percentage, bounded by its minimum and maximum.
 * @customfunction HCAS
 * @helpurl https://localhost:3000/help.html#HCAS
 * @param salary Whole-time annual basic salary in pounds.
 * @param area "inner" (Inner London, 20%), "outer" (Outer London, 15%), "fringe" (5%) or "none".
 * @param [year] Financial year (default: the newest year whose supplements are held).
 * @returns Annual supplement in pounds for a whole-time post.
 */
export function hcas(salary: any[][], area: any[][], year?: any[][]): any[][] {
  return elementwiseBy(
    [
      { name: "salary", value: salary },
      { name: "area", value: area, key: true, ...optional<unknown>("none") },
      { name: "year", value: year, key: true, ...optional<unknown>(undefined) },
    ],
    (a, y) => ({ area: parseArea(a), year: y === undefined ? hcasYearsHeld()[0]! : parseFinancialYear(y) }),
    (held, s) => highCostAreaSupplement(s, held.area, held.year),
  );
}

/**
 * Employer on-costs for one person on an actual annual pay: National Insurance above the per-person threshold, pension and apprenticeship levy.
 * @customfunction ONCOSTS
 * @helpurl https://localhost:3000/help.html#ONCOSTS
 * @param annual_pay Actual annual pay of one person in pounds (pro rata for part time, including HCAS).
 * @param [year] Financial year (default: the newest year held).
 * @param [component] "total" (the default, with the full 23.78% pension), "ni", "pension" (full), "pension_local" (14.38% paid by the trust) or "levy".
 * @returns Annual employer on-costs in pounds.
 */
export function oncosts(annual_pay: any[][], year?: any[][], component?: any[][]): any[][] {
  return elementwiseBy(
    [
      { name: "annual_pay", value: annual_pay },
      { name: "year", value: year, key: true, ...optional<unknown>(undefined) },
      { name: "component", value: component, key: true, ...optional<unknown>("total") },
    ],
    (y, c) => ({
      rates: onCostYear(y === undefined ? latestOnCostYear() : parseFinancialYear(y)),
      component: onCostComponent(toText(c as CellValue, "component")),
    }),
    (held, payValue) => employerOnCostsInto(payValue, held.rates, DEFAULT_PENSION_BASIS, payValue, onCostScratch)[held.component],
  );
}

const ON_COST_COMPONENTS = {
  total: "total",
  ni: "nationalInsurance",
  pension: "pension",
  pension_local: "pensionLocal",
  levy: "apprenticeshipLevy",
} as const;

function onCostComponent(text: string) {
  const name = text.trim().toLowerCase();
  if (Object.hasOwn(ON_COST_COMPONENTS, name)) return ON_COST_COMPONENTS[name as keyof typeof ON_COST_COMPONENTS];
  return fail(
    "value",
    `component ${quoteValue(text)} is not an on-cost: use "total", "ni", "pension", "pension_local" or "levy"`,
    "component",
  );
}

/**
 * Fully loaded annual cost of posts: basic pay pro rata, HCAS and employer on-costs (NI per person, full pension, levy).
 * @customfunction COST
 * @helpurl https://localhost:3000/help.html#COST
 * @param band Band or grade: 5, "Band 5", "8a", "FY1", "ST4", "Consultant", "Specialty doctor", "Specialist".
 * @param fte FTE of the posts; above 1 is costed as whole-time posts plus one part-time post.
 * @param [point] Pay point (default "top"; a training grade's nodal point follows the grade), as for WFP.PAY.
 * @param [year] Financial year (default: the newest year holding the grade's pay and, with an area, its supplement). On-costs use that year's rates, or the newest held before it.
 * @param [area] High cost area: "inner", "outer", "fringe" or "none" (the default).
 * @param [pay_table] A pay table in the workbook whose rows override wfplan's figures, as for WFP.PAY.
 * @returns Annual cost in pounds.
 */
export function cost(band: any[][], fte: any[][], point?: any[][], year?: any[][], area?: any[][], pay_table?: any[][]): any[][] {
  return withWholeArgument(
    () => payTableArgument(pay_table),
    [band, fte, point, year, area],
    (table) =>
      elementwiseBy(
        [
          { name: "band", value: band, key: true },
          { name: "fte", value: fte },
          { name: "point", value: point, key: true, ...optional<unknown>(undefined) },
          { name: "year", value: year, key: true, ...optional<unknown>(undefined) },
          { name: "area", value: area, key: true, ...optional<unknown>("none") },
        ],
        (b, p, y, a) => {
          const { grade, point } = gradeAndPoint(b, p);
          return costBasis(grade, {
            point,
            year: y === undefined ? undefined : parseFinancialYear(y),
            area: parseArea(a),
            payTable: table,
          });
        },
        (basis, f) => costOfFte(basis, f, scratch).substantive,
      ),
  );
}

/**
 * Headroom (uplift) from leave percentages, as a fraction.
 * @customfunction UPLIFT
 * @helpurl https://localhost:3000/help.html#UPLIFT
 * @param percentages Leave as fractions of time (0.15 for 15%): annual leave, sickness, study, parental, other. Blanks are skipped.
 * @param [method] "additive" (the sum, the default) or "compound" (1 / (1 - sum) - 1).
 * @returns Headroom as a fraction: 0.22 for 22%.
 */
export function uplift(percentages: any[][], method?: any[][]): any[][] {
  return single(() => headroom(numbersOf(percentages, "percentages"), parseUpliftMethod(singleValue(method, "method"))));
}

/**
 * FTE needed to deliver an activity: activity x minutes / 60 / productive hours per FTE x (1 + uplift).
 * @customfunction ACTIVITY_FTE
 * @helpurl https://localhost:3000/help.html#ACTIVITY_FTE
 * @param activity Units of activity a year (appointments, bed days, sessions).
 * @param minutes_per_unit Staff minutes one unit takes.
 * @param [productive_hours_per_fte_year] Hours one FTE works in a year (default 1,955.36 = 37.5 x 52.143).
 * @param [uplift] Headroom as a fraction (default 0).
 * @returns FTE required.
 */
export function activity_fte(
  activity: any[][],
  minutes_per_unit: any[][],
  productive_hours_per_fte_year?: any[][],
  uplift?: any[][],
): any[][] {
  return elementwise(
    [
      { name: "activity", value: activity },
      { name: "minutes_per_unit", value: minutes_per_unit },
      { name: "productive_hours_per_fte_year", value: productive_hours_per_fte_year, ...optional(AFC_ANNUAL_HOURS) },
      { name: "uplift", value: uplift, ...optional(0) },
    ],
    activityFte,
  );
}

/**
 * WHO WISN available working time: (working days - public holidays - annual, sick and other leave) x hours a day.
 * @customfunction WISN_AWT
 * @helpurl https://localhost:3000/help.html#WISN_AWT
 * @param working_days Working days in the year.
 * @param public_holidays Public holidays falling on working days.
 * @param annual_leave Days of annual leave.
 * @param sick_leave Days of sick leave.
 * @param other_leave Days of other leave (training, special leave).
 * @param hours_per_day Working hours in a day.
 * @returns Available working time in hours a year.
 */
export function wisn_awt(
  working_days: any[][],
  public_holidays: any[][],
  annual_leave: any[][],
  sick_leave: any[][],
  other_leave: any[][],
  hours_per_day: any[][],
): any[][] {
  return elementwise(
    [
      { name: "working_days", value: working_days },
      { name: "public_holidays", value: public_holidays },
      { name: "annual_leave", value: annual_leave },
      { name: "sick_leave", value: sick_leave },
      { name: "other_leave", value: other_leave },
      { name: "hours_per_day", value: hours_per_day },
    ],
    (workingDays, publicHolidays, annualLeave, sickLeave, otherLeave, hoursPerDay) =>
      availableWorkingTime({ workingDays, publicHolidays, annualLeave, sickLeave, otherLeave, hoursPerDay }),
  );
}

/**
 * WHO WISN required staff: sum of (annual workload / standard workload) x CAF + IAF.
 * @customfunction WISN
 * @helpurl https://localhost:3000/help.html#WISN
 * @param workloads Annual workload of each health-service activity (a range).
 * @param unit_minutes Minutes one unit of each activity takes (a range of the same size, or one value for all).
 * @param awt_hours Available working time in hours a year (see WFP.WISN_AWT).
 * @param [cas_percent] Category allowance: % of working time all staff spend on support activities (default 0).
 * @param [ias_hours] Individual allowance: hours a year that only some staff spend on additional activities (default 0).
 * @returns Staff required.
 */
export function wisn(workloads: any[][], unit_minutes: any[][], awt_hours: any[][], cas_percent?: any[][], ias_hours?: any[][]): any[][] {
  return single(() => {
    const loads = cellsOf(asMatrix(workloads));
    const minutes = cellsOf(asMatrix(unit_minutes));
    if (minutes.length !== 1 && minutes.length !== loads.length) {
      fail(
        "value",
        `unit_minutes has ${minutes.length} values but workloads has ${loads.length}: give one unit time per workload, or one for all`,
        "unit_minutes",
      );
    }
    const activities = loads.flatMap((load, i) => {
      const unit = minutes.length === 1 ? minutes[0] : minutes[i];
      if (isBlank(load) && isBlank(unit)) return [];
      return [{ annualWorkload: toNumber(load, `workloads item ${i + 1}`), unitMinutes: toNumber(unit, `unit_minutes item ${i + 1}`) }];
    });
    const awt = toNumber(singleValue(awt_hours, "awt_hours"), "awt_hours");
    const cas = singleValue(cas_percent, "cas_percent");
    const ias = singleValue(ias_hours, "ias_hours");
    return wisnRequiredStaff(
      activities,
      awt,
      cas === undefined ? 0 : toNumber(cas, "cas_percent"),
      ias === undefined ? 0 : toNumber(ias, "ias_hours"),
    ).required;
  });
}

/**
 * WHO WISN ratio: actual staff / required staff (1 is balanced, below 1 a shortage).
 * @customfunction WISN_RATIO
 * @helpurl https://localhost:3000/help.html#WISN_RATIO
 * @param actual_staff Staff in post.
 * @param required_staff Staff required (see WFP.WISN).
 * @returns WISN ratio.
 */
export function wisn_ratio(actual_staff: any[][], required_staff: any[][]): any[][] {
  return elementwise(
    [
      { name: "actual_staff", value: actual_staff },
      { name: "required_staff", value: required_staff },
    ],
    wisnRatio,
  );
}

/**
 * Care hours per patient day (NHS England): care hours / patient days.
 * @customfunction CHPPD
 * @helpurl https://localhost:3000/help.html#CHPPD
 * @param care_hours Hours worked by registered nurses, midwives and healthcare support workers.
 * @param patient_days Sum of patients in beds at 23:59 over the period.
 * @returns CHPPD.
 */
export function chppd(care_hours: any[][], patient_days: any[][]): any[][] {
  return elementwise(
    [
      { name: "care_hours", value: care_hours },
      { name: "patient_days", value: patient_days },
    ],
    careHoursPerPatientDay,
  );
}

/**
 * FTE needed to deliver a CHPPD target: CHPPD x beds x occupancy x 365 / (37.5 x 52.143) x (1 + uplift).
 * @customfunction NURSING_FTE
 * @helpurl https://localhost:3000/help.html#NURSING_FTE
 * @param chppd Care hours per patient day to deliver.
 * @param beds Beds on the ward.
 * @param occupancy Bed occupancy as a fraction (0.92 for 92%).
 * @param [uplift] Headroom as a fraction (default 0).
 * @returns FTE required.
 */
export function nursing_fte(chppd: any[][], beds: any[][], occupancy: any[][], uplift?: any[][]): any[][] {
  return elementwise(
    [
      { name: "chppd", value: chppd },
      { name: "beds", value: beds },
      { name: "occupancy", value: occupancy },
      { name: "uplift", value: uplift, ...optional(0) },
    ],
    (c, b, o, u) => nursingEstablishmentFte(c, b, o, u),
  );
}

/**
 * Share of FTE in one group (staff group or band) of a list.
 * @customfunction SKILLMIX
 * @helpurl https://localhost:3000/help.html#SKILLMIX
 * @param fte FTE of each row (a range).
 * @param groups Group of each row (a range of the same size).
 * @param group The group whose share to return (case is ignored).
 * @returns Share of all FTE, as a fraction.
 */
export function skillmix(fte: any[][], groups: any[][], group: any[][]): any[][] {
  return single(() => {
    const ftes = cellsOf(asMatrix(fte));
    const names = cellsOf(asMatrix(groups));
    const rows = ftes.flatMap((cell, i) => (isBlank(cell) && isBlank(names[i]) ? [] : [i]));
    return fteShare(
      rows.map((i) => (isBlank(ftes[i]) ? 0 : toNumber(ftes[i], `fte item ${i + 1}`))),
      rows.map((i) => (isBlank(names[i]) ? "" : toText(names[i], `groups item ${i + 1}`))),
      toText(singleValue(group, "group") ?? "", "group"),
    );
  });
}

/**
 * Weighted average fully loaded cost per WTE of a skill mix (each band at the top of its scale; a training grade at its nodal point).
 * @customfunction MIXCOST
 * @helpurl https://localhost:3000/help.html#MIXCOST
 * @param bands Band of each row (a range).
 * @param ftes FTE of each row (a range of the same size).
 * @param [year] Financial year (default: the newest year held for each band).
 * @param [area] High cost area: "inner", "outer", "fringe" or "none" (the default).
 * @returns Cost per WTE in pounds.
 */
export function mixcost(bands: any[][], ftes: any[][], year?: any[][], area?: any[][]): any[][] {
  return single(() => {
    const bandCells = cellsOf(asMatrix(bands));
    const fteCells = cellsOf(asMatrix(ftes));
    if (bandCells.length !== fteCells.length) {
      fail("value", `bands has ${bandCells.length} cells but ftes has ${fteCells.length}: give one FTE per band`, "ftes");
    }
    const mix = bandCells.flatMap((band, i) =>
      isBlank(band) && isBlank(fteCells[i])
        ? []
        : [{ ...parsePostGrade(band, `bands item ${i + 1}`), fte: toNumber(fteCells[i] ?? 0, `ftes item ${i + 1}`) }],
    );
    const y = singleValue(year, "year");
    return mixCostPerWte(mix, { year: y === undefined ? undefined : parseFinancialYear(y), area: parseArea(singleValue(area, "area")) });
  });
}

/**
 * Supply projection (stocks and flows): FTE at each year end.
 * @customfunction SUPPLY
 * @helpurl https://localhost:3000/help.html#SUPPLY
 * @param start_fte FTE in post at the start.
 * @param leaver_rate Share leaving each year, as a fraction (0.1 for 10%).
 * @param starters_per_year FTE joining each year from training pipelines.
 * @param years Years to project (1 to 50).
 * @param [other_joiners_per_year] Other FTE joining each year: international recruits, bank conversions (default 0).
 * @returns FTE at each year end, spilled as a row.
 */
export function supply(
  start_fte: any[][],
  leaver_rate: any[][],
  starters_per_year: any[][],
  years: any[][],
  other_joiners_per_year?: any[][],
): any[][] {
  return single(() => {
    const read = (value: unknown, name: string) => toNumber(singleValue(value, name), name);
    const other = singleValue(other_joiners_per_year, "other_joiners_per_year");
    return projectSupply({
      startFte: read(start_fte, "start_fte"),
      leaverRate: read(leaver_rate, "leaver_rate"),
      starters: read(starters_per_year, "starters_per_year"),
      years: read(years, "years"),
      otherJoiners: other === undefined ? 0 : toNumber(other, "other_joiners_per_year"),
    }).map((y) => y.endFte);
  });
}

/**
 * Vacancy rate (NHS Digital): vacancies / establishment.
 * @customfunction VACANCY_RATE
 * @helpurl https://localhost:3000/help.html#VACANCY_RATE
 * @param establishment Funded establishment FTE.
 * @param in_post Staff in post FTE.
 * @returns Vacancy rate as a fraction (negative when over-established).
 */
export function vacancy_rate(establishment: any[][], in_post: any[][]): any[][] {
  return elementwise(
    [
      { name: "establishment", value: establishment },
      { name: "in_post", value: in_post },
    ],
    vacancyRate,
  );
}

/**
 * Leaver rate (NHS Digital): leavers in the period / average headcount over it.
 * @customfunction TURNOVER
 * @helpurl https://localhost:3000/help.html#TURNOVER
 * @param leavers Leavers in the period.
 * @param average_headcount Average headcount (or FTE) over the period.
 * @returns Leaver rate as a fraction.
 */
export function turnover(leavers: any[][], average_headcount: any[][]): any[][] {
  return elementwise(
    [
      { name: "leavers", value: leavers },
      { name: "average_headcount", value: average_headcount },
    ],
    leaverRate,
  );
}

/**
 * Every function, by the id Excel knows it by (WFP.<id>): its code and the
 * shape of its result, which hosts that size a spill before evaluating
 * (HyperFormula in the workbench, the CLI and the tests) read from here.
 */
export const catalogue: Record<string, CatalogueEntry> = {
  FTE: { run: fte, shape: ELEMENTWISE },
  HEADCOUNT: { run: headcount, shape: ELEMENTWISE },
  PAY: { run: pay, shape: { kind: "elementwise", wholeArguments: [3] } },
  HCAS: { run: hcas, shape: ELEMENTWISE },
  ONCOSTS: { run: oncosts, shape: ELEMENTWISE },
  COST: { run: cost, shape: { kind: "elementwise", wholeArguments: [5] } },
  UPLIFT: { run: uplift, shape: ONE_VALUE },
  ACTIVITY_FTE: { run: activity_fte, shape: ELEMENTWISE },
  WISN_AWT: { run: wisn_awt, shape: ELEMENTWISE },
  WISN: { run: wisn, shape: ONE_VALUE },
  WISN_RATIO: { run: wisn_ratio, shape: ELEMENTWISE },
  CHPPD: { run: chppd, shape: ELEMENTWISE },
  NURSING_FTE: { run: nursing_fte, shape: ELEMENTWISE },
  SKILLMIX: { run: skillmix, shape: ONE_VALUE },
  MIXCOST: { run: mixcost, shape: ONE_VALUE },
  // A row as long as the value of `years` (argument 4).
  SUPPLY: { run: supply, shape: { kind: "row", lengthFromArgument: 3 } },
  VACANCY_RATE: { run: vacancy_rate, shape: ELEMENTWISE },
  TURNOVER: { run: turnover, shape: ELEMENTWISE },
};
