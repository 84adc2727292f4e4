import { assertSheetWritable, assertStructureWritable, WorksheetProtectionProxy } from "./protection.ts";
import type { CellRange } from "../src/addresses.ts";
import type { SheetInfo, Visibility } from "../engine/workbook.ts";
import { ChartCollectionProxy } from "./charts.ts";
import { accessors, ClientObject, CollectionProxy, type PropertySpec } from "./clientObject.ts";
import { hasApiSet, OfficeError, type RequestContext } from "./context.ts";
import { RangeProxy, resolveAddress } from "./range.ts";
import { TableCollectionProxy } from "./tables.ts";

const VISIBILITIES: readonly Visibility[] = ["Visible", "Hidden", "VeryHidden"];

export class WorksheetProxy extends ClientObject<SheetInfo> {
  declare name: string;
  declare visibility: Visibility;
  declare readonly position: number;
  declare readonly id: string;
  readonly tables: TableCollectionProxy;
  readonly charts: ChartCollectionProxy;
  /** ExcelApi 1.9: an older Excel's worksheet has no pageLayout. */
  readonly pageLayout: PageLayoutProxy;
  readonly protection: WorksheetProtectionProxy;

  constructor(context: RequestContext, resolve: () => SheetInfo | undefined, nullable = false) {
    super(context, resolve, "Worksheet", nullable);
    this.tables = new TableCollectionProxy(context, () => this.target().name);
    this.charts = new ChartCollectionProxy(context, () => this.target());
    this.protection = new WorksheetProtectionProxy(context, () => this.target());
    this.pageLayout = (hasApiSet(context.apiSets, "ExcelApi", "1.9")
      ? new PageLayoutProxy(context, () => this.target())
      : undefined) as unknown as PageLayoutProxy;
  }

  /** Renaming, hiding, moving and deleting change the workbook's structure; anything else written is on the sheet. */
  protected override guardWrite(target: SheetInfo, member: string): void {
    if (member === "activate") return;
    if (["name", "visibility", "position", "delete"].includes(member)) assertStructureWritable(this.context.model, `Worksheet.${member}`);
    else assertSheetWritable(target, `Worksheet.${member}`);
  }
  protected properties(): Record<string, PropertySpec<SheetInfo>> {
    const model = this.context.model;
    return {
      name: { read: (s) => s.name, write: (s, v) => model.renameSheet(s.name, String(v)) },
      visibility: {
        read: (s) => s.visibility,
        write: (s, v) => {
          if (!VISIBILITIES.includes(v as Visibility))
            throw new OfficeError("InvalidArgument", `Visibility must be one of ${VISIBILITIES.join(", ")}.`);
          model.setVisibility(s.name, v as Visibility);
        },
      },
      position: { read: (s) => model.sheets.indexOf(s) },
      id: { read: (s) => `{sheet:${s.name}}` },
    };
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.context, () => {
      const sheet = this.target();
      if (address === undefined) return { sheet, range: { top: 0, left: 0, bottom: 1_048_575, right: 16_383 } };
      return resolveAddress(address, (name) => (name ? this.context.model.sheet(name) : sheet));
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    return new RangeProxy(this.context, () => {
      if (rowCount < 1 || columnCount < 1 || startRow < 0 || startColumn < 0)
        throw new OfficeError("InvalidArgument", "The range must have at least one row and column.");
      return {
        sheet: this.target(),
        range: { top: startRow, left: startColumn, bottom: startRow + rowCount - 1, right: startColumn + columnCount - 1 },
      };
    });
  }

  /** The block of used cells, from the first used cell as in Excel (not from A1); A1 for an empty sheet. */
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(this.context, () => {
      const sheet = this.target();
      const used: CellRange = this.context.model.usedBounds(sheet.name, valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 };
      return { sheet, range: used };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        const sheet = this.target();
        const used = this.context.model.usedBounds(sheet.name, valuesOnly);
        return used ? { sheet, range: used } : undefined;
      },
      true,
    );
  }

  activate(): void {
    this.queue("activate", (s) => this.context.model.activate(s.name));
  }

  delete(): void {
    this.queue("delete", (s) => this.context.model.deleteSheet(s.name));
  }
}
accessors(WorksheetProxy);

const ORIENTATIONS = ["Portrait", "Landscape"];
const PAPER = ["A3", "A4", "A5", "Letter", "Legal"];

/** How a sheet prints, as Excel's WorksheetPageLayout: orientation, paper, fit to pages, print area. */
export class PageLayoutProxy extends ClientObject<SheetInfo> {
  declare orientation: Excel.PageLayout["orientation"];
  declare paperSize: Excel.PageLayout["paperSize"];
  declare zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };

  constructor(context: RequestContext, resolve: () => SheetInfo) {
    super(context, resolve, "PageLayout");
  }
  protected override guardWrite(target: SheetInfo, member: string): void {
    assertSheetWritable(target, `PageLayout.${member}`);
  }
  protected properties(): Record<string, PropertySpec<SheetInfo>> {
    const model = this.context.model;
    const oneOf = (value: unknown, allowed: string[], what: string) => {
      if (!allowed.includes(String(value))) throw new OfficeError("InvalidArgument", `${what} must be one of ${allowed.join(", ")}.`);
      return String(value);
    };
    return {
      orientation: {
        read: (s) => s.pageSetup?.orientation ?? "Portrait",
        write: (s, v) => model.setPageSetup(s.name, { orientation: oneOf(v, ORIENTATIONS, "orientation") as "Portrait" | "Landscape" }),
      },
      paperSize: {
        read: (s) => s.pageSetup?.paperSize ?? "Letter",
        write: (s, v) => model.setPageSetup(s.name, { paperSize: oneOf(v, PAPER, "paperSize") }),
      },
      zoom: {
        read: (s) =>
          s.pageSetup?.scale !== undefined
            ? { scale: s.pageSetup.scale }
            : { horizontalFitToPages: s.pageSetup?.fitToPagesWide, verticalFitToPages: s.pageSetup?.fitToPagesTall },
        // As in Excel: a scale and fitting to pages exclude each other; the one set last holds. Excel scales from 10% to 400%.
        write: (s, v) => {
          const zoom = v as { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
          if (zoom.scale !== undefined) {
            if (!Number.isInteger(zoom.scale) || zoom.scale < 10 || zoom.scale > 400)
              throw new OfficeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
            model.setPageSetup(s.name, { scale: zoom.scale, fitToPagesWide: undefined, fitToPagesTall: undefined });
          } else
            model.setPageSetup(s.name, {
              fitToPagesWide: zoom.horizontalFitToPages,
              fitToPagesTall: zoom.verticalFitToPages,
              scale: undefined,
            });
        },
      },
    };
  }
  /** Sets the print area to a range or an address on this sheet. */
  setPrintArea(area: RangeProxy | string): void {
    this.queue("setPrintArea", (s) => {
      const address = typeof area === "string" ? area : this.context.model.address(s.name, area.target().range);
      this.context.model.setPageSetup(s.name, { printArea: address.replace(/^.*!/, "").replace(/\$/g, "") });
    });
  }
}
accessors(PageLayoutProxy);

export class WorksheetCollectionProxy extends CollectionProxy<SheetInfo, WorksheetProxy> {
  protected readonly defaultItemProperties = ["name", "visibility", "position", "id"];

  constructor(context: RequestContext) {
    super(context, "WorksheetCollection", () => context.model.sheets);
  }

  protected proxyFor(sheet: SheetInfo): WorksheetProxy {
    return new WorksheetProxy(this.context, () => (this.context.model.sheets.includes(sheet) ? sheet : undefined));
  }

  add(name?: string): WorksheetProxy {
    let created: SheetInfo | undefined;
    this.context.enqueue("WorksheetCollection.add", () => {
      assertStructureWritable(this.context.model, "WorksheetCollection.add");
      created = this.context.model.addSheet(name);
    });
    return new WorksheetProxy(this.context, () => created);
  }

  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.context.model.sheet(name));
  }

  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.context.model.findSheet(name), true);
  }

  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.context.model.sheet(this.context.model.activeSheet));
  }
}
