import JSZip from "jszip";
import { sheetPaths } from "../xlsx/package.ts";

export { sheetPaths };
import { rangeAddress, sheetPrefix, type CellRange } from "../src/addresses.ts";
import { chartSeries, type ChartData } from "./chartSeries.ts";
import type { ChartInfo, Workbook } from "./workbook.ts";

/*
 * Adds the workbench's charts to an .xlsx that exceljs wrote (exceljs cannot
 * write charts): for each sheet with charts a DrawingML drawing anchoring them
 * below the used cells, one chart part each with its series' references and
 * cached values, and the relationships and content types that tie them in.
 */

const NS = {
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  pkg: "http://schemas.openxmlformats.org/package/2006/relationships",
  drawingRel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  chartRel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
};
const CONTENT_TYPES = {
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
};

const xml = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
const ref = (sheet: string, range: CellRange) => xml(`${sheetPrefix(sheet)}${rangeAddress(range, true)}`);

function strRef(sheet: string, range: CellRange, values: string[]): string {
  const points = values.map((v, i) => `<c:pt idx="${i}"><c:v>${xml(v)}</c:v></c:pt>`).join("");
  return `<c:strRef><c:f>${ref(sheet, range)}</c:f><c:strCache><c:ptCount val="${values.length}"/>${points}</c:strCache></c:strRef>`;
}

function numRef(sheet: string, range: CellRange, values: (number | null)[]): string {
  const points = values.map((v, i) => (v === null ? "" : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`)).join("");
  return `<c:numRef><c:f>${ref(sheet, range)}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache></c:numRef>`;
}

/** The series at `indices` (every one by default), with their own index kept: a combo chart splits them between two plots. */
function seriesXml(chart: ChartInfo, data: ChartData, line: boolean, indices = data.series.map((_, i) => i)): string {
  return indices
    .map((i) => {
      const s = data.series[i]!;
      const name = `<c:tx>${strRef(chart.sheet, s.nameCell, [s.name])}</c:tx>`;
      const marker = line ? `<c:marker><c:symbol val="circle"/></c:marker>` : "";
      const categories = data.categoriesRange ? `<c:cat>${strRef(chart.sheet, data.categoriesRange, data.categories)}</c:cat>` : "";
      const smooth = line ? `<c:smooth val="0"/>` : "";
      const set = chart.seriesFills?.[i];
      const fill =
        set === undefined
          ? ""
          : set === "none"
            ? `<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>`
            : `<c:spPr><a:solidFill><a:srgbClr val="${xml(set.replace(/^#/, "").toUpperCase())}"/></a:solidFill></c:spPr>`;
      return `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>${name}${fill}${marker}${categories}<c:val>${numRef(chart.sheet, s.valuesRange, s.values)}</c:val>${smooth}</c:ser>`;
    })
    .join("");
}

const AXES = `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="500000002"/></c:catAx><c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:crossAx val="500000001"/></c:valAx>`;
const AXIS_IDS = `<c:axId val="500000001"/><c:axId val="500000002"/>`;

/** The plot of one chart type, in the element order the DrawingML schema requires. */
function plotXml(chart: ChartInfo, data: ChartData): string {
  switch (chart.type) {
    case "ColumnClustered":
    case "ColumnStacked":
    case "BarClustered": {
      const stacked = chart.type === "ColumnStacked";
      // A combo chart: the series set to lines in a line plot of their own over the same axes, as Excel writes one.
      const all = data.series.map((_, i) => i);
      const lines = all.filter((i) => chart.seriesTypes?.[i] === "Line");
      const bars = all.filter((i) => !lines.includes(i));
      const linePlot = lines.length
        ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${seriesXml(chart, data, true, lines)}<c:marker val="1"/>${AXIS_IDS}</c:lineChart>`
        : "";
      return `<c:barChart><c:barDir val="${chart.type === "BarClustered" ? "bar" : "col"}"/><c:grouping val="${stacked ? "stacked" : "clustered"}"/><c:varyColors val="0"/>${seriesXml(chart, data, false, bars)}<c:gapWidth val="150"/>${stacked ? `<c:overlap val="100"/>` : ""}${AXIS_IDS}</c:barChart>${linePlot}${AXES}`;
    }
    case "Line":
      return `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${seriesXml(chart, data, true)}<c:marker val="1"/>${AXIS_IDS}</c:lineChart>${AXES}`;
    case "Area":
      return `<c:areaChart><c:grouping val="standard"/><c:varyColors val="0"/>${seriesXml(chart, data, false)}${AXIS_IDS}</c:areaChart>${AXES}`;
    case "Pie":
      return `<c:pieChart><c:varyColors val="1"/>${seriesXml(chart, data, false)}<c:firstSliceAng val="0"/></c:pieChart>`;
  }
}

export function chartXml(chart: ChartInfo, data: ChartData): string {
  const title = chart.title
    ? `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>${xml(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>`
    : `<c:autoTitleDeleted val="1"/>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"><c:roundedCorners val="0"/><c:chart>${title}<c:plotArea><c:layout/>${plotXml(chart, data)}</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`;
}

/**
 * Each chart over the cells it was placed on (to the end of its last cell);
 * charts never placed go side by side in pairs below the used cells, each 8
 * columns by 16 rows.
 */
function drawingXml(charts: readonly ChartInfo[], firstRow: number): string {
  let unplaced = 0;
  const anchors = charts.map((chart, i) => {
    const placed = chart.anchor;
    const n = placed ? 0 : unplaced++;
    const col = placed ? placed.left : (n % 2) * 9;
    const row = placed ? placed.top : firstRow + Math.floor(n / 2) * 18;
    const [endCol, endRow] = placed ? [placed.right + 1, placed.bottom + 1] : [col + 8, row + 16];
    const at = (c: number, r: number) =>
      `<xdr:col>${c}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${r}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
    return `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${at(col, row)}</xdr:from><xdr:to>${at(endCol, endRow)}</xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${xml(chart.name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" r:id="rId${i + 1}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`;
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">${anchors.join("")}</xdr:wsDr>`;
}

const relationships = (items: { id: string; type: string; target: string }[]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="${NS.pkg}">${items.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"/>`).join("")}</Relationships>`;

/** Adds the workbook's charts to the package exceljs wrote. */
export async function addChartParts(zip: JSZip, model: Workbook): Promise<void> {
  if (model.charts.length === 0) return;
  const paths = await sheetPaths(zip);
  let types = await zip.file("[Content_Types].xml")!.async("string");
  let chartNumber = 0;
  let drawingNumber = 0;
  for (const sheet of model.sheets) {
    const charts = model.charts.filter((c) => c.sheet === sheet.name);
    const path = paths.get(sheet.name);
    if (charts.length === 0 || !path) continue;
    drawingNumber++;
    const drawing = `xl/drawings/drawing${drawingNumber}.xml`;
    const chartRels = charts.map((chart, i) => {
      chartNumber++;
      zip.file(`xl/charts/chart${chartNumber}.xml`, chartXml(chart, chartSeries(model, chart)));
      types = types.replace(
        "</Types>",
        `<Override PartName="/xl/charts/chart${chartNumber}.xml" ContentType="${CONTENT_TYPES.chart}"/></Types>`,
      );
      return { id: `rId${i + 1}`, type: NS.chartRel, target: `../charts/chart${chartNumber}.xml` };
    });
    zip.file(drawing, drawingXml(charts, (model.usedRange(sheet.name)?.bottom ?? 0) + 2));
    zip.file(`xl/drawings/_rels/drawing${drawingNumber}.xml.rels`, relationships(chartRels));
    types = types.replace("</Types>", `<Override PartName="/${drawing}" ContentType="${CONTENT_TYPES.drawing}"/></Types>`);

    // The sheet points at its drawing: a relationship, and a <drawing> element before any <tableParts>.
    const relsPath = path.replace(/worksheets\/([^/]+)$/, "worksheets/_rels/$1.rels");
    const existing = (await zip.file(relsPath)?.async("string")) ?? relationships([]);
    const drawingId = "rIdWfplanDrawing";
    zip.file(
      relsPath,
      existing.replace(
        "</Relationships>",
        `<Relationship Id="${drawingId}" Type="${NS.drawingRel}" Target="../drawings/drawing${drawingNumber}.xml"/></Relationships>`,
      ),
    );
    let sheetXml = await zip.file(path)!.async("string");
    if (!sheetXml.includes(`xmlns:r="${NS.r}"`)) sheetXml = sheetXml.replace("<worksheet ", `<worksheet xmlns:r="${NS.r}" `);
    const element = `<drawing r:id="${drawingId}"/>`;
    const before = [
      "<legacyDrawing",
      "<legacyDrawingHF",
      "<picture",
      "<oleObjects",
      "<controls",
      "<webPublishItems",
      "<tableParts",
      "<extLst",
      "</worksheet>",
    ]
      .map((tag) => sheetXml.indexOf(tag))
      .filter((at) => at >= 0);
    const at = Math.min(...before);
    sheetXml = sheetXml.slice(0, at) + element + sheetXml.slice(at);
    zip.file(path, sheetXml);
  }
  zip.file("[Content_Types].xml", types);
}
