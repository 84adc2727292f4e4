import { assertSheetWritable } from "./protection.ts";
import type { ChartInfo, ChartType, SheetInfo } from "../engine/workbook.ts";
import { accessors, ClientObject, CollectionProxy, type PropertySpec } from "./clientObject.ts";
import { OfficeError, type RequestContext } from "./context.ts";
import { parseRangeAddress, splitSheet } from "../src/addresses.ts";
import { chartSeries } from "../engine/chartSeries.ts";
import type { RangeProxy } from "./range.ts";

const CHART_TYPES: readonly ChartType[] = ["ColumnClustered", "ColumnStacked", "BarClustered", "Line", "Pie", "Area"];

export class ChartProxy extends ClientObject<ChartInfo> {
  declare name: string;
  declare chartType: ChartType;
  declare readonly id: string;
  readonly title: ChartTitleProxy;
  readonly series: ChartSeriesCollectionProxy;

  constructor(context: RequestContext, resolve: () => ChartInfo | undefined) {
    super(context, resolve, "Chart");
    this.title = new ChartTitleProxy(context, () => this.target());
    this.series = new ChartSeriesCollectionProxy(context, () => this.target());
  }
  protected override guardWrite(target: ChartInfo, member: string): void {
    assertSheetWritable(this.context.model.sheet(target.sheet), `Chart.${member}`);
  }
  protected properties(): Record<string, PropertySpec<ChartInfo>> {
    const model = this.context.model;
    return {
      name: { read: (c) => c.name, write: (c, v) => ((c.name = String(v)), model.changed()) },
      chartType: { read: (c) => c.type, write: (c, v) => ((c.type = checkType(v)), model.changed()) },
      id: { read: (c) => c.id },
    };
  }
  /**
   * Places the chart over the cells from startCell to endCell (a range or an
   * address on the chart's sheet), as Excel does: kept in the model for saving
   * and the print preview; the grid still draws charts below it.
   */
  setPosition(startCell: string | RangeProxy, endCell?: string | RangeProxy): void {
    this.queue("setPosition", (c) => {
      const cells = (at: string | RangeProxy) => (typeof at === "string" ? parseRangeAddress(splitSheet(at).address) : at.target().range);
      const from = cells(startCell);
      const to = endCell === undefined ? from : cells(endCell);
      c.anchor = {
        top: Math.min(from.top, to.top),
        left: Math.min(from.left, to.left),
        bottom: Math.max(from.bottom, to.bottom),
        right: Math.max(from.right, to.right),
      };
      this.context.model.changed();
    });
  }
  delete(): void {
    this.queue("delete", (c) => this.context.model.deleteChart(c));
  }
}
accessors(ChartProxy);

/** A chart's series, as far as the pane formats them: by index, their fill. */
export class ChartSeriesCollectionProxy {
  constructor(
    private readonly context: RequestContext,
    private readonly chart: () => ChartInfo,
  ) {}
  getItemAt(index: number): ChartSeriesProxy {
    return new ChartSeriesProxy(this.context, this.chart, index);
  }
}

/** The chart types a series may be drawn as on a chart of another type: a line over columns or bars (a combo chart). */
const COMBINES: Partial<Record<ChartType, readonly ChartType[]>> = {
  ColumnClustered: ["Line"],
  ColumnStacked: ["Line"],
  BarClustered: ["Line"],
};

export class ChartSeriesProxy {
  readonly format: { fill: { clear(): void; setSolidColor(color: string): void } };
  constructor(
    private readonly context: RequestContext,
    private readonly chart: () => ChartInfo,
    private readonly index: number,
  ) {
    const fill = (value: string) =>
      this.change("ChartFill", (target) => {
        target.seriesFills = { ...target.seriesFills, [index]: value };
      });
    this.format = {
      fill: {
        clear: () => fill("none"),
        setSolidColor: (color: string) => fill(color),
      },
    };
  }

  /** Draws this series as another chart type; the workbench draws a line over a column or bar chart, as Excel's combo chart. */
  set chartType(type: ChartType) {
    this.change("ChartSeries.chartType", (target) => {
      if (type === target.type) {
        const types = { ...target.seriesTypes };
        delete types[this.index];
        target.seriesTypes = types;
        return;
      }
      if (!COMBINES[target.type]?.includes(type))
        throw new OfficeError(
          "InvalidArgument",
          `The workbench draws a series of a ${target.type} chart as ${[target.type, ...(COMBINES[target.type] ?? [])].join(" or ")}; ${String(type)} is not one of them.`,
        );
      target.seriesTypes = { ...target.seriesTypes, [this.index]: "Line" };
    });
  }

  /** Queues a change to this series of the chart, once the series is found to be there. */
  private change(what: string, apply: (target: ChartInfo) => void): void {
    const { context, chart, index } = this;
    context.enqueue(what, () => {
      const target = chart();
      assertSheetWritable(context.model.sheet(target.sheet), what);
      // Excel's chart has as many series as its data has columns (or rows) of figures; any other index is no series.
      const count = chartSeries(context.model, target).series.length;
      if (!Number.isInteger(index) || index < 0 || index >= count)
        throw new OfficeError(
          "ItemNotFound",
          `The requested resource doesn't exist. The chart "${target.name}" has ${count} series; ${index} is not one.`,
        );
      apply(target);
      context.model.changed();
    });
  }
}

export class ChartTitleProxy extends ClientObject<ChartInfo> {
  declare text: string;
  constructor(context: RequestContext, resolve: () => ChartInfo) {
    super(context, resolve, "ChartTitle");
  }
  protected override guardWrite(target: ChartInfo, member: string): void {
    assertSheetWritable(this.context.model.sheet(target.sheet), `ChartTitle.${member}`);
  }
  protected properties(): Record<string, PropertySpec<ChartInfo>> {
    return { text: { read: (c) => c.title, write: (c, v) => ((c.title = String(v)), this.context.model.changed()) } };
  }
}
accessors(ChartTitleProxy);

function checkType(type: unknown): ChartType {
  if (!CHART_TYPES.includes(type as ChartType)) {
    throw new OfficeError(
      "InvalidArgument",
      `The workbench draws chart types ${CHART_TYPES.join(", ")}; ${String(type)} is not one of them.`,
    );
  }
  return type as ChartType;
}

export class ChartCollectionProxy extends CollectionProxy<ChartInfo, ChartProxy> {
  protected readonly defaultItemProperties = ["name", "chartType", "id"];
  constructor(
    context: RequestContext,
    private readonly sheet: () => SheetInfo,
  ) {
    super(context, "ChartCollection", () => context.model.charts.filter((c) => c.sheet === sheet().name));
  }
  protected proxyFor(chart: ChartInfo): ChartProxy {
    return new ChartProxy(this.context, () => (this.context.model.charts.includes(chart) ? chart : undefined));
  }
  /** Adds a chart of `type` over `sourceData`, series by "Auto", "Columns" or "Rows". */
  add(type: ChartType, sourceData: RangeProxy, seriesBy: "Auto" | "Columns" | "Rows" = "Auto"): ChartProxy {
    let created: ChartInfo | undefined;
    this.context.enqueue("ChartCollection.add", () => {
      const source = sourceData.target();
      assertSheetWritable(this.sheet(), "ChartCollection.add");
      if (source.sheet !== this.sheet())
        throw new OfficeError("InvalidArgument", "A chart's data must be on its own worksheet in the workbench.");
      created = this.context.model.addChart(source.sheet.name, checkType(type), source.range, seriesBy);
    });
    return new ChartProxy(this.context, () => created);
  }
  getItem(name: string): ChartProxy {
    return new ChartProxy(this.context, () => this.context.model.chart(this.sheet().name, name));
  }
}
