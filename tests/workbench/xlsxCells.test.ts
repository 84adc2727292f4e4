import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { cellAddress, parseRangeAddress } from "../../src/addresses.ts";
import { slideFormula } from "../../xlsx/sharedFormulas.ts";
import { sharedStringsIn, sheetCells, type SheetCell } from "../../xlsx/sheetCells.ts";
import { cellLooks, isDateFormat } from "../../xlsx/styles.ts";
import { formulaFromFile } from "../../xlsx/fileFormulas.ts";
import { SAMPLE_FILE } from "../../examples/generate.ts";
import { sheetPaths } from "../../xlsx/package.ts";

/*
 * Opening reads cells straight from each sheet's XML (engine/xlsxSheetCells.ts)
 * and their looks from xl/styles.xml (engine/xlsxStyles.ts). Checked against
 * exceljs, which read them before, cell by cell on real files, and by hand on
 * XML that Excel and other programs write but exceljs does not.
 */

type Read = [address: string, input: unknown, format: string, look: object];

/** Every cell as exceljs reads it, taken as the workbook would take it (the reader this one replaced). */
async function byExcelJs(bytes: Buffer | ExcelJS.Workbook, sheetName: string): Promise<Read[]> {
  const file = bytes instanceof ExcelJS.Workbook ? bytes : new ExcelJS.Workbook();
  if (!(bytes instanceof ExcelJS.Workbook)) await file.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = file.getWorksheet(sheetName)!;
  const read: Read[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const value = cell.value as unknown;
      const text = (t: string) => (/^\s*[-+]?(\d|\.\d)/.test(t) || t.startsWith("=") || t.startsWith("'") ? `'${t}` : t);
      const serial = (d: Date) => d.getTime() / 86_400_000 + 25_569;
      let input: unknown;
      if (typeof value === "string") input = text(value);
      else if (value instanceof Date) input = serial(value);
      else if (value && typeof value === "object" && cell.formula) input = `=${formulaFromFile(cell.formula)}`;
      else if (value && typeof value === "object" && "richText" in value)
        input = text((value as { richText: { text: string }[] }).richText.map((p) => p.text).join(""));
      else if (value && typeof value === "object" && "error" in value) input = (value as { error: string }).error;
      else if (value && typeof value === "object" && "text" in value) input = text(String((value as { text: string }).text));
      else input = value;
      if (input === "") return;
      const color = cell.font?.color?.argb;
      const fill = cell.fill?.type === "pattern" ? cell.fill.fgColor?.argb : undefined;
      const look = {
        ...(cell.font?.bold ? { bold: true } : {}),
        ...(cell.font?.italic ? { italic: true } : {}),
        ...(color ? { color: `#${color.slice(-6)}` } : {}),
        ...(fill ? { fill: `#${fill.slice(-6)}` } : {}),
      };
      read.push([cell.address, input, cell.numFmt && cell.numFmt !== "General" ? cell.numFmt : "General", look]);
    }),
  );
  return read;
}

const address = (cell: SheetCell) => cellAddress(cell.row, cell.column);

/** Every cell as the workbench now reads it. */
async function byXml(bytes: Buffer, sheetName: string): Promise<Read[]> {
  const zip = await JSZip.loadAsync(bytes);
  const looks = cellLooks(await zip.file("xl/styles.xml")?.async("string"));
  const shared = sharedStringsIn(await zip.file("xl/sharedStrings.xml")?.async("string"));
  const xml = await zip.file((await sheetPaths(zip)).get(sheetName)!)!.async("string");
  // A merge's other cells are left out by the opener (engine/xlsxIn.ts), as exceljs's reader left them out.
  const merges = [...xml.matchAll(/<mergeCell ref="([A-Z]+\d+:[A-Z]+\d+)"/g)].map((m) => parseRangeAddress(m[1]!));
  const inMerge = (cell: SheetCell) =>
    merges.some(
      (r) =>
        cell.row >= r.top &&
        cell.row <= r.bottom &&
        cell.column >= r.left &&
        cell.column <= r.right &&
        (cell.row !== r.top || cell.column !== r.left),
    );
  return [...sheetCells(xml, shared)]
    .filter((cell) => !inMerge(cell))
    .map((cell) => {
      const { format, ...look } = looks[cell.style] ?? { format: "General" };
      delete look.date; // the workbench's own flag for the 1904 date system, which exceljs reports otherwise
      return [address(cell), cell.input, format, look];
    });
}

describe("cells read from the sheet's XML, as exceljs read them", () => {
  it("on a workbook with every kind of cell a planner's file holds", async () => {
    const file = new ExcelJS.Workbook();
    const sheet = file.addWorksheet("Kinds");
    sheet.getCell("A1").value = "Band 5";
    sheet.getCell("B1").value = 37.5;
    sheet.getCell("C1").value = true;
    sheet.getCell("D1").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
    sheet.getCell("E1").value = "00123";
    sheet.getCell("F1").value = "=not a formula";
    sheet.getCell("G1").value = { richText: [{ text: "Rich " }, { text: "text", font: { bold: true } }] };
    sheet.getCell("H1").value = { text: "NHS Digital", hyperlink: "https://digital.nhs.uk" };
    sheet.getCell("A2").value = new Date(Date.UTC(2025, 3, 1));
    sheet.getCell("A2").numFmt = "dd/mm/yyyy";
    sheet.getCell("B2").value = new Date(Date.UTC(2025, 3, 1, 7, 30));
    sheet.getCell("B2").numFmt = "mm-dd-yy";
    sheet.getCell("C2").value = 0.0325;
    sheet.getCell("C2").numFmt = "0.00%";
    sheet.getCell("D2").value = 1234.5;
    sheet.getCell("D2").numFmt = "£#,##0.00;[Red]-£#,##0.00";
    sheet.getCell("E2").value = "Bold red on yellow";
    sheet.getCell("E2").font = { bold: true, italic: true, color: { argb: "FFC00000" } };
    sheet.getCell("E2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
    sheet.getCell("A3").value = { formula: "SUM(B1:B2)*2", result: 75 };
    sheet.getCell("B3").value = { formula: "A3+$B$1", result: 112.5 };
    sheet.getCell("B4").value = { sharedFormula: "B3", result: 0 } as unknown as ExcelJS.CellValue;
    sheet.getCell("B5").value = { sharedFormula: "B3", result: 0 } as unknown as ExcelJS.CellValue;
    sheet.getCell("A6").value = "Merged title";
    sheet.mergeCells("A6:C6");
    sheet.getCell("XFD1048576").value = "far corner";
    const bytes = Buffer.from(await file.xlsx.writeBuffer());
    const mine = await byXml(bytes, "Kinds");
    expect(mine).toEqual(await byExcelJs(bytes, "Kinds"));
    // And by hand, where the two agreeing would not be enough: 1 April 2025 07:30 is day 45,748.3125; B4 and B5 follow B3 down.
    const input = (at: string) => mine.find(([a]) => a === at)?.[1];
    expect([input("A2"), input("B2"), input("E1"), input("F1"), input("G1")]).toEqual([
      45_748,
      45_748.3125,
      "'00123",
      "'=not a formula",
      "Rich text",
    ]);
    expect([input("B4"), input("B5")]).toEqual(["=A4+$B$1", "=A5+$B$1"]);
  });

  it("on the sample trust's workbook and the ICS examples, every sheet", async () => {
    const files = [
      SAMPLE_FILE,
      ...["Northfield Hospitals", "Thameside University Hospitals", "Vale Community Health"].map(
        (name) => new URL(`../../examples/ics/${name}.xlsx`, import.meta.url),
      ),
    ];
    let compared = 0;
    for (const path of files) {
      const bytes = readFileSync(path);
      const names = [...(await sheetPaths(await JSZip.loadAsync(bytes))).keys()];
      const file = new ExcelJS.Workbook();
      await file.xlsx.load(bytes as unknown as ArrayBuffer);
      for (const name of names) {
        const mine = await byXml(bytes, name);
        expect(mine, `${String(path)} ${name}`).toEqual(await byExcelJs(file, name));
        compared += mine.length;
      }
    }
    expect(compared).toBeGreaterThan(20_000);
  });
});

describe("cells as other programs write them", () => {
  it("reads namespace prefixes, cells without addresses, inline strings, ISO dates, phonetic guides and escapes", () => {
    const xml = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
      <x:row r="2"><x:c t="inlineStr"><x:is><x:t>Ward A</x:t></x:is></x:c><x:c><x:v>12.5</x:v></x:c><x:c t="d"><x:v>2025-04-01T07:30:00</x:v></x:c></x:row>
      <x:row><x:c r="B3" t="s"><x:v>0</x:v></x:c><x:c r="C3" t="str"><x:f>"a"&amp;"b"</x:f><x:v>ab</x:v></x:c><x:c r="D3" s="1"/></x:row>
    </x:sheetData></x:worksheet>`;
    const shared = sharedStringsIn(
      `<sst><si><r><t>Line one_x000D_</t></r><r><t xml:space="preserve"> &amp; two</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></si></sst>`,
    );
    expect([...sheetCells(xml, shared)].map((c) => [address(c), c.input])).toEqual([
      ["A2", "Ward A"],
      ["B2", 12.5],
      ["C2", 45_748.3125],
      ["B3", "Line one\r & two"],
      ["C3", '="a"&"b"'],
    ]);
  });

  it("reads a file's own formats and looks by style index, and Excel's built-in formats by number", () => {
    const looks = cellLooks(`<styleSheet>
      <numFmts count="1"><numFmt numFmtId="164" formatCode="&quot;£&quot;#,##0"/></numFmts>
      <fonts count="2"><font><sz val="11"/><color theme="1"/></font><font><b/><i val="0"/><color rgb="FF1F4E79"/></font></fonts>
      <fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>
        <fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills>
      <cellStyleXfs count="1"><xf numFmtId="0" fontId="1" fillId="2"/></cellStyleXfs>
      <cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0"/><xf numFmtId="164" fontId="1" fillId="2" applyNumberFormat="1"/>
        <xf numFmtId="14" fontId="0" fillId="0"/><xf numFmtId="9" fontId="0" fillId="1"/></cellXfs>
    </styleSheet>`);
    expect(looks).toEqual([
      { format: "General" },
      { format: '"£"#,##0', bold: true, color: "#1F4E79", fill: "#DDEBF7" },
      { format: "mm-dd-yy", date: true },
      { format: "0%" },
    ]);
  });

  it("tells a date or time format from a number format, as Excel does", () => {
    const dates = ["dd/mm/yyyy", "mm-dd-yy", "d mmm yyyy", "hh:mm", "[h]:mm:ss", "[$-en-GB]dd mmmm yyyy", "h:mm AM/PM"];
    const numbers = ["General", "0.00", "£#,##0.00;[Red]-£#,##0.00", "0.0%", '#,##0 "days"', "0.00E+00", "@", "_-£* #,##0_-"];
    expect(dates.filter(isDateFormat)).toEqual(dates);
    expect(numbers.filter(isDateFormat)).toEqual([]);
  });

  it("moves a shared formula's relative references as Excel fills, and leaves the rest", () => {
    expect(slideFormula("SUM(A1:B2)*$C$1+C$1+$D1", 2, 1)).toBe("SUM(B3:C4)*$C$1+D$1+$D3");
    expect(slideFormula(`'Staff 2025'!A1&"A1"&Sheet2!B2&LOG10(A1)&tblStaff[FTE]`, 1, 0)).toBe(
      `'Staff 2025'!A2&"A1"&Sheet2!B3&LOG10(A2)&tblStaff[FTE]`,
    );
    expect(slideFormula("A1+1", -1, 0)).toBe("#REF!+1");
  });
});

describe("where each sheet's cells are in the package", () => {
  it("is found whatever the order of the attributes and with namespace prefixes", async () => {
    const zip = new JSZip();
    zip.file(
      "xl/workbook.xml",
      `<x:workbook xmlns:x="main" xmlns:r="rels"><x:sheets><x:sheet r:id="rId2" sheetId="1" name="Staff &amp; posts"/><x:sheet name="Plan" sheetId="2" r:id="rId1"/></x:sheets></x:workbook>`,
    );
    zip.file(
      "xl/_rels/workbook.xml.rels",
      `<Relationships><Relationship Target="/xl/worksheets/plan.xml" Id="rId1" Type="worksheet"/><Relationship Id="rId2" Type="worksheet" Target="worksheets/staff.xml"/></Relationships>`,
    );
    expect([...(await sheetPaths(zip))]).toEqual([
      ["Staff & posts", "xl/worksheets/staff.xml"],
      ["Plan", "xl/worksheets/plan.xml"],
    ]);
  });
});
