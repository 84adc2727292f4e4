import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { registerWfpFunctions } from "../../engine/hyperformula.ts";
import { loadMetadata } from "../../engine/metadata.ts";
import { Workbook } from "../../engine/workbook.ts";
import { readXlsx, writeXlsx } from "../../engine/xlsx.ts";
import { partsNotKept } from "../../engine/xlsxParts.ts";
import { buildSample, SAMPLE_FILE } from "../../examples/generate.ts";
import { formatValue } from "../../engine/numberFormat.ts";

beforeAll(async () => registerWfpFunctions(await loadMetadata()));

describe(".xlsx round trip", () => {
  it("keeps values, formulas, number formats, tables, names and very hidden sheets", async () => {
    const model = new Workbook("Plan");
    model.setContents("Plan", 0, 0, [
      ["Band", "Hours", "FTE"],
      ["Band 5", 37.5, "=WFP.FTE(B2)"],
      ["Band 3", 30, "=WFP.FTE(B3)"],
      ["'00123", null, "=SUM(tblStaff[FTE])"],
    ]);
    model.addTable("Plan", { top: 0, left: 0, bottom: 2, right: 2 }, true, "tblStaff");
    model.setNumberFormats("Plan", { top: 1, left: 2, bottom: 3, right: 2 }, [["0.00"]]);
    model.addName("Hours", "=Plan!$B$2:$B$3");
    model.addSheet("wfplan_scenarios");
    model.setContents("wfplan_scenarios", 0, 0, [['{"name":"Base case"}']]);
    model.setVisibility("wfplan_scenarios", "VeryHidden");
    model.addChart("Plan", "ColumnClustered", { top: 0, left: 1, bottom: 2, right: 2 });

    const { bytes, notSaved } = await writeXlsx(model);
    expect(notSaved).toEqual([]);
    const back = await readXlsx(bytes);
    const all = { top: 0, left: 0, bottom: 3, right: 2 };
    expect(back.values("Plan", all)).toEqual([
      ["Band", "Hours", "FTE"],
      ["Band 5", 37.5, 1],
      ["Band 3", 30, 0.8],
      ["00123", "", 1.8],
    ]);
    expect(back.formulas("Plan", { top: 3, left: 2, bottom: 3, right: 2 })).toEqual([["=SUM(tblStaff[FTE])"]]);
    expect(back.numberFormats("Plan", { top: 1, left: 2, bottom: 1, right: 2 })).toEqual([["0.00"]]);
    expect(back.tables.map((t) => [t.name, t.columns])).toEqual([["tblStaff", ["Band", "Hours", "FTE"]]]);
    expect(back.names).toMatchObject([{ name: "Hours", formula: "=Plan!$B$2:$B$3" }]);
    expect(back.sheets).toEqual([
      { name: "Plan", visibility: "Visible" },
      { name: "wfplan_scenarios", visibility: "VeryHidden" },
    ]);

    // What Excel reads: the formula text, a cached result, and the sheet state.
    const file = new ExcelJS.Workbook();
    await file.xlsx.load(bytes as unknown as ArrayBuffer);
    // Excel stores an add-in's custom function as _xldudf_ NAMESPACE _ NAME, and maps it back when the add-in registers.
    expect(file.getWorksheet("Plan")!.getCell("C2").value).toEqual({ formula: "_xldudf_WFP_FTE(B2)", result: 1 });
    expect(file.getWorksheet("wfplan_scenarios")!.state).toBe("veryHidden");
  });

  it("opens dates as Excel holds them, serial numbers shown in the cell's date format, and saves them as dates", async () => {
    const file = new ExcelJS.Workbook();
    const sheet = file.addWorksheet("Extract");
    sheet.addRow(["Start", "Shift start", "Default date"]);
    sheet.addRow([new Date(Date.UTC(2025, 3, 1)), new Date(Date.UTC(2025, 3, 1, 7, 30)), new Date(Date.UTC(2026, 2, 31))]);
    sheet.getCell("A2").numFmt = "dd/mm/yyyy";
    sheet.getCell("B2").numFmt = "dd/mm/yyyy hh:mm";
    sheet.getCell("C2").numFmt = "mm-dd-yy"; // Excel's built-in format 14, its locale's short date
    sheet.getCell("D2").value = { formula: "A2+30", result: new Date(Date.UTC(2025, 4, 1)) };
    sheet.getCell("D2").numFmt = "dd/mm/yyyy";
    const model = await readXlsx((await file.xlsx.writeBuffer()) as ArrayBuffer);
    // 1 April 2025 is day 45,748 (1 January 1900 is day 1, with Excel's 29 February 1900); 07:30 is 0.3125 of a day.
    expect(model.values("Extract", { top: 1, left: 0, bottom: 1, right: 3 })).toEqual([[45_748, 45_748.3125, 46_112, 45_778]]);
    const [formats] = model.numberFormats("Extract", { top: 1, left: 0, bottom: 1, right: 3 });
    expect(formatValue(45_748, formats![0])).toBe("01/04/2025");
    expect(formatValue(46_112, formats![2])).toBe("31/03/2026");
    expect(formatValue(45_778, formats![3])).toBe("01/05/2025");
    // Saved, they are dates again for Excel: exceljs reads them back as Dates, in their formats.
    const again = new ExcelJS.Workbook();
    await again.xlsx.load((await writeXlsx(model)).bytes as unknown as ArrayBuffer);
    const saved = again.getWorksheet("Extract")!;
    expect(saved.getCell("A2").value).toEqual(new Date(Date.UTC(2025, 3, 1)));
    expect(saved.getCell("B2").value).toEqual(new Date(Date.UTC(2025, 3, 1, 7, 30)));
    expect([saved.getCell("A2").numFmt, saved.getCell("C2").numFmt]).toEqual(["dd/mm/yyyy", "mm-dd-yy"]);
  });

  it("opens a workbook on the 1904 date system (old Mac files) with its dates on the days they show", async () => {
    const file = new ExcelJS.Workbook();
    file.properties.date1904 = true;
    const sheet = file.addWorksheet("Mac");
    sheet.getCell("A1").value = new Date(Date.UTC(2025, 3, 1));
    sheet.getCell("A1").numFmt = "dd/mm/yyyy";
    sheet.getCell("B1").value = 1_462; // a number, not a date: left as it is
    const bytes = (await file.xlsx.writeBuffer()) as ArrayBuffer;
    // The file holds 1 April 2025 as day 44,286 counted from 1904; the workbench keeps the 1900 count, 45,748.
    expect(new TextDecoder().decode(await (await JSZip.loadAsync(bytes)).file("xl/worksheets/sheet1.xml")!.async("uint8array"))).toContain(
      "<v>44286</v>",
    );
    const model = await readXlsx(bytes);
    expect(model.values("Mac", { top: 0, left: 0, bottom: 0, right: 1 })).toEqual([[45_748, 1_462]]);
  });

  it("keeps bold, italic, font colours and fills", async () => {
    const model = new Workbook("Plan");
    model.setContents("Plan", 0, 0, [["Total", "Note", "Alert"]]);
    model.setStyle("Plan", { top: 0, left: 0, bottom: 0, right: 0 }, { bold: true, fill: "#FFF2CC" });
    model.setStyle("Plan", { top: 0, left: 1, bottom: 0, right: 1 }, { italic: true });
    model.setStyle("Plan", { top: 0, left: 2, bottom: 0, right: 2 }, { color: "#C00000" });
    const back = await readXlsx((await writeXlsx(model)).bytes);
    expect(back.style("Plan", 0, 0)).toMatchObject({ bold: true, fill: "#FFF2CC" });
    expect(back.style("Plan", 0, 1)).toMatchObject({ italic: true });
    expect(back.style("Plan", 0, 2)).toMatchObject({ color: "#C00000" });
  });

  it("keeps names of constants and of formulas, which exceljs drops or turns into ranges, and names a sheet-level name it cannot hold", async () => {
    const model = new Workbook("Assumptions");
    model.setContents("Assumptions", 0, 0, [[5], ["=AwardCap*100"], ["=Twice"], ["=Label"]]);
    model.addName("AwardCap", "=0.02");
    model.addName("Twice", "=Assumptions!$A$1*2");
    model.addName("Label", '="Pay & on-costs <2025/26>"');
    model.addName("Base", "=Assumptions!$A$1");
    const saved = await writeXlsx(model);
    expect(saved.notSaved).toEqual([]);
    // As Excel stores them: the formula without "=", escaped.
    const xml = await (await JSZip.loadAsync(saved.bytes)).file("xl/workbook.xml")!.async("string");
    expect(xml).toContain('<definedName name="AwardCap">0.02</definedName>');
    expect(xml).toContain('<definedName name="Label">&quot;Pay &amp; on-costs &lt;2025/26&gt;&quot;</definedName>');
    const back = await readXlsx(saved.bytes);
    expect(Object.fromEntries(back.names.map((n) => [n.name, n.formula]))).toEqual({
      AwardCap: "=0.02",
      Twice: "=Assumptions!$A$1*2",
      Label: '="Pay & on-costs <2025/26>"',
      Base: "=Assumptions!$A$1",
    });
    expect(back.values("Assumptions", { top: 1, left: 0, bottom: 3, right: 0 })).toEqual([[2], [10], ["Pay & on-costs <2025/26>"]]);

    // A name of one sheet (Excel's localSheetId) is said as the file opens, not silently made the workbook's.
    const zip = await JSZip.loadAsync(saved.bytes);
    zip.file(
      "xl/workbook.xml",
      xml.replace("</definedNames>", '<definedName name="Local" localSheetId="0">0.5</definedName></definedNames>'),
    );
    const scoped = await readXlsx(await zip.generateAsync({ type: "uint8array" }));
    expect(scoped.notKept).toEqual(["the name Local of one sheet only (the workbench holds names of the whole workbook)"]);
  });

  it("saves a spilled formula as Excel 365 does: a dynamic array over its spill, with its cached values", async () => {
    const model = new Workbook("Plan");
    model.setContents("Plan", 0, 0, [["=WFP.SUPPLY(100,0.1,8,3)"]]);
    expect(model.values("Plan", { top: 0, left: 0, bottom: 0, right: 2 })).toEqual([[98, 96.2, 94.58]]);
    const { bytes } = await writeXlsx(model);
    const zip = await JSZip.loadAsync(bytes);
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    // The anchor: cm="1" points at the dynamic-array metadata; the other cells hold the values other programs show.
    expect(sheet).toMatch(/<c r="A1" cm="1"><f t="array" ref="A1:C1">_xldudf_WFP_SUPPLY\(100,0\.1,8,3\)<\/f><v>98<\/v><\/c>/);
    expect(sheet).toContain('<c r="B1"><v>96.2</v></c><c r="C1"><v>94.58</v></c>');
    expect(await zip.file("xl/metadata.xml")!.async("string")).toContain('<xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/>');
    expect(await zip.file("[Content_Types].xml")!.async("string")).toContain(
      '<Override PartName="/xl/metadata.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml"/>',
    );
    expect(await zip.file("xl/_rels/workbook.xml.rels")!.async("string")).toMatch(/relationships\/sheetMetadata" Target="metadata.xml"/);

    // Read back, the cached values are not read as values (they would block the spill: #SPILL!); the formula spills again.
    const back = await readXlsx(bytes);
    expect(back.values("Plan", { top: 0, left: 0, bottom: 0, right: 2 })[0]![2]).toBeCloseTo(94.58, 10);
    expect(back.formulas("Plan", { top: 0, left: 0, bottom: 0, right: 0 })).toEqual([["=WFP.SUPPLY(100,0.1,8,3)"]]);
    expect(back.isSpilled("Plan", 0, 1)).toBe(true);
    expect((await writeXlsx(back)).notSaved).toEqual([]);
  });

  it("reads custom functions in either form, and Excel's _xlfn. prefixes, leaving quoted text alone", async () => {
    const { formulaFromFile, formulaForFile } = await import("../../xlsx/fileFormulas.ts");
    expect(formulaFromFile('_xldudf_WFP_COST("5",1)+WFP.FTE(30)')).toBe('WFP.COST("5",1)+WFP.FTE(30)');
    expect(formulaFromFile("_xlfn.STDEV.S(A1:A9)+_xlfn._xlws.SORT(B1:B3)")).toBe("STDEV.S(A1:A9)+SORT(B1:B3)");
    expect(formulaFromFile('"_xldudf_WFP_COST(" & A1')).toBe('"_xldudf_WFP_COST(" & A1');
    expect(formulaForFile("WFP.ACTIVITY_FTE(A1,20)&\"WFP.COST(\"&'WFP.X'!A1")).toBe(
      "_xldudf_WFP_ACTIVITY_FTE(A1,20)&\"WFP.COST(\"&'WFP.X'!A1",
    );
  });
});

describe("charts in the saved .xlsx (DrawingML parts added to exceljs's package)", () => {
  it("writes a drawing, a chart part with references and cached values, and ties them to the sheet", async () => {
    const model = new Workbook("Plan");
    model.setContents("Plan", 0, 0, [
      ["Year", "Required FTE", "Supply FTE"],
      ["'2025/26", 1009.5, 950.8],
      ["'2026/27", 1039.7, 966.1],
    ]);
    model.addTable("Plan", { top: 0, left: 0, bottom: 2, right: 2 }, true, "tblFte");
    const chart = model.addChart("Plan", "ColumnClustered", { top: 0, left: 0, bottom: 2, right: 2 }, "Columns");
    chart.title = "Needed & in post";
    const { bytes } = await writeXlsx(model);
    const zip = await JSZip.loadAsync(bytes);
    const types = await zip.file("[Content_Types].xml")!.async("string");
    expect(types).toContain(
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>',
    );
    expect(types).toContain(
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>',
    );
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheet.indexOf('<drawing r:id="rIdWfplanDrawing"/>')).toBeGreaterThan(0);
    expect(sheet.indexOf("<drawing ")).toBeLessThan(sheet.indexOf("<tableParts")); // the order the schema requires
    expect(await zip.file("xl/worksheets/_rels/sheet1.xml.rels")!.async("string")).toContain('Target="../drawings/drawing1.xml"');
    expect(await zip.file("xl/drawings/_rels/drawing1.xml.rels")!.async("string")).toContain('Target="../charts/chart1.xml"');
    const part = await zip.file("xl/charts/chart1.xml")!.async("string");
    expect(part).toContain('<c:barDir val="col"/><c:grouping val="clustered"/>');
    expect(part).toContain("<a:t>Needed &amp; in post</a:t>");
    expect(part).toContain(
      '<c:tx><c:strRef><c:f>Plan!$B$1</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>Required FTE</c:v></c:pt>',
    );
    expect(part).toContain("<c:cat><c:strRef><c:f>Plan!$A$2:$A$3</c:f>");
    expect(part).toContain(
      '<c:val><c:numRef><c:f>Plan!$C$2:$C$3</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="2"/><c:pt idx="0"><c:v>950.8</c:v></c:pt>',
    );
    // exceljs still reads the file, charts and all.
    const back = await readXlsx(bytes);
    expect(back.values("Plan", { top: 1, left: 1, bottom: 1, right: 2 })).toEqual([[1009.5, 950.8]]);
  });

  it("reads its charts back on Open, so a second save keeps them; a chart it cannot draw is named before a save loses it", async () => {
    const model = new Workbook("Plan's sheet");
    model.setContents("Plan's sheet", 2, 1, [
      ["Step", "Base", "Gap", "Closes"],
      ["No action", 0, 100, 0],
      ["Supply", 70, 0, 30],
      ["Gap left", 0, 70, 0],
    ]);
    const placed = model.addChart("Plan's sheet", "ColumnStacked", { top: 2, left: 1, bottom: 5, right: 4 }, "Columns");
    placed.title = "Waterfall";
    placed.anchor = { top: 0, left: 6, bottom: 15, right: 13 };
    placed.seriesFills = { 0: "none", 2: "#ED8B00" };
    const unplaced = model.addChart("Plan's sheet", "Line", { top: 2, left: 1, bottom: 5, right: 2 }, "Columns");
    unplaced.title = "Base";
    const first = await writeXlsx(model);
    const back = await readXlsx(first.bytes);
    const charts = back.charts.map(({ sheet, type, source, seriesBy, title, anchor, seriesFills, name }) => ({
      sheet,
      type,
      source,
      seriesBy,
      title,
      anchor,
      seriesFills,
      name,
    }));
    expect(charts).toEqual([
      {
        sheet: "Plan's sheet",
        type: "ColumnStacked",
        source: { top: 2, left: 1, bottom: 5, right: 4 },
        seriesBy: "Columns",
        title: "Waterfall",
        anchor: { top: 0, left: 6, bottom: 15, right: 13 },
        seriesFills: { 0: "none", 2: "#ED8B00" },
        name: placed.name,
      },
      // Never placed, it was saved below the cells (8 columns by 16 rows, from two rows under them): there it stays.
      {
        sheet: "Plan's sheet",
        type: "Line",
        source: { top: 2, left: 1, bottom: 5, right: 2 },
        seriesBy: "Columns",
        title: "Base",
        anchor: { top: 7, left: 0, bottom: 22, right: 7 },
        seriesFills: undefined,
        name: unplaced.name,
      },
    ]);
    // Saved again, the same two chart parts.
    const second = await JSZip.loadAsync((await writeXlsx(back)).bytes);
    const parts = Object.keys(second.files).filter((name) => /^xl\/charts\/chart\d+\.xml$/.test(name));
    expect(parts).toHaveLength(2);

    // A chart the workbench does not draw (a radar chart, from Excel): not read, and named when saving.
    const zip = await JSZip.loadAsync(first.bytes);
    const radar = (await zip.file("xl/charts/chart2.xml")!.async("string")).replace(
      /<c:lineChart>[\s\S]*<\/c:lineChart>/,
      '<c:radarChart><c:radarStyle val="marker"/></c:radarChart>',
    );
    zip.file("xl/charts/chart2.xml", radar);
    const foreign = await readXlsx(await zip.generateAsync({ type: "uint8array" }));
    expect(foreign.charts.map((c) => c.type)).toEqual(["ColumnStacked"]);
    expect((await writeXlsx(foreign)).notSaved).toEqual([`the chart Plan's sheet: ${unplaced.name}, a radar chart`]);
  });

  it("names the other parts a file holds that it will not keep, as the file opens and again when saving", async () => {
    const model = new Workbook("Plan");
    model.setContents("Plan", 0, 0, [["Band"], ["5"]]);
    const zip = await JSZip.loadAsync((await writeXlsx(model)).bytes);
    zip.file("xl/media/image1.png", "not really a picture");
    zip.file("xl/media/image2.png", "nor this");
    zip.file("xl/comments1.xml", "<comments/>");
    zip.file("xl/vbaProject.bin", "macros");
    const opened = await readXlsx(await zip.generateAsync({ type: "uint8array" }));
    expect(opened.notKept).toEqual(["2 pictures", "comments", "macros"]);
    expect((await writeXlsx(opened)).notSaved).toEqual(["2 pictures", "comments", "macros"]);
    expect(partsNotKept(["xl/pivotTables/pivotTable1.xml", "xl/externalLinks/externalLink1.xml"])).toEqual([
      "a pivot table",
      "a link to another workbook",
    ]);
  });
});

describe("the sample workbook (examples/northfield-trust-plan.xlsx)", () => {
  it("is what examples/generate.ts makes (npm run examples regenerates it)", async () => {
    const committed = await readXlsx(readFileSync(SAMPLE_FILE));
    const fresh = buildSample();
    expect(committed.sheets.map((s) => s.name)).toEqual(fresh.sheets.map((s) => s.name));
    for (const { name } of fresh.sheets) {
      const used = fresh.usedRange(name)!;
      expect(committed.formulas(name, used), name).toEqual(fresh.formulas(name, used));
    }
  });

  it("holds a few thousand ESR-style assignments and the plans to triangulate, with WFP formulas that evaluate", async () => {
    const sample = await readXlsx(readFileSync(SAMPLE_FILE));
    const staff = sample.table("tblStaff");
    expect(staff.range.bottom - staff.range.top).toBe(2602);
    expect(staff.columns).toEqual([
      "Assignment number",
      "Staff group",
      "Band",
      "Pay point",
      "Contracted hours",
      "Cost centre",
      "Area",
      "FTE",
      "Annual cost",
    ]);
    expect(sample.tables.map((t) => t.name)).toEqual([
      "tblStaff",
      "tblEstablishment",
      "tblActivity",
      "tblStandards",
      "tblPayBudget",
      "tblTemporary",
      "tblFlows",
    ]);
    const summary = sample.values("Summary", { top: 1, left: 1, bottom: 12, right: 1 }).map((r) => r[0]);
    expect(summary[8]).toBeCloseTo(0.22, 12); // B10: headroom 15% + 4.5% + 2.5%
    expect(summary[9]).toBeCloseTo(51892.2688, 8); // B11: band 5 top, fully loaded
    expect(summary.every((v) => typeof v === "number")).toBe(true);
    // B15: an FY1 in 2025/26, 38,831 + NI 5,074.65 + pension 9,234.0118 + levy 194.155.
    expect(sample.values("Summary", { top: 14, left: 1, bottom: 14, right: 1 })[0]![0]).toBeCloseTo(53333.8168, 8);
    // The medical staff group: resident doctors by training grade, on a 40-hour week, every row costed.
    const rows = sample.values("Staff", { ...staff.range, top: staff.range.top + 1 });
    const doctors = rows.filter((r) => r[1] === "Medical and dental");
    expect(doctors.length).toBe(181); // 180 posts, rounded grade by grade
    expect(new Set(doctors.map((r) => r[2]))).toEqual(new Set(["FY1", "FY2", "CT1", "CT2", "ST3", "ST4", "ST6", "ST7"]));
    for (const [, , grade, point, hours, , , fte, cost] of doctors) {
      expect(point ?? "").toBe(""); // blank: the training grade names the nodal point
      expect(fte).toBeCloseTo((hours as number) / 40, 12);
      expect(typeof cost, `${String(grade)} costs ${String(cost)}`).toBe("number");
    }
    expect(rows.every((r) => typeof r[8] === "number")).toBe(true);
    // The assignment number is text, as in ESR, though it looks like a number.
    expect(typeof sample.values("Staff", { top: 1, left: 0, bottom: 1, right: 0 })[0]![0]).toBe("string");
  });
});

describe("number formats as the grid shows them", () => {
  it.each([
    [51892.2688, "£#,##0.00", "£51,892.27"],
    [108541525.65, "£#,##0", "£108,541,526"],
    [0.06696, "0.0%", "6.7%"],
    [2174.2, "#,##0.0", "2,174.2"],
    [0.8, "General", "0.8"],
    [1 / 3, "General", "0.3333333333"],
    [-1234.5, "#,##0", "-1,235"],
    ["Band 5", "0.00", "Band 5"],
  ])("%s in %s is %s", (value, format, shown) => {
    expect(formatValue(value, format)).toBe(shown);
  });
});

describe("merged cells and print titles, as a publication's workbook has them", () => {
  it("keeps a merge as a merge, its value in the top-left cell only, and saves it and the print titles again", async () => {
    const file = new ExcelJS.Workbook();
    const sheet = file.addWorksheet("Table 1");
    sheet.getCell("A1").value = "NHS Workforce Statistics, FTE by staff group";
    sheet.getCell("D4").value = "Nurses";
    sheet.mergeCells("D4:G4");
    sheet.getCell("H4").value = "Doctors";
    sheet.mergeCells("H4:K4");
    sheet.getCell("A5").value = { formula: "COUNTA(D4:K4)" } as ExcelJS.CellFormulaValue;
    sheet.getCell("A6").value = { formula: "ISBLANK(E4)" } as ExcelJS.CellFormulaValue;
    sheet.pageSetup.printTitlesRow = "3:4";
    const bytes = await file.xlsx.writeBuffer();

    const model = await readXlsx(new Uint8Array(bytes as ArrayBuffer));
    // As Excel counts them: two values in D4:K4, and E4 blank.
    expect(model.values("Table 1", { top: 4, left: 0, bottom: 5, right: 0 })).toEqual([[2], [true]]);
    expect(model.values("Table 1", { top: 3, left: 3, bottom: 3, right: 7 })).toEqual([["Nurses", "", "", "", "Doctors"]]);
    expect(model.mergesOf("Table 1")).toEqual([
      { top: 3, left: 3, bottom: 3, right: 6 },
      { top: 3, left: 7, bottom: 3, right: 10 },
    ]);
    expect(model.sheet("Table 1").pageSetup).toMatchObject({ printTitleRows: "3:4" });

    // Saved again: the merges and print titles are in the file, and the copies are not.
    const again = new ExcelJS.Workbook();
    await again.xlsx.load((await writeXlsx(model)).bytes as unknown as ArrayBuffer);
    const back = again.getWorksheet("Table 1")!;
    expect(back.model.merges.sort()).toEqual(["D4:G4", "H4:K4"]);
    expect(back.pageSetup.printTitlesRow).toMatch(/^\$?3:\$?4$/);
    const xml = await (await JSZip.loadAsync((await writeXlsx(model)).bytes)).file("xl/worksheets/sheet1.xml")!.async("string");
    expect(xml).not.toMatch(/<c r="E4"[^>]*t="s"/);
  });
});
