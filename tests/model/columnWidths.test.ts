import { describe, expect, it } from "vitest";
import { columnPoints, shownLength } from "../../taskpane/adapter/columnWidths.ts";

/* What a cell shows in wfplan's number formats, counted by hand, and the width in points that holds it. */
describe("column widths wfplan sets", () => {
  it("counts what a cell shows in its number format", () => {
    expect(shownLength(1_234_567.4, "£#,##0")).toBe("£1,234,567".length);
    expect(shownLength(-1_500, "£#,##0")).toBe("-£1,500".length);
    expect(shownLength(12.345, "#,##0.0")).toBe("12.3".length);
    expect(shownLength(999.96, "#,##0.0")).toBe("1,000.0".length);
    expect(shownLength(0.125, "0.0%")).toBe("12.5%".length);
    expect(shownLength(0.8)).toBe("0.8".length);
    expect(shownLength("Registered nursing")).toBe(18);
    expect(shownLength(true)).toBe(4);
  });
  it("is Excel's default 48 points at least, 5.6 points a character and 9 of margin, and at most 60 characters", () => {
    expect(columnPoints(0)).toBe(48);
    expect(columnPoints(6)).toBe(48); // 6 x 5.6 + 9 = 42.6: the default
    expect(columnPoints(7)).toBe(49); // 48.2, rounded up
    expect(columnPoints(10)).toBe(65); // 56 + 9
    expect(columnPoints(200)).toBe(columnPoints(60));
    expect(columnPoints(60)).toBe(345); // 336 + 9
  });
});
