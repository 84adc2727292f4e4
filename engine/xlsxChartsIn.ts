import JSZip from "jszip";
import { parseRangeAddress, splitSheet, type CellRange } from "../src/addresses.ts";
import { sheetPaths, xmlText } from "../xlsx/package.ts";
import { partsNotKept } from "./xlsxParts.ts";
import type { ChartType, Workbook } from "./workbook.ts";

/*
 * Reads back the charts of an .xlsx (exceljs reads none): for each sheet, its
 * drawing's anchors and each anchored chart part: its type, title, where it
 * sits, its series' fills, and its data range, the union of the ranges its
 * series name (categories, series names, values) on the chart's own sheet.
 * A chart the workbench cannot draw or edit (another type, data on another
 * sheet) is not read; it is listed, so saving can say it will be lost.
 */

export interface ChartsRead {
  read: number;
  /** Charts left out, each said in words ("the chart Sheet1: Chart 3, a radar chart"), and other parts not kept ("2 pictures"). */
  notRead: string[];
}

const text = (xml: string, tag: string) => new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`).exec(xml)?.[1];
const attribute = (xml: string, tag: string, name: string) => new RegExp(`<${tag}[^>]*\\b${name}="([^"]*)"`).exec(xml)?.[1];

/** A part's relationships, by id, as paths inside the package. */
async function relationships(zip: JSZip, part: string): Promise<Map<string, string>> {
  const relsPath = part.replace(/([^/]+)$/, "_rels/$1.rels");
  const rels = (await zip.file(relsPath)?.async("string")) ?? "";
  const folder = part.replace(/[^/]+$/, "");
  return new Map(
    [...rels.matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => {
      const target = m[2]!;
      if (target.startsWith("/")) return [m[1]!, target.slice(1)];
      // Resolve ../ against the part's folder.
      const parts = (folder + target).split("/");
      const resolved: string[] = [];
      for (const p of parts) {
        if (p === "..") resolved.pop();
        else resolved.push(p);
      }
      return [m[1]!, resolved.join("/")];
    }),
  );
}

/** The chart type as the workbench names it, from the plot's first chart element. */
function chartType(xml: string): ChartType | string {
  const plot = text(xml, "c:plotArea") ?? "";
  const kind = /<c:(\w+Chart)>/.exec(plot)?.[1];
  if (kind === "barChart") {
    const bar = attribute(plot, "c:barDir", "val") === "bar";
    const stacked = attribute(plot, "c:grouping", "val") === "stacked";
    if (bar) return stacked ? "a stacked bar chart" : "BarClustered";
    return stacked ? "ColumnStacked" : "ColumnClustered";
  }
  if (kind === "lineChart") return "Line";
  if (kind === "areaChart") return "Area";
  if (kind === "pieChart") return "Pie";
  return `a ${(kind ?? "chart")
    .replace(/Chart$/, "")
    .replace(/([A-Z])/g, " $1")
    .toLowerCase()} chart`;
}

function union(ranges: readonly CellRange[]): CellRange {
  return ranges.reduce((all, r) => ({
    top: Math.min(all.top, r.top),
    left: Math.min(all.left, r.left),
    bottom: Math.max(all.bottom, r.bottom),
    right: Math.max(all.right, r.right),
  }));
}

/** Adds the charts of the package `zip` to `model`, whose sheets it holds. */
export async function readCharts(zip: JSZip, model: Workbook, parts?: readonly string[]): Promise<ChartsRead> {
  // The rest of what the file holds that the workbench will not keep, said as it opens.
  const result: ChartsRead = {
    read: 0,
    notRead: partsNotKept(
      parts ??
        Object.values(zip.files)
          .filter((f) => !f.dir)
          .map((f) => f.name),
    ),
  };
  if (!Object.keys(zip.files).some((name) => name.startsWith("xl/charts/"))) return result;
  const paths = await sheetPaths(zip);
  for (const [sheetName, path] of paths) {
    const sheet = model.findSheet(sheetName);
    if (!sheet) continue;
    const sheetXml = (await zip.file(path)?.async("string")) ?? "";
    const drawingId = attribute(sheetXml, "drawing", "r:id");
    if (!drawingId) continue;
    const drawingPath = (await relationships(zip, path)).get(drawingId);
    const drawing = drawingPath ? await zip.file(drawingPath)?.async("string") : undefined;
    if (!drawingPath || !drawing) continue;
    const drawingRels = await relationships(zip, drawingPath);
    for (const anchor of drawing.match(/<xdr:twoCellAnchor[\s\S]*?<\/xdr:twoCellAnchor>/g) ?? []) {
      const chartId = /<c:chart [^>]*r:id="([^"]+)"/.exec(anchor)?.[1];
      if (!chartId) continue;
      const name = xmlText(attribute(anchor, "xdr:cNvPr", "name") ?? "Chart");
      const chartPath = drawingRels.get(chartId);
      const xml = chartPath ? await zip.file(chartPath)?.async("string") : undefined;
      if (!xml) continue;
      const type = chartType(xml);
      if (!["ColumnClustered", "ColumnStacked", "BarClustered", "Line", "Area", "Pie"].includes(type)) {
        result.notRead.push(`the chart ${sheetName}: ${name}, ${type}`);
        continue;
      }
      // A combo chart's line plot over its columns: its series are drawn as lines (each series keeps its own index).
      const plot = text(xml, "c:plotArea") ?? "";
      const linePlot = ["ColumnClustered", "ColumnStacked", "BarClustered"].includes(type) ? text(plot, "c:lineChart") : undefined;
      const lineSeries = new Set(linePlot?.match(/<c:ser>[\s\S]*?<\/c:ser>/g) ?? []);
      const types: Record<number, "Line"> = {};
      const series = xml.match(/<c:ser>[\s\S]*?<\/c:ser>/g) ?? [];
      const ranges: CellRange[] = [];
      const valueRanges: CellRange[] = [];
      let elsewhere = false;
      const fills: Record<number, string> = {};
      // A series' index is its place in the plotting order (c:order), which a combo chart's two plots share.
      const orders = series.map((ser, at) => Number(attribute(ser, "c:order", "val") ?? at));
      const ranked = [...orders].sort((a, b) => a - b);
      series.forEach((ser, at) => {
        const i = ranked.indexOf(orders[at]!);
        if (lineSeries.has(ser)) types[i] = "Line";
        const read = (formula: string): CellRange | undefined => {
          const { sheet: on, address } = splitSheet(xmlText(formula));
          if (on !== undefined && on.toLowerCase() !== sheetName.toLowerCase()) return void (elsewhere = true);
          try {
            return parseRangeAddress(address.replace(/\$/g, ""));
          } catch {
            return void (elsewhere = true);
          }
        };
        for (const m of ser.matchAll(/<c:f>([^<]*)<\/c:f>/g)) {
          const range = read(m[1]!);
          if (range) ranges.push(range);
        }
        const values = /<c:val>[\s\S]*?<c:f>([^<]*)<\/c:f>/.exec(ser)?.[1];
        const valueRange = values === undefined ? undefined : read(values);
        if (valueRange) valueRanges.push(valueRange);
        const spPr = text(ser, "c:spPr");
        if (spPr?.startsWith("<a:noFill/>")) fills[i] = "none";
        const colour = spPr && /^<a:solidFill><a:srgbClr val="([0-9A-Fa-f]{6})"/.exec(spPr)?.[1];
        if (colour) fills[i] = `#${colour.toUpperCase()}`;
      });
      if (elsewhere || ranges.length === 0) {
        result.notRead.push(`the chart ${sheetName}: ${name}, whose data is not a range of its own sheet`);
        continue;
      }
      const source = union(ranges);
      const vertical = valueRanges.every((r) => r.left === r.right);
      const chart = model.addChart(sheet.name, type as ChartType, source, vertical ? "Columns" : "Rows");
      chart.name = name;
      chart.title = [...(text(xml, "c:title") ?? "").matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => xmlText(m[1]!)).join("");
      const at = (which: "from" | "to") => {
        const part = text(anchor, `xdr:${which}`) ?? "";
        return {
          col: Number(text(part, "xdr:col")),
          row: Number(text(part, "xdr:row")),
          colOff: Number(text(part, "xdr:colOff") ?? 0),
          rowOff: Number(text(part, "xdr:rowOff") ?? 0),
        };
      };
      const from = at("from");
      const to = at("to");
      // A chart ending at the start of a cell covers the cells before it.
      chart.anchor = {
        top: from.row,
        left: from.col,
        bottom: Math.max(from.row, to.rowOff > 0 ? to.row : to.row - 1),
        right: Math.max(from.col, to.colOff > 0 ? to.col : to.col - 1),
      };
      if (Object.keys(fills).length) chart.seriesFills = fills;
      if (Object.keys(types).length) chart.seriesTypes = types;
      result.read++;
    }
  }
  return result;
}
