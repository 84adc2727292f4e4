import type { ChartCollectionProxy, ChartProxy, ChartTitleProxy } from "./charts.ts";
import type { WorkbookProxy } from "./index.ts";
import type { NamedItemCollectionProxy, NamedItemProxy } from "./names.ts";
import type { RangeFormatProxy, RangeProxy } from "./range.ts";
import type { TableColumnCollectionProxy, TableColumnProxy, TableCollectionProxy, TableProxy, TableRowCollectionProxy } from "./tables.ts";
import type { PageLayoutProxy, WorksheetCollectionProxy, WorksheetProxy } from "./worksheet.ts";

/*
 * The Excel host's proxies against @types/office-js, checked by the type
 * checker (npm test runs tsc): every public member a proxy has is a member of
 * the Excel object it stands for, and every property has a type Excel's
 * accepts. A member the adapter could use here that Excel does not have, or
 * has with another shape, fails the build. Methods are checked by name (their
 * results are the host's proxies, not Office's classes).
 */

/** Members every proxy has for the host's own use, which Office.js keeps private. */
type HostOnly = "target" | "loadNow";
type Data<T> = { [K in keyof T]: T[K] extends (...args: never[]) => unknown ? never : K }[keyof T];
/** Public members of the proxy that the Office object lacks. */
type Missing<P, E> = Exclude<keyof P, keyof E | HostOnly>;
/** Data properties whose type Excel's does not accept. */
type Mismatched<P, E> = { [K in Data<P> & keyof E]: P[K] extends E[K] ? never : P[K] extends object ? never : K }[Data<P> & keyof E];
type Check<P, E> = [Missing<P, E>, Mismatched<P, E>];
/** Compiles only when both lists are empty. */
type Fits<T extends [never, never]> = T;

export type OfficeShapes = [
  Fits<Check<WorkbookProxy, Excel.Workbook>>,
  Fits<Check<WorksheetProxy, Excel.Worksheet>>,
  Fits<Check<WorksheetCollectionProxy, Excel.WorksheetCollection>>,
  Fits<Check<PageLayoutProxy, Excel.PageLayout>>,
  Fits<Check<RangeProxy, Excel.Range>>,
  Fits<Check<RangeFormatProxy, Excel.RangeFormat>>,
  Fits<Check<TableProxy, Excel.Table>>,
  Fits<Check<TableCollectionProxy, Excel.TableCollection>>,
  Fits<Check<TableRowCollectionProxy, Excel.TableRowCollection>>,
  Fits<Check<TableColumnProxy, Excel.TableColumn>>,
  Fits<Check<TableColumnCollectionProxy, Excel.TableColumnCollection>>,
  Fits<Check<NamedItemProxy, Excel.NamedItem>>,
  Fits<Check<NamedItemCollectionProxy, Excel.NamedItemCollection>>,
  Fits<Check<ChartProxy, Excel.Chart>>,
  Fits<Check<ChartTitleProxy, Excel.ChartTitle>>,
  Fits<Check<ChartCollectionProxy, Excel.ChartCollection>>,
];
