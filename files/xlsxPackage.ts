import JSZip from "jszip";

/*
 * Small readers of an .xlsx package's own XML, with no spreadsheet engine:
 * where each sheet's part is, and XML text as it reads. Shared by the engine
 * (charts in and out) and by the readers of other trusts' saved workbooks,
 * which run in the task pane too (JSZip is MIT; nothing here is GPL).
 */

/** XML text as it reads: the five entities, numeric references, and OOXML's _xHHHH_ escapes of characters XML cannot hold. */
export function xmlText(s: string): string {
  return s
    .replace(/&#x([0-9a-fA-F]+);/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replaceAll("&quot;", '"')
    .replaceAll("&apos;", "'")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&")
    .replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Where each sheet's XML lives in the package, by sheet name. */
export async function sheetPaths(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const targets = new Map([...rels.matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
  return new Map(
    [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)].map((m) => [
      xmlText(m[1]!),
      `xl/${targets.get(m[2]!)!.replace(/^\/?xl\//, "")}`,
    ]),
  );
}
