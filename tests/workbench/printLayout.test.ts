import { describe, expect, it } from "vitest";
import { printLayout } from "../../workbench/printLayout.ts";

/*
 * The print preview's page, by hand: A4 is 210 by 297 mm; Excel's normal
 * margins are 0.7 inch (17.78 mm) at the sides and 0.75 inch (19.05 mm) top
 * and bottom; a point is 25.4/72 mm.
 */
const PT = 25.4 / 72;

describe("how a sheet lies on paper", () => {
  it("fits content to one landscape A4 page, scaled by the tighter of width and height", () => {
    const layout = printLayout({ orientation: "Landscape", paperSize: "A4", fitToPagesWide: 1, fitToPagesTall: 1 }, 1000, 500);
    expect(layout.page).toEqual({ width: 297, height: 210 });
    // Printable: (297 - 35.56) mm = 741.09 pt wide, (210 - 38.1) mm = 487.28 pt tall; width binds: 741.09 / 1000.
    expect(layout.scale).toBeCloseTo((297 - 2 * 17.78) / PT / 1000, 10);
    expect(layout.scale).toBeCloseTo(0.74109, 5);
    expect([layout.pagesWide, layout.pagesTall]).toEqual([1, 1]);
    expect(layout.describe).toBe("A4 landscape, fit to 1 page wide by 1 tall: 74% of actual size, 1 page");
  });

  it("prints at actual size without a fit, counting the pages, and never scales below 10% or above 100%", () => {
    const portrait = printLayout({}, 1000, 2000);
    expect(portrait.page).toEqual({ width: 210, height: 297 });
    expect(portrait.scale).toBe(1);
    // (210 - 35.56) mm = 494.48 pt wide: 3 pages across; (297 - 38.1) mm = 733.89 pt tall: 3 pages down.
    expect([portrait.pagesWide, portrait.pagesTall]).toEqual([3, 3]);
    expect(portrait.describe).toBe("A4 portrait: 100% of actual size, 9 pages (3 wide by 3 tall); the preview shows the first");
    expect(printLayout({ fitToPagesWide: 1, fitToPagesTall: 1 }, 100, 100).scale).toBe(1);
    expect(printLayout({ fitToPagesWide: 1, fitToPagesTall: 1 }, 100_000, 100).scale).toBe(0.1);
    expect(printLayout({ paperSize: "Letter", orientation: "Landscape" }, 10, 10).page).toEqual({ width: 279.4, height: 215.9 });
    // A scale set as a percent, as wfplan sets the Board's page: 1,000 x 500 points at 57% is 570 x 285, inside 741 x 487.
    const scaled = printLayout({ orientation: "Landscape", paperSize: "A4", scale: 57 }, 1000, 500);
    expect([scaled.scale, scaled.pagesWide, scaled.pagesTall]).toEqual([0.57, 1, 1]);
    expect(scaled.describe).toBe("A4 landscape, at a scale set: 57% of actual size, 1 page");
  });
});
