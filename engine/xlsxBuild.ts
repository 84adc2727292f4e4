import JSZip from "jszip";
import { Workbook } from "./workbook.ts";
import { readCharts } from "./xlsxChartsIn.ts";
import type { ParsedWorkbook } from "./xlsxIn.ts";
import { addDefinedNames } from "./xlsxNames.ts";

/*
 * The second step of opening an .xlsx: the workbook made from what the file
 * holds (engine/xlsxIn.ts), with HyperFormula's evaluation suspended while
 * cells go in. Given `onProgress`, cells go in about ten thousand at a time,
 * each step evaluated before the next (Workbook.settleBatch), and the page is
 * given a turn whenever a slice of work has run for SLICE_MS: the workbench
 * shows a progress bar and stays responsive while a big file is built.
 */

/** Cells set in one step when building in steps: small steps keep HyperFormula's garbage small. */
const CELLS_PER_STEP = 5_000;
/** The longest the page's thread is held before it is given a turn (a long task is 50 ms). */
const SLICE_MS = 40;

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
  let sliceStart = performance.now();
  const step = async () => {
    if (!options.onProgress) return;
    model.settleBatch();
    if (performance.now() - sliceStart < SLICE_MS) return;
    options.onProgress(done, total);
    await new Promise((resolve) => setTimeout(resolve, 0));
    sliceStart = performance.now();
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
      for (const [i, [row, column, format]] of sheet.formats.entries()) {
        model.setNumberFormats(sheet.name, { top: row, left: column, bottom: row, right: column }, [[format]]);
        if (i % CELLS_PER_STEP === CELLS_PER_STEP - 1) await step();
      }
      for (const [i, [row, column, style]] of sheet.styles.entries()) {
        model.setStyle(sheet.name, { top: row, left: column, bottom: row, right: column }, style);
        if (i % CELLS_PER_STEP === CELLS_PER_STEP - 1) await step();
      }
      for (const block of sheet.blocks) {
        const width = block.right - block.left + 1;
        const rows = options.onProgress ? Math.max(1, Math.floor(CELLS_PER_STEP / width)) : block.lines.length;
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
    for (const sheet of sheets) if (sheet.protection) model.sheet(sheet.name).protection = sheet.protection;
    model.structureProtection = parsed.structureProtection;
    // Visibility last: the workbook must keep a visible sheet while loading.
    for (const sheet of sheets) if (sheet.visibility !== "Visible") model.setVisibility(sheet.name, sheet.visibility);
    model.activeSheet = model.sheets.find((s) => s.visibility === "Visible")!.name;
  });
  // Charts, which exceljs does not read: those the workbench draws come back; the rest are listed, to be said before a save loses them.
  const charts = await readCharts(await JSZip.loadAsync(bytes), model, parsed.parts);
  model.notKept = [...charts.notRead, ...namesNotKept];
  return model;
}
