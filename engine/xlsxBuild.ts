import JSZip from "jszip";
import { Workbook } from "./workbook.ts";
import { readCharts } from "./xlsxChartsIn.ts";
import type { ParsedWorkbook } from "./xlsxIn.ts";
import { addDefinedNames } from "./xlsxNames.ts";

/*
 * The second step of opening an .xlsx: the workbook made from what the file
 * holds (engine/xlsxIn.ts), with HyperFormula's evaluation suspended until
 * every cell is in. Given `onProgress`, cells go in a few thousand rows at a
 * time, with the page given a turn between, so the workbench can show a
 * progress bar and stay responsive while a big file is built.
 */

/** Rows of a block set in one step when building in steps. */
const ROWS_PER_STEP = 4_000;

export interface BuildOptions {
  /** Told the cells put in so far and in all, between steps; without it, the workbook is built in one go. */
  onProgress?: (done: number, total: number) => void;
}

export async function buildWorkbook(
  parsed: ParsedWorkbook,
  bytes: ArrayBuffer | Uint8Array,
  options: BuildOptions = {},
): Promise<Workbook> {
  const { sheets } = parsed;
  const model = new Workbook(sheets[0]!.name);
  const total = sheets.reduce((sum, s) => sum + s.cells, 0);
  let done = 0;
  const step = async () => {
    if (!options.onProgress) return;
    options.onProgress(done, total);
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  let namesNotKept: string[] = [];
  await model.batchAsync(async () => {
    for (const sheet of sheets.slice(1)) model.addSheet(sheet.name);
    // Tables first: formulas anywhere may refer to them by name.
    for (const sheet of sheets) {
      for (const table of sheet.tables) {
        model.setContents(sheet.name, table.range.top, table.range.left, [table.headers]);
        const info = model.addTable(sheet.name, table.range, true, table.name, table.style, table.headers);
        info.hasTotals = table.hasTotals;
      }
    }
    for (const sheet of sheets) {
      for (const [row, column, format] of sheet.formats)
        model.setNumberFormats(sheet.name, { top: row, left: column, bottom: row, right: column }, [[format]]);
      for (const [row, column, style] of sheet.styles)
        model.setStyle(sheet.name, { top: row, left: column, bottom: row, right: column }, style);
      for (const block of sheet.blocks) {
        const width = block.right - block.left + 1;
        const rows = options.onProgress ? ROWS_PER_STEP : block.lines.length;
        for (let first = 0; first < block.lines.length; first += rows) {
          const dense = block.lines.slice(first, first + rows).map((line) => Array.from({ length: width }, (_, c) => line[c] ?? null));
          model.setContents(sheet.name, block.top + first, block.left, dense);
          done += dense.reduce((sum, line) => sum + line.filter((v) => v !== null).length, 0);
          await step();
        }
      }
      for (const [column, points] of sheet.widths) model.setColumnWidth(sheet.name, column, points);
      for (const merge of sheet.merges) model.merge(sheet.name, merge);
    }
    namesNotKept = addDefinedNames(model, parsed.names);
    for (const sheet of sheets) if (sheet.pageSetup) model.setPageSetup(sheet.name, sheet.pageSetup);
    // Visibility last: the workbook must keep a visible sheet while loading.
    for (const sheet of sheets) if (sheet.visibility !== "Visible") model.setVisibility(sheet.name, sheet.visibility);
    model.activeSheet = model.sheets.find((s) => s.visibility === "Visible")!.name;
  });
  // Charts, which exceljs does not read: those the workbench draws come back; the rest are listed, to be said before a save loses them.
  const charts = await readCharts(await JSZip.loadAsync(bytes), model, parsed.parts);
  model.notKept = [...charts.notRead, ...namesNotKept];
  return model;
}
