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

/** An attribute of an element's opening tag, as written (`attributeOf('<c r="A1" s="2">', "s")` is "2"); r:id is not id. */
export function attributeOf(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}="([^"]*)"`).exec(tag)?.[1];
}

/** Where each sheet's XML lives in the package, by sheet name. */
export async function sheetPaths(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  // Attributes in any order, and elements with or without a namespace prefix, as other programs than Excel write them.
  const targets = new Map(
    [...rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].map((m) => [attributeOf(m[0], "Id"), attributeOf(m[0], "Target")] as const),
  );
  const paths = new Map<string, string>();
  for (const [tag] of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attributeOf(tag, "name");
    const target = targets.get(/\s\w+:id="([^"]*)"/.exec(tag)?.[1] ?? ""); // r:id, whatever the prefix
    if (name !== undefined && target)
      paths.set(xmlText(name), target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^xl\//, "")}`);
  }
  return paths;
}
