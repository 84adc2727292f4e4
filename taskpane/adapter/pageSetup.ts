import { onePageScale } from "../../src/onePage.ts";
import { isSupported, PAGE_SETUP } from "./requirements.ts";
import type { SheetWriter } from "./sheetWriter.ts";

/*
 * The page a board prints: A4, landscape, the given cells on one page. The
 * only code that touches PageLayout (ExcelApi 1.9): where Excel lacks it,
 * nothing is queued and the caller tells the planner.
 */

/** Queues the page setup of rows x columns from A1 on one page; false where this Excel cannot set a page up. */
export function queueOnePageA4(out: SheetWriter, rows: number, columns: number): boolean {
  return queueA4Landscape(out, rows, columns, rows);
}

/**
 * Queues A4 landscape pages for rows x columns from A1, scaled so the columns
 * fit across one page and, given `onePageRows`, that many rows down it (a
 * long sheet then runs on over more pages); false where this Excel cannot.
 */
export function queueA4Landscape(out: SheetWriter, rows: number, columns: number, onePageRows = 1): boolean {
  if (!isSupported(PAGE_SETUP)) return false;
  const layout = out.sheet.pageLayout;
  layout.orientation = "Landscape" as Excel.PageOrientation;
  layout.paperSize = "A4" as Excel.PaperType;
  // A scale, not fit-to-pages: Excel applies fit-to-pages from an add-in only once Page Layout has been shown (src/onePage.ts).
  const widths = Array.from({ length: columns }, (_, column) => out.widthOf(column));
  layout.zoom = { scale: onePageScale(widths, onePageRows) };
  layout.setPrintArea(out.sheet.getRangeByIndexes(0, 0, rows, columns));
  return true;
}
