import { afterEach, describe, expect, it } from "vitest";
import { FunctionError } from "../../functions/cells.ts";
import { catalogue } from "../../functions/catalogue.ts";
import { EXAMPLE_ROWS } from "../../taskpane/examples.ts";

/*
 * The functions as Excel calls them (functions/register.ts): errors and data
 * types in their arguments arrive as objects, and a message shows only with
 * #VALUE! and #N/A. Each function's reference says what its bare #NUM! and
 * #DIV/0! mean, and a probe of every argument keeps that list true.
 */

/** Excel's CustomFunctions, as far as register.ts uses it: associate, Error and ErrorCode. */
function fakeCustomFunctions() {
  const associated = new Map<string, (...args: unknown[]) => unknown[][]>();
  class ExcelError {
    constructor(
      readonly code: string,
      readonly message?: string,
    ) {}
  }
  const ErrorCode = { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!", divisionByZero: "#DIV/0!" };
  return {
    associated,
    global: { associate: (id: string, f: (...args: unknown[]) => unknown[][]) => associated.set(id, f), Error: ExcelError, ErrorCode },
  };
}

async function registered() {
  const fake = fakeCustomFunctions();
  (globalThis as Record<string, unknown>).CustomFunctions = fake.global;
  const { registerWithExcel } = await import("../../functions/register.ts");
  registerWithExcel();
  return (id: string) => fake.associated.get(id)!;
}

afterEach(() => delete (globalThis as Record<string, unknown>).CustomFunctions);

const plain = (cells: unknown[][]) => cells.map((row) => row.map((c) => (typeof c === "object" && c ? { ...(c as object) } : c)));

describe("the functions as Excel calls them", () => {
  it("gives an error in one row's input that row's error, and the rest their figures", async () => {
    const fte = (await registered())("FTE");
    const hours = [[37.5], [{ code: "#N/A" }], [30], [{ code: "#REF!" }], [{ type: "FormattedNumber", basicValue: 18.75 }]];
    expect(plain(fte(hours))).toEqual([
      [1],
      [{ code: "#N/A", message: "hours holds #N/A in this row" }],
      [0.8],
      [{ code: "#VALUE!", message: "hours holds #REF! in this row, so it has no value to work with" }],
      [0.5],
    ]);
  });

  it("reads a data type with no basic value as #VALUE!, saying so", async () => {
    const fte = (await registered())("FTE");
    expect(plain(fte([[{ type: "Entity", text: "Ward 7" }]]))).toEqual([
      [
        {
          code: "#VALUE!",
          message: "hours holds a data type (Entity) with no value wfplan can read in this row, so it has no value to work with",
        },
      ],
    ]);
  });

  it("sends a message with #VALUE! and #N/A, and none with #NUM! or #DIV/0!, which Excel would drop", async () => {
    const run = await registered();
    expect(plain(run("TURNOVER")([[12]], [[0]]))).toEqual([[{ code: "#DIV/0!", message: undefined }]]);
    expect(plain(run("FTE")([[-1]]))).toEqual([[{ code: "#NUM!", message: undefined }]]);
    expect(plain(run("PAY")([["Band 10"]]))[0]![0]).toMatchObject({
      code: "#VALUE!",
      message: expect.stringMatching(/^band "Band 10" is not an Agenda for Change band or medical grade: use 2-9, 8a-8d/),
    });
  });
});

/** The example sheet's call of each function, with its arguments as Excel hands them. */
function exampleCalls(): { id: string; args: unknown[] }[] {
  const split = (text: string) => {
    const parts: string[] = [];
    let depth = 0;
    let quoted = false;
    let part = "";
    for (const ch of text) {
      if (ch === '"') quoted = !quoted;
      if (!quoted && ch === "{") depth++;
      if (!quoted && ch === "}") depth--;
      if (!quoted && depth === 0 && ch === ",") {
        parts.push(part.trim());
        part = "";
      } else part += ch;
    }
    return [...parts, part.trim()];
  };
  const literal = (text: string): unknown =>
    text.startsWith("{")
      ? [
          text
            .slice(1, -1)
            .split(",")
            .map((x) => literal(x.trim())),
        ]
      : text.startsWith('"')
        ? text.slice(1, -1)
        : Number(text);
  return EXAMPLE_ROWS.slice(1).map((row) => {
    const [, id, args] = /^'=WFP\.(\w+)\((.*)\)$/.exec(String(row[1]))!;
    return { id: id!, args: split(args!).map(literal) };
  });
}

describe("what a bare #NUM! or #DIV/0! means, function by function", () => {
  it("declares every one a function gives, and none it never gives, probing each number argument", () => {
    const given = new Map<string, Set<string>>();
    for (const { id, args } of exampleCalls()) {
      for (let i = 0; i < args.length; i++)
        for (const probe of [-1, 0, 2, 150, 1e300]) {
          const arg = args[i];
          if (typeof arg !== "number" && !Array.isArray(arg)) continue;
          const probed = args.map((a, j) => (j !== i ? a : Array.isArray(a) ? [(a as unknown[][])[0]!.map(() => probe)] : probe));
          for (const cell of catalogue[id]!.run(...probed).flat())
            if (cell instanceof FunctionError && (cell.code === "#NUM!" || cell.code === "#DIV/0!")) {
              if (!given.has(id)) given.set(id, new Set());
              given.get(id)!.add(cell.code);
            }
        }
    }
    const declared = Object.fromEntries(Object.entries(catalogue).map(([id, entry]) => [id, Object.keys(entry.errors).sort()]));
    const found = Object.fromEntries(Object.keys(catalogue).map((id) => [id, [...(given.get(id) ?? [])].sort()]));
    expect(found).toEqual(declared);
    expect(declared.TURNOVER).toEqual(["#DIV/0!", "#NUM!"]);
  });
});
