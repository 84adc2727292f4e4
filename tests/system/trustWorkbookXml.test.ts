import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { readTrustWorkbook } from "../../files/trustWorkbook.ts";
import { STORE_SHEET } from "../../src/index.ts";

/*
 * The pane's reader of other trusts' workbooks reads the scenario store with
 * the one .xlsx cell reader (xlsx/sheetCells.ts), so it reads what other
 * programs write as the engine does: namespace prefixes, shared strings with
 * phonetic guides, inline strings, and names that look like numbers.
 */

const scenario = {
  name: "2025",
  startYear: "2025/26",
  horizonYears: 1,
  staffGroups: [{ name: "Nursing", grades: [{ grade: "5", establishmentFte: 10, inPostFte: 9 }] }],
};

async function workbookWith(sheetXml: string, shared: string[]): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    "xl/workbook.xml",
    `<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet r:id="rId1" name="${STORE_SHEET}" sheetId="1"/></x:sheets></x:workbook>`,
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Target="worksheets/sheet1.xml" Id="rId1" Type="x"/></Relationships>`,
  );
  zip.file("xl/worksheets/sheet1.xml", sheetXml);
  zip.file("xl/sharedStrings.xml", `<x:sst xmlns:x="m">${shared.map((s) => `<x:si>${s}</x:si>`).join("")}</x:sst>`);
  return zip.generateAsync({ type: "uint8array" });
}

describe("another trust's workbook, as other programs save it", () => {
  it("reads the store with namespace prefixes, phonetic guides left out and a name that looks like a number", async () => {
    const json = JSON.stringify(scenario);
    const esc = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll('"', "&quot;");
    const sheet =
      `<x:worksheet xmlns:x="m"><x:sheetData>` +
      `<x:row r="2"><x:c r="A2" t="s"><x:v>0</x:v></x:c><x:c r="B2" t="inlineStr"><x:is><x:t>2026-11-30T10:00:00.000Z</x:t></x:is></x:c>` +
      `<x:c r="C2"><x:v>1</x:v></x:c><x:c r="D2" t="inlineStr"><x:is><x:t>${esc(json)}</x:t></x:is></x:c></x:row>` +
      `</x:sheetData></x:worksheet>`;
    // A2 is the scenario's name "2025", with a phonetic guide as Japanese Excel writes one.
    const bytes = await workbookWith(sheet, ['<x:r><x:t>2025</x:t></x:r><x:rPh sb="0" eb="4"><x:t>ニセンニジュウゴ</x:t></x:rPh>']);
    const read = await readTrustWorkbook(bytes, "Hill Trust.xlsx");
    expect(read.trust).toBe("Hill Trust");
    expect(read.problems).toEqual([]);
    expect(read.scenarios.map((s) => [s.name, s.savedAt, s.input.name])).toEqual([["2025", "2026-11-30T10:00:00.000Z", "2025"]]);
  });
});
