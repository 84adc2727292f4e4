import { describe, expect, it } from "vitest";
import { catalogue } from "../../functions/catalogue.ts";
import { FunctionError } from "../../functions/cells.ts";
import { toNumber } from "../../functions/coerce.ts";

describe("text read as a number", () => {
  it("reads what Excel's arithmetic reads, and nothing else", () => {
    expect([" 37.5 ", "-1e3", "+.5", "50%", "1.", "7E+2"].map((text) => toNumber(text, "hours"))).toEqual([37.5, -1000, 0.5, 0.5, 1, 700]);
    for (const text of ["1.2.3", "e5", "1e", "--1", "£5", "1e999", ""]) expect(() => toNumber(text, "hours"), text).toThrow(FunctionError);
  });

  it("answers at once on the longest cell Excel allows, and quotes only its start", () => {
    // 32,767 digits and a letter: the old pattern backtracked for about 3 s on each such cell; 16 of them took 35 s.
    const cell = `${"9".repeat(32_766)}x`;
    const started = performance.now();
    const result = catalogue.FTE!.run(Array.from({ length: 16 }, () => [cell]));
    const elapsed = performance.now() - started;
    expect(result).toHaveLength(16);
    const error = result[0]![0] as FunctionError;
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toBe('hours must be a number, not the text "9999999999999999999999999999999999999999…" (32,767 characters)');
    // A generous bound, far from the 35 s it took: the speed itself is measured by npm run bench.
    expect(elapsed).toBeLessThan(2000);
  });

  it("does not read 400-odd digits of text as a number", () => {
    expect(() => toNumber("1".repeat(401), "hours")).toThrow(/hours must be a number/);
  });
});
