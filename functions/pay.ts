/*
 * Pay and cost: pay by band or grade, HCAS, employer on-costs and the fully loaded cost of a post.
 * Each function is a thin wrapper: read the arguments, call the planning
 * model in src/, return cells. Its JSDoc is its metadata (functions.json and
 * docs/reference/functions.md are generated from it); names and argument order
 * are a contract with every workbook that uses them: never reorder or rename.
 */
import {
  employerOnCosts,
  employerOnCostsInto,
  DEFAULT_PENSION_BASIS,
  fail,
  highCostAreaSupplement,
  latestOnCostYear,
  parseArea,
  parseFinancialYear,
  parsePayPoint,
  parsePostGrade,
  postPoint,
  quoteValue,
  hcasYearsHeld,
  loadPayTableCells,
  costBasis,
  costOfFte,
  emptyCostParts,
  onCostYear,
  basicPay,
} from "../src/calculations.ts";
import { elementwiseBy, withWholeArgument } from "./broadcast.ts";
import { asMatrix, cellsOf, isBlank, type CellValue } from "./cells.ts";
import { ELEMENTWISE, type CatalogueEntry } from "./shape.ts";
import { toText } from "./coerce.ts";
import { optional } from "./arguments.ts";

/** One set of cost parts reused for every row: the cost of a row is read from it at once. */
const scratch = emptyCostParts();
const onCostScratch = employerOnCosts(0, latestOnCostYear());

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

/** This family's functions by the id Excel knows each by (WFP.<id>), with the shape of its result. */
export const entries: Record<string, CatalogueEntry> = {
  PAY: { run: pay, shape: { kind: "elementwise", wholeArguments: [3] }, errors: {} },
  HCAS: { run: hcas, shape: ELEMENTWISE, errors: { "#NUM!": "salary is negative" } },
  ONCOSTS: { run: oncosts, shape: ELEMENTWISE, errors: { "#NUM!": "annual_pay is negative" } },
  COST: { run: cost, shape: { kind: "elementwise", wholeArguments: [5] }, errors: { "#NUM!": "fte is negative" } },
};
