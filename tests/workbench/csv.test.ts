import { beforeAll, describe, expect, it } from "vitest";
import { csvValue, parseCsv, readCsv } from "../../engine/csv.ts";
import { registerWfpFunctions } from "../../engine/hyperformula.ts";
import { loadMetadata } from "../../engine/metadata.ts";

/* CSV as an ESR extract or an NHS Digital download arrives. */

beforeAll(async () => registerWfpFunctions(await loadMetadata()));

describe("CSV files", () => {
  it("splits quoted fields with separators, quotes and line breaks inside", () => {
    expect(parseCsv('a,"b, c","say ""hi""","two\nlines"\r\n1,2,3,4', ",")).toEqual([
      ["a", "b, c", 'say "hi"', "two\nlines"],
      ["1", "2", "3", "4"],
    ]);
  });

  it("reads values as Excel does: numbers, pounds, per cent, UK and ISO dates; identifiers and formula-like text stay text", () => {
    expect(csvValue("1,234.5")).toEqual({ value: 1234.5, format: "#,##0.0" });
    expect(csvValue("12,000")).toEqual({ value: 12000, format: "#,##0" });
    expect(csvValue("£45,890.61")).toEqual({ value: 45890.61, format: "£#,##0.00" });
    expect(csvValue("9.5%")).toEqual({ value: 0.095, format: "0%" });
    expect(csvValue("-3")).toEqual({ value: -3 });
    // 31 March 2026 is Excel's day 46112.
    expect(csvValue("31/03/2026")).toEqual({ value: 46112, format: "dd/mm/yyyy" });
    expect(csvValue("2026-03-31")).toEqual({ value: 46112, format: "dd/mm/yyyy" });
    expect(csvValue("31/02/2026")).toEqual({ value: "31/02/2026" }); // no such day
    expect(csvValue("00012345")).toEqual({ value: "'00012345" });
    expect(csvValue("=HYPERLINK(1)")).toEqual({ value: "'=HYPERLINK(1)" });
    expect(csvValue("Band 5")).toEqual({ value: "Band 5" });
    expect(csvValue("")).toEqual({ value: null });
  });

  it("finds the separator and the encoding, and names the sheet after the file", () => {
    // Semicolons, Windows-1252 (0xA3 is £ there, and no UTF-8).
    const bytes = Uint8Array.from([
      ...new TextEncoder().encode("Staff Group;Pay Band;Annual\nNursing;Band 5;"),
      0xa3,
      ...new TextEncoder().encode("31000\n"),
    ]);
    const read = readCsv(bytes, "ESR extract: March.csv");
    expect(read).toMatchObject({ delimiter: ";", encoding: "Windows-1252", rows: 2 });
    expect(read.model.sheets.map((s) => s.name)).toEqual(["ESR extract  March"]);
    expect(read.model.values("ESR extract  March", { top: 0, left: 0, bottom: 1, right: 2 })).toEqual([
      ["Staff Group", "Pay Band", "Annual"],
      ["Nursing", "Band 5", 31000],
    ]);
    // UTF-8 with a byte-order mark, tab separated.
    const utf8 = readCsv(new TextEncoder().encode("\uFEFFGroup\tFTE\nNurses\t0.8\n"), "x.csv");
    expect(utf8).toMatchObject({ delimiter: "\t", encoding: "UTF-8", rows: 2 });
    expect(utf8.model.values("x", { top: 0, left: 0, bottom: 1, right: 1 })).toEqual([
      ["Group", "FTE"],
      ["Nurses", 0.8],
    ]);
  });
});
