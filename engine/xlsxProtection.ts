import type JSZip from "jszip";
import { sheetPaths } from "../xlsx/package.ts";
import type { Workbook } from "./workbook.ts";

/*
 * Protection as the file had it, written back whole (exceljs would write its
 * own, without the file's password hash): each protected sheet's
 * `<sheetProtection>` right after its cells, where the schema puts it, and
 * the workbook's `<workbookProtection>` before its views. A national
 * template opened and saved in the workbench stays as locked as it came.
 */
export async function addProtectionParts(zip: JSZip, model: Workbook): Promise<void> {
  const protectedSheets = model.sheets.filter((s) => s.protection);
  if (protectedSheets.length) {
    const paths = await sheetPaths(zip);
    for (const sheet of protectedSheets) {
      const path = paths.get(sheet.name);
      const xml = path ? await zip.file(path)?.async("string") : undefined;
      if (!path || xml === undefined) continue;
      const withoutOwn = xml.replace(/<sheetProtection\b[^>]*\/>/, "");
      const placed = withoutOwn.includes("</sheetData>")
        ? withoutOwn.replace("</sheetData>", `</sheetData>${sheet.protection}`)
        : withoutOwn.replace(/<sheetData\s*\/>/, (cells) => `${cells}${sheet.protection}`);
      zip.file(path, placed);
    }
  }
  if (model.structureProtection) {
    const xml = (await zip.file("xl/workbook.xml")!.async("string")).replace(/<workbookProtection\b[^>]*\/>/, "");
    zip.file(
      "xl/workbook.xml",
      xml.replace(/<bookViews\b|<sheets\b/, (next) => `${model.structureProtection}${next}`),
    );
  }
}
