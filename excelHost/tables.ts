import { assertSheetWritable } from "./protection.ts";
import type { CellRange } from "../src/addresses.ts";
import type { CellInput, SheetInfo, TableInfo } from "../engine/workbook.ts";
import { accessors, ClientObject, CollectionProxy, type PropertySpec } from "./clientObject.ts";
import { OfficeError, type RequestContext } from "./context.ts";
import { RangeProxy, resolveAddress, type RangeTarget } from "./range.ts";
import { WorksheetProxy } from "./worksheet.ts";

export class TableProxy extends ClientObject<TableInfo> {
  declare name: string;
  declare style: string;
  declare readonly showHeaders: boolean;
  declare readonly showTotals: boolean;
  declare readonly id: string;
  readonly rows: TableRowCollectionProxy;
  readonly columns: TableColumnCollectionProxy;
  readonly worksheet: WorksheetProxy;

  constructor(context: RequestContext, resolve: () => TableInfo | undefined, nullable = false) {
    super(context, resolve, "Table", nullable);
    this.rows = new TableRowCollectionProxy(context, () => this.target());
    this.columns = new TableColumnCollectionProxy(context, () => this.target());
    this.worksheet = new WorksheetProxy(context, () => context.model.sheet(this.target().sheet));
  }

  protected override guardWrite(target: TableInfo, member: string): void {
    assertSheetWritable(this.context.model.sheet(target.sheet), `Table.${member}`);
  }
  protected properties(): Record<string, PropertySpec<TableInfo>> {
    const model = this.context.model;
    return {
      name: {
        read: (t) => t.name,
        write: (t, v) => {
          model.renameTable(t.name, String(v));
        },
      },
      style: { read: (t) => t.style, write: (t, v) => ((t.style = String(v)), model.changed()) },
      showHeaders: { read: (t) => t.hasHeaders },
      showTotals: { read: (t) => t.hasTotals },
      id: { read: (t) => t.name },
    };
  }

  private part(choose: (t: TableInfo) => CellRange): RangeProxy {
    return new RangeProxy(this.context, () => {
      const table = this.target();
      return { sheet: this.context.model.sheet(table.sheet), range: choose(table) };
    });
  }
  getRange(): RangeProxy {
    return this.part((t) => t.range);
  }
  getHeaderRowRange(): RangeProxy {
    return this.part((t) => ({ ...t.range, bottom: t.range.top }));
  }
  /** The data rows; an empty table has one blank data row, as in Excel. */
  getDataBodyRange(): RangeProxy {
    return this.part((t) => ({ ...t.range, top: t.range.top + 1, bottom: Math.max(t.range.top + 1, t.range.bottom) }));
  }
  delete(): void {
    this.queue("delete", (t) => this.context.model.deleteTable(t.name));
  }
}
accessors(TableProxy);

export class TableCollectionProxy extends CollectionProxy<TableInfo, TableProxy> {
  protected readonly defaultItemProperties = ["name", "style", "showHeaders", "showTotals", "id"];

  /** `sheetName` scopes the collection to one worksheet; without it, the workbook's tables. */
  constructor(
    context: RequestContext,
    private readonly sheetName?: () => string,
  ) {
    super(context, "TableCollection", () => context.model.tables.filter((t) => !sheetName || t.sheet === sheetName()));
  }

  protected proxyFor(table: TableInfo): TableProxy {
    return new TableProxy(this.context, () => (this.context.model.tables.includes(table) ? table : undefined));
  }

  /** Adds a table over an address ("A1:D20", "Plan!A1:D20") or a Range. */
  add(address: string | RangeProxy, hasHeaders: boolean): TableProxy {
    let created: TableInfo | undefined;
    this.context.enqueue("TableCollection.add", () => {
      const target: RangeTarget =
        typeof address === "string"
          ? resolveAddress(address, (name) => this.context.model.sheet(name ?? this.sheetName?.() ?? missingSheet(address)))
          : address.target();
      assertSheetWritable(target.sheet, "TableCollection.add");
      if (this.sheetName && target.sheet.name !== this.sheetName()) {
        throw new OfficeError("InvalidArgument", `The range ${address} is not on the worksheet ${this.sheetName()}.`);
      }
      created = this.context.model.addTable(target.sheet.name, target.range, hasHeaders);
    });
    return new TableProxy(this.context, () => created);
  }

  getItem(name: string): TableProxy {
    return new TableProxy(this.context, () => this.context.model.table(name));
  }

  getItemOrNullObject(name: string): TableProxy {
    return new TableProxy(this.context, () => this.context.model.tables.find((t) => t.name.toLowerCase() === name.toLowerCase()), true);
  }
}

function missingSheet(address: string): never {
  throw new OfficeError("InvalidArgument", `"${address}" needs a sheet name (Plan!A1:D20) when added to the workbook's tables.`);
}

interface RowTarget {
  table: TableInfo;
}

export class TableRowCollectionProxy extends ClientObject<RowTarget> {
  declare readonly count: number;
  constructor(context: RequestContext, table: () => TableInfo) {
    super(context, () => ({ table: table() }), "TableRowCollection");
  }
  protected override guardWrite(target: RowTarget, member: string): void {
    assertSheetWritable(this.context.model.sheet(target.table.sheet), `TableRowCollection.${member}`);
  }
  protected properties(): Record<string, PropertySpec<RowTarget>> {
    return { count: { read: ({ table }) => table.range.bottom - table.range.top } };
  }
  /** Adds rows at `index` of the data body (at the end when index is null or omitted). */
  add(index?: number | null, values?: CellInput[][]): void {
    this.queue(
      "add",
      ({ table }) => {
        const width = table.range.right - table.range.left + 1;
        const rows = values ?? [Array<CellInput>(width).fill(null)];
        if (rows.some((r) => r.length !== width))
          throw new OfficeError("InvalidArgument", `Each new row of ${table.name} needs ${width} values.`);
        this.context.model.addTableRows(table.name, rows, index ?? undefined);
      },
      values,
    );
  }
}
accessors(TableRowCollectionProxy);

interface ColumnTarget {
  table: TableInfo;
  index: number;
}

export class TableColumnProxy extends ClientObject<ColumnTarget> {
  declare readonly name: string;
  declare readonly index: number;
  constructor(context: RequestContext, resolve: () => ColumnTarget | undefined) {
    super(context, resolve, "TableColumn");
  }
  protected properties(): Record<string, PropertySpec<ColumnTarget>> {
    return { name: { read: (c) => c.table.columns[c.index] }, index: { read: (c) => c.index } };
  }
  private part(rows: (t: TableInfo) => { top: number; bottom: number }): RangeProxy {
    return new RangeProxy(this.context, () => {
      const { table, index } = this.target();
      const sheet: SheetInfo = this.context.model.sheet(table.sheet);
      const column = table.range.left + index;
      return { sheet, range: { ...rows(table), left: column, right: column } };
    });
  }
  getDataBodyRange(): RangeProxy {
    return this.part((t) => ({ top: t.range.top + 1, bottom: Math.max(t.range.top + 1, t.range.bottom) }));
  }
  getHeaderRowRange(): RangeProxy {
    return this.part((t) => ({ top: t.range.top, bottom: t.range.top }));
  }
  getRange(): RangeProxy {
    return this.part((t) => ({ top: t.range.top, bottom: t.range.bottom }));
  }
}
accessors(TableColumnProxy);

export class TableColumnCollectionProxy extends CollectionProxy<ColumnTarget, TableColumnProxy> {
  protected readonly defaultItemProperties = ["name", "index"];
  constructor(
    context: RequestContext,
    private readonly table: () => TableInfo,
  ) {
    super(context, "TableColumnCollection", () => {
      const t = table();
      return t.columns.map((_, index) => ({ table: t, index }));
    });
  }
  protected proxyFor(column: ColumnTarget): TableColumnProxy {
    return new TableColumnProxy(this.context, () => column);
  }
  getItem(name: string): TableColumnProxy {
    return new TableColumnProxy(this.context, () => {
      const table = this.table();
      const index = table.columns.findIndex((c) => c.toLowerCase() === name.toLowerCase());
      if (index < 0) throw new OfficeError("ItemNotFound", `The table ${table.name} has no column "${name}".`);
      return { table, index };
    });
  }
  getItemAt(index: number): TableColumnProxy {
    return new TableColumnProxy(this.context, () => ({ table: this.table(), index }));
  }
}
