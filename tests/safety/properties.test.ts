import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FunctionError, type CellValue } from "../../functions/cells.ts";
import { LONGEST_MESSAGE } from "../../functions/coerce.ts";
import { catalogue } from "../../functions/catalogue.ts";

/*
 * Every WFP function, called as Excel calls it, with random mixes of what
 * cells hold: awkward numbers, text that looks like numbers, bands, years and
 * points, booleans, blanks, error values, and ranges of mismatched shapes.
 * None may throw; every result cell is a finite number, text, or a typed
 * error with a short message. Run counts keep the file to a few seconds.
 */

const CODES = new Set(["#VALUE!", "#NUM!", "#DIV/0!", "#N/A"]);

const awkwardNumber = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 37.5, 0.5, 1e308, -1e308, 1e-300, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 2 ** 53),
  fc.double({ noDefaultInfinity: false }),
  fc.integer({ min: -100, max: 200 }),
);
const awkwardText = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "37.5",
    " 1e3 ",
    "50%",
    "1,000",
    "£37,796",
    "Band 5",
    "8a",
    "FY1",
    "ST4",
    "Consultant",
    "2025/26",
    "2026/27",
    "1999/00",
    "top",
    "entry",
    "2a",
    "8 years",
    "inner",
    "fringe",
    "compound",
    "=1+1",
    "@SUM(1)",
    "NaN",
    "Infinity",
  ),
  fc.string({ maxLength: 20 }),
  fc.integer({ min: 1, max: 40_000 }).map((n) => "9".repeat(n)),
);
const cell: fc.Arbitrary<CellValue | FunctionError> = fc.oneof(
  { weight: 4, arbitrary: awkwardNumber },
  { weight: 4, arbitrary: awkwardText },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined) },
  { weight: 1, arbitrary: fc.constantFrom(new FunctionError("#N/A", "not found"), new FunctionError("#DIV/0!", "zero")) },
);
/** A single value or a range of 1 to 4 by 1 to 4 cells, or an omitted argument. */
const argument = fc.oneof(
  { weight: 3, arbitrary: cell.map((value) => [[value]]) },
  {
    weight: 2,
    arbitrary: fc
      .integer({ min: 1, max: 4 })
      .chain((columns) => fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), { minLength: 1, maxLength: 4 })),
  },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

function checkResult(result: unknown): void {
  expect(Array.isArray(result)).toBe(true);
  const rows = result as unknown[][];
  expect(rows.length).toBeGreaterThan(0);
  const width = rows[0]!.length;
  for (const row of rows) {
    expect(row.length).toBe(width);
    for (const value of row) {
      if (value instanceof FunctionError) {
        expect(CODES.has(value.code)).toBe(true);
        expect(value.message.length).toBeGreaterThan(0);
        expect(value.message.length).toBeLessThanOrEqual(LONGEST_MESSAGE);
      } else if (typeof value === "number") expect(Number.isFinite(value)).toBe(true);
      else expect(typeof value).toBe("string");
    }
  }
}

describe("every WFP function on random cells", () => {
  it.each(Object.keys(catalogue))("WFP.%s never throws, and answers finite numbers, text or typed errors", (id) => {
    const entry = catalogue[id]!;
    fc.assert(
      fc.property(fc.array(argument, { minLength: entry.run.length, maxLength: entry.run.length + 1 }), (args) => {
        checkResult(entry.run(...args));
      }),
      { numRuns: 400, seed: 20261124 },
    );
  });
});

describe("laws", () => {
  const one = (result: unknown[][]) => result[0]![0];
  it("the FTE of a standard week is 1", () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 168, noNaN: true }), (hours) => {
        expect(one(catalogue.FTE!.run([[hours]], [[hours]]))).toBe(1);
      }),
      { numRuns: 200, seed: 1 },
    );
    expect(one(catalogue.FTE!.run([[37.5]]))).toBe(1);
  });
  it("cost grows with FTE, for every band and grade held", () => {
    const grades = fc.constantFrom(
      "2",
      "3",
      "4",
      "5",
      "6",
      "7",
      "8a",
      "8b",
      "8c",
      "8d",
      "9",
      "FY1",
      "ST6",
      "Specialty doctor",
      "Specialist",
      "Consultant",
    );
    fc.assert(
      fc.property(grades, fc.double({ min: 0, max: 500, noNaN: true }), fc.double({ min: 0, max: 500, noNaN: true }), (grade, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const cost = (fte: number) => one(catalogue.COST!.run([[grade]], [[fte]])) as number;
        expect(cost(low)).toBeLessThanOrEqual(cost(high) + 1e-6);
      }),
      { numRuns: 300, seed: 2 },
    );
  });
  it("the WISN ratio of equal staff is 1", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e9, noNaN: true }), (staff) => {
        expect(one(catalogue.WISN_RATIO!.run([[staff]], [[staff]]))).toBe(1);
      }),
      { numRuns: 200, seed: 3 },
    );
  });
});
