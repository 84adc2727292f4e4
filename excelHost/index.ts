import type { Workbook } from "../engine/workbook.ts";
import { ClientObject, type PropertySpec } from "./clientObject.ts";
import { hasApiSet, newStats, OfficeError, RequestContext, WORKBENCH_API_SETS, type ApiSets, type SyncStats } from "./context.ts";
import { NamedItemCollectionProxy } from "./names.ts";
import { WorkbookProtectionProxy } from "./protection.ts";
import { RangeProxy } from "./range.ts";
import { TableCollectionProxy } from "./tables.ts";
import { WorksheetCollectionProxy } from "./worksheet.ts";

/*
 * The part of the Excel JavaScript API the task pane uses, on the workbench's
 * workbook, installed as the `Excel` and `Office` globals so the pane runs
 * unchanged.
 */

export class WorkbookProxy extends ClientObject<Workbook> {
  readonly worksheets: WorksheetCollectionProxy;
  readonly tables: TableCollectionProxy;
  readonly names: NamedItemCollectionProxy;
  readonly protection: WorkbookProtectionProxy;
  declare readonly name: string;

  constructor(context: RequestContext) {
    super(context, () => context.model, "Workbook");
    this.worksheets = new WorksheetCollectionProxy(context);
    this.tables = new TableCollectionProxy(context);
    this.names = new NamedItemCollectionProxy(context);
    this.protection = new WorkbookProtectionProxy(context);
  }
  protected properties(): Record<string, PropertySpec<Workbook>> {
    return { name: { read: () => "Workbook.xlsx" } };
  }
  /** The workbench's selected cell, or A1 of the active sheet. */
  getSelectedRange(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const model = this.context.model;
      const sheet = model.sheet(model.activeSheet);
      return { sheet, range: model.selection?.sheet === sheet.name ? model.selection.range : { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }
}
Object.defineProperty(WorkbookProxy.prototype, "name", {
  get(this: { get(n: string): unknown }) {
    return this.get("name");
  },
});

export interface ExcelHost {
  run<T>(batch: (context: RequestContext) => Promise<T>): Promise<T>;
  stats: SyncStats;
}

/** An `Excel` namespace over `model`: run, the enums the pane uses, and sync counters. */
export function createExcel(model: Workbook, stats: SyncStats = newStats(), apiSets: ApiSets = WORKBENCH_API_SETS) {
  const makeContext = () => new RequestContext(model, stats, (context) => new WorkbookProxy(context), apiSets);
  return {
    stats,
    RequestContext: makeContext,
    async run<T>(batch: (context: RequestContext) => Promise<T>): Promise<T> {
      const context = makeContext();
      const result = await batch(context);
      await context.sync();
      return result;
    },
    ErrorCodes: {
      itemNotFound: "ItemNotFound",
      itemAlreadyExists: "ItemAlreadyExists",
      invalidArgument: "InvalidArgument",
      propertyNotLoaded: "PropertyNotLoaded",
      requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
      responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
    },
    SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
    ChartType: {
      columnClustered: "ColumnClustered",
      columnStacked: "ColumnStacked",
      barClustered: "BarClustered",
      line: "Line",
      pie: "Pie",
      area: "Area",
    },
    ChartSeriesBy: { auto: "Auto", columns: "Columns", rows: "Rows" },
  };
}

/** An `Office` namespace whose onReady reports Excel on the web, with the requirement sets it has. */
export function createOffice(apiSets: ApiSets = WORKBENCH_API_SETS) {
  const info = { host: "Excel", platform: "OfficeOnline" };
  return {
    HostType: { Excel: "Excel" },
    PlatformType: { OfficeOnline: "OfficeOnline" },
    context: { requirements: { isSetSupported: (name: string, version?: string) => hasApiSet(apiSets, name, version) } },
    onReady(callback?: (i: typeof info) => void) {
      callback?.(info);
      return Promise.resolve(info);
    },
  };
}

/**
 * Installs `Excel` and `Office` on the page for the task pane's adapter: an
 * Excel with the workbench's requirement sets, or with `apiSets` to play an
 * older one.
 */
export function installExcelGlobals(model: Workbook, apiSets: ApiSets = WORKBENCH_API_SETS): ReturnType<typeof createExcel> {
  const excel = createExcel(model, newStats(), apiSets);
  Object.assign(globalThis, { Excel: excel, Office: createOffice(apiSets), OfficeExtension: { Error: OfficeError } });
  return excel;
}

export { network } from "./context.ts";
export { OfficeError, RequestContext };
