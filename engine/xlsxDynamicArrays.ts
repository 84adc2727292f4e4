import type JSZip from "jszip";
import { sheetPaths } from "../xlsx/package.ts";

/*
 * Spilled formulas as Excel 365 saves them: the anchor cell holds the formula
 * as an array formula over the spill (`<f t="array" ref="B13:F13">`, which
 * exceljs writes) marked dynamic with `cm="1"`, a cell-metadata index into
 * xl/metadata.xml's XLDAPR (dynamic array properties) block, which exceljs
 * cannot write; the other cells of the spill hold its cached values. Without
 * the mark, Excel reads a legacy array formula (and may show an `@`), and
 * other programs show only the first value. The metadata part, its content
 * type and relationship are those XlsxWriter writes (compared there against
 * Excel's own files) and the Open XML SDK's part rules name.
 */

const METADATA = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray"><metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes><futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata><cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>`;
const METADATA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml";
const METADATA_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata";

/** Marks every array formula on the named sheets as a dynamic array (all wfplan writes are spills), and adds the metadata part. */
export async function markDynamicArrays(zip: JSZip, sheets: ReadonlySet<string>): Promise<void> {
  if (!sheets.size) return;
  const paths = await sheetPaths(zip);
  for (const sheet of sheets) {
    const path = paths.get(sheet);
    if (!path) continue;
    const xml = await zip.file(path)!.async("string");
    zip.file(
      path,
      xml.replace(/<c ([^>]*)>(<f t="array")/g, (whole, attributes: string, formula: string) =>
        attributes.includes("cm=") ? whole : `<c ${attributes} cm="1">${formula}`,
      ),
    );
  }
  // exceljs writes no metadata part of its own; were one there, a second override or relationship would corrupt the file.
  if (zip.file("xl/metadata.xml")) return;
  zip.file("xl/metadata.xml", METADATA);
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file(
    "[Content_Types].xml",
    types.replace("</Types>", `<Override PartName="/xl/metadata.xml" ContentType="${METADATA_TYPE}"/></Types>`),
  );
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  zip.file(
    "xl/_rels/workbook.xml.rels",
    rels.replace("</Relationships>", `<Relationship Id="rIdWfplanMetadata" Type="${METADATA_REL}" Target="metadata.xml"/></Relationships>`),
  );
}
