import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Workbook } from "../../engine/workbook.ts";
import { readXlsx, writeXlsx } from "../../engine/xlsx.ts";
import { SAMPLE_FILE } from "../../examples/generate.ts";
import { installExcelGlobals } from "../../excelHost/index.ts";
import { readTrustFiles, writeSystemView } from "../../taskpane/useCases/systemView.ts";
import { icsFiles } from "../system/trustFiles.ts";
import { registerWfpFunctions } from "../../engine/hyperformula.ts";
import { loadMetadata } from "../../engine/metadata.ts";
import "../workbench/plan.ts"; // removes the Excel globals after the file

/*
 * Readers without the add-in: what a workbook wfplan saved shows where wfplan
 * is not installed, read in LibreOffice headless (Debian's
 * libreoffice-calc-nogui, which .ci/run installs). Every sheet is exported as
 * CSV and compared, cell by cell, with what wfplan wrote: the results and ICS
 * summary sheets hold values, so they read the same; a WFP formula keeps its
 * cached value, except a spilled one, which LibreOffice recalculates on
 * opening and, not knowing the function, shows as #NAME? (the README says so).
 */

const SOFFICE = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((p) => existsSync(p));
const WHY_SKIPPED = "LibreOffice (soffice) is not installed here: .ci/run installs Debian's libreoffice-calc-nogui and runs this check";

/** Every sheet of `file` as LibreOffice reads it: its cells as CSV text, by sheet name. */
function asLibreOfficeReadsIt(file: string): Map<string, string[][]> {
  const out = mkdtempSync(join(tmpdir(), "wfplan-lo-"));
  // Comma, double quote, UTF-8, from line 1; cells as stored, not as shown; each sheet to its own file (-1).
  const filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";
  execFileSync(
    SOFFICE!,
    ["--headless", "--norestore", `-env:UserInstallation=file://${out}/profile`, "--convert-to", filter, "--outdir", out, file],
    {
      stdio: "pipe",
      timeout: 120_000,
    },
  );
  const stem = file
    .split("/")
    .pop()!
    .replace(/\.xlsx$/, "");
  const sheets = new Map<string, string[][]>();
  for (const name of readdirSync(out).filter((n) => n.startsWith(`${stem}-`) && n.endsWith(".csv")))
    sheets.set(name.slice(stem.length + 1, -4), parseCsv(readFileSync(join(out, name), "utf8")));
  return sheets;
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = "";
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") endCell();
    else if (ch === "\n") {
      endCell();
      rows.push(row);
      row = [];
    } else if (ch !== "\r") cell += ch;
  }
  if (cell || row.length) {
    endCell();
    rows.push(row);
  }
  return rows;
}

/** The cells that differ between what wfplan holds for `sheet` and what LibreOffice showed, as "B13: wrote 930.18, shows #NAME?". */
function differences(model: Workbook, sheet: string, shown: string[][]): string[] {
  const used = model.usedRange(sheet);
  if (!used) return [];
  const values = model.values(sheet, { top: 0, left: 0, bottom: used.bottom, right: used.right });
  const found: string[] = [];
  values.forEach((line, r) =>
    line.forEach((value, c) => {
      const text = shown[r]?.[c] ?? "";
      const same =
        typeof value === "number"
          ? text !== "" &&
            Math.abs(Number(text.endsWith("%") ? Number(text.slice(0, -1)) / 100 : text.replace(/[£,]/g, "")) - value) <=
              1e-9 * Math.max(1, Math.abs(value))
          : typeof value === "boolean"
            ? text === (value ? "TRUE" : "FALSE")
            : String(value ?? "") === text;
      if (!same) found.push(`${String.fromCharCode(65 + (c % 26))}${r + 1}: wrote ${JSON.stringify(value)}, shows ${JSON.stringify(text)}`);
    }),
  );
  return found;
}

describe.skipIf(!SOFFICE)(
  SOFFICE ? "what a reader without wfplan sees, in LibreOffice" : `LibreOffice check skipped: ${WHY_SKIPPED}`,
  () => {
    let dir: string;
    beforeAll(async () => {
      registerWfpFunctions(await loadMetadata());
      dir = mkdtempSync(join(tmpdir(), "wfplan-readers-"));
    });

    it("shows the sample's WFP formulas' cached values, except a spilled one, which it shows as #NAME?", async () => {
      const model = await readXlsx(readFileSync(SAMPLE_FILE));
      const shown = asLibreOfficeReadsIt(SAMPLE_FILE);
      expect([...shown.keys()].sort()).toEqual(
        model.sheets
          .filter((s) => s.visibility === "Visible")
          .map((s) => s.name)
          .sort(),
      );
      // Band 5 top of scale, fully loaded (WFP.COST), as cached: 51,892.2688.
      expect(shown.get("Summary")![10]![1]).toBe("51892.2688");
      const summary = differences(model, "Summary", shown.get("Summary")!);
      expect(summary.length).toBeGreaterThan(0);
      expect(summary.every((d) => /^[B-F]13: wrote [\d.]+, shows "#NAME\?"$/.test(d))).toBe(true);
      for (const sheet of [...shown.keys()].filter((s) => s !== "Summary"))
        expect(differences(model, sheet, shown.get(sheet)!), sheet).toEqual([]);
    }, 180_000);

    it("reads a trust's results sheet and an ICS summary exactly as wfplan wrote them", async () => {
      const files = icsFiles();
      const trust = join(dir, "trust.xlsx");
      writeFileSync(trust, files.trusts[0]!.bytes);
      const trustModel = await readXlsx(files.trusts[0]!.bytes);
      const results = trustModel.sheets.filter((s) => /^WFP /.test(s.name)).map((s) => s.name);
      expect(results.length).toBeGreaterThan(0);
      const trustShown = asLibreOfficeReadsIt(trust);
      // Hundreds of figures compared, not an empty export.
      expect(
        trustShown
          .get(results[0]!)!
          .flat()
          .filter((text) => /^-?\d/.test(text)).length,
      ).toBeGreaterThan(100);
      for (const sheet of results) expect(differences(trustModel, sheet, trustShown.get(sheet)!), sheet).toEqual([]);

      installExcelGlobals(trustModel);
      const { read } = await readTrustFiles(files.trusts.map((t) => ({ name: t.name, bytes: t.bytes })));
      const view = await writeSystemView(
        read.map((workbook) => ({ workbook, scenario: "Plan 2025" })),
        { share: 0.5, fee: 0.05, capFte: {} },
      );
      const ics = join(dir, "ics.xlsx");
      writeFileSync(ics, (await writeXlsx(trustModel)).bytes);
      const icsShown = asLibreOfficeReadsIt(ics);
      expect(differences(trustModel, view.sheet, icsShown.get(view.sheet)!)).toEqual([]);
    }, 180_000);
  },
);
