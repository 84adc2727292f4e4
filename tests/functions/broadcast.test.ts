import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { elementwise, elementwiseBy, type Arg } from "../../functions/broadcast.ts";
import { BLANK, FunctionError, isBlank, type CellValue, type ResultCell } from "../../functions/cells.ts";
import { toFunctionError, toNumber } from "../../functions/coerce.ts";

/*
 * The broadcasting loop reads single values once, ranges in place and keys
 * once per distinct combination. Whatever it skips, each result cell must be
 * what reading every argument of that cell in order would give: this naive
 * loop is the definition, and random arguments must agree with it.
 */
function reference(
  args: readonly Arg[],
  resolve: (...keys: unknown[]) => unknown,
  compute: (r: unknown, ...n: number[]) => number | string,
) {
  const matrices = args.map((a) =>
    a.value === undefined ? undefined : Array.isArray(a.value) ? (a.value as CellValue[][]) : [[a.value as CellValue]],
  );
  const rows = Math.max(1, ...matrices.map((m) => m?.length ?? 1));
  const columns = Math.max(1, ...matrices.map((m) => m?.[0]?.length ?? 1));
  return Array.from({ length: rows }, (_, row) =>
    Array.from({ length: columns }, (_, column): ResultCell => {
      const keys: unknown[] = [];
      const numbers: number[] = [];
      for (let i = 0; i < args.length; i++) {
        const arg = args[i]!;
        const m = matrices[i];
        let cell: CellValue | FunctionError = undefined;
        if (m) {
          const r = m.length === 1 ? 0 : row;
          const c = m[0]!.length === 1 ? 0 : column;
          if (r >= m.length || c >= m[0]!.length)
            return new FunctionError("#N/A", `${arg.name} has ${m.length} x ${m[0]!.length} cells, fewer than the other arguments`);
          cell = m[r]![c];
        }
        if ((cell as unknown) instanceof FunctionError) return cell as unknown as FunctionError;
        if (isBlank(cell)) {
          if (!("fallback" in arg)) return BLANK;
          if (arg.key) keys.push(arg.fallback);
          else numbers.push(arg.fallback as number);
          continue;
        }
        if (arg.key) keys.push(cell);
        else {
          try {
            numbers.push(toNumber(cell, arg.name));
          } catch (error) {
            return toFunctionError(error);
          }
        }
      }
      try {
        const value = compute(resolve(...keys), ...numbers);
        if (typeof value === "number" && !Number.isFinite(value)) return new FunctionError("#NUM!", "");
        return value;
      } catch (error) {
        return toFunctionError(error);
      }
    }),
  );
}

const cell: fc.Arbitrary<CellValue | FunctionError> = fc.oneof(
  fc.constantFrom(0, 1, 2.5, -3, "4", " 5 ", "x", "", null, undefined, true, "Band 5", "bad", 1e308),
  fc.constant(new FunctionError("#N/A", "missing")),
);
const value = fc.oneof(
  fc.constant(undefined),
  cell,
  fc
    .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }))
    .chain(([r, c]) => fc.array(fc.array(cell, { minLength: c, maxLength: c }), { minLength: r, maxLength: r })),
);
const arg = fc.record({
  key: fc.boolean(),
  value,
  fallback: fc.option(fc.constantFrom(0, 7, "dflt"), { nil: undefined }),
  hasFallback: fc.boolean(),
});

const resolve = (...keys: unknown[]) => {
  if (keys.includes("bad")) throw new FunctionError("#VALUE!", "bad key");
  return keys.map(String).join("|");
};
const compute = (r: unknown, ...n: number[]) => {
  const sum = n.reduce((a, b) => a + b * 2, 0);
  return r === "" ? sum : `${String(r)}:${sum}`;
};
/** Errors compare by code; the #NUM! message is the loop's own. */
const normalise = (m: ResultCell[][]) =>
  m.map((row) => row.map((c) => (c instanceof FunctionError ? (c.code === "#NUM!" ? c.code : c.toString()) : c)));

describe("the broadcasting loop", () => {
  it("gives, cell for cell, what reading every argument in order gives", () => {
    fc.assert(
      fc.property(fc.array(arg, { minLength: 1, maxLength: 5 }), (specs) => {
        const args: Arg[] = specs.map((s, i) => ({
          name: `a${i}`,
          value: s.value,
          ...(s.key ? { key: true as const } : {}),
          ...(s.hasFallback ? { fallback: s.key ? s.fallback : typeof s.fallback === "number" ? s.fallback : 0 } : {}),
        }));
        let resolved = 0;
        const counted = (...keys: unknown[]) => {
          resolved++;
          return resolve(...keys);
        };
        const actual = elementwiseBy(args, counted, compute);
        expect(normalise(actual)).toEqual(normalise(reference(args, resolve, compute)));
        // Each distinct combination of keys is resolved at most once.
        const cells = actual.length * (actual[0]?.length ?? 0);
        expect(resolved).toBeLessThanOrEqual(Math.max(1, cells));
      }),
      { numRuns: 400 },
    );
  });

  it("resolves a key column of 10,000 rows once per distinct value", () => {
    let calls = 0;
    const bands = Array.from({ length: 10_000 }, (_, i) => [`Band ${(i % 3) + 5}`]);
    const result = elementwiseBy(
      [
        { name: "band", value: bands, key: true },
        { name: "fte", value: [[2]] },
      ],
      (band) => {
        calls++;
        return Number(String(band).slice(5));
      },
      (band, fte) => band * fte,
    );
    expect(calls).toBe(3);
    expect(result.slice(0, 4)).toEqual([[10], [12], [14], [10]]);
  });

  it("reads a number range in place, without a copy, and spills a column", () => {
    const hours = [[37.5], [18.75], [""], ["x"]];
    const result = elementwise([{ name: "hours", value: hours }], (h) => h / 37.5);
    expect(result.slice(0, 3)).toEqual([[1], [0.5], [""]]);
    expect((result[3]![0] as FunctionError).message).toBe('hours must be a number, not the text "x"');
  });
});
