import JSZip from "jszip";
import { xmlText } from "../xlsx/package.ts";
import type { Workbook } from "./workbook.ts";

/*
 * Defined names as Excel stores them (xl/workbook.xml), read and written here
 * because exceljs keeps only names of ranges: it drops a name of a constant
 * (`AwardCap` = 0.02) and turns a name of a formula (`Sheet1!$A$1*2`) into the
 * range it mentions. A planner's assumptions are often such names, and the
 * pane's driver expressions read them.
 */

export interface DefinedName {
  name: string;
  /** The name's formula as Excel stores it, without "=". */
  text: string;
  /** Set for a name scoped to one sheet (its index). */
  localSheetId?: string;
  /** Hidden from Name Manager. */
  hidden?: boolean;
}

const escapeXml = (s: string) => s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

/** The file's defined names, Excel's own (_xlnm.Print_Area and the like) left out: they are read as page setup. */
export async function definedNamesIn(zip: JSZip): Promise<DefinedName[]> {
  const xml = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  return [...xml.matchAll(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g)].flatMap((m) => {
    const name = xmlText(/\bname="([^"]*)"/.exec(m[1]!)?.[1] ?? "");
    if (!name || name.startsWith("_xlnm.")) return [];
    const localSheetId = /\blocalSheetId="(\d+)"/.exec(m[1]!)?.[1];
    const hidden = /\bhidden="(1|true)"/.test(m[1]!);
    return [{ name, text: xmlText(m[2]!), ...(localSheetId === undefined ? {} : { localSheetId }), ...(hidden ? { hidden } : {}) }];
  });
}

/** Adds the file's defined names to the workbook; says, for each it cannot hold, what and why. */
export function addDefinedNames(model: Workbook, names: readonly DefinedName[]): string[] {
  const notKept: string[] = [];
  for (const { name, text, localSheetId, hidden } of names) {
    if (localSheetId !== undefined) {
      notKept.push(`the name ${name} of one sheet only (the workbench holds names of the whole workbook)`);
      continue;
    }
    try {
      model.addName(name, `=${text}`, "", !hidden);
    } catch (error) {
      notKept.push(`the name ${name} (=${text}): ${(error as Error).message}`);
    }
  }
  return notKept;
}

/** True for a name exceljs can save: one range of one sheet. */
export const isRangeName = (formula: string) => /^=?(?:'(?:[^']|'')+'|[^!'=]+)!\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?$/i.test(formula);

/** Adds the names exceljs cannot write (constants, formulas) to the package's xl/workbook.xml. */
export async function addNameParts(zip: JSZip, names: readonly { name: string; formula: string; visible?: boolean }[]): Promise<void> {
  if (!names.length) return;
  let xml = await zip.file("xl/workbook.xml")!.async("string");
  const added = names
    .map(
      (n) =>
        `<definedName name="${escapeXml(n.name)}"${n.visible === false ? ' hidden="1"' : ""}>${escapeXml(n.formula.replace(/^=/, ""))}</definedName>`,
    )
    .join("");
  // Excel wants definedNames after sheets and before calcPr.
  if (xml.includes("</definedNames>")) xml = xml.replace("</definedNames>", `${added}</definedNames>`);
  else if (xml.includes("<definedNames/>")) xml = xml.replace("<definedNames/>", `<definedNames>${added}</definedNames>`);
  else xml = xml.replace("</sheets>", `</sheets><definedNames>${added}</definedNames>`);
  zip.file("xl/workbook.xml", xml);
}
