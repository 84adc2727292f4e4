import type { SheetInfo, Workbook } from "../engine/workbook.ts";
import { accessors, ClientObject, type PropertySpec } from "./clientObject.ts";
import { OfficeError, type RequestContext } from "./context.ts";

/*
 * Protection as Excel enforces it on an add-in: nothing is written to a
 * protected sheet (values, formats, tables, charts, page setup), and a
 * workbook whose structure is protected gets no sheet added, deleted, renamed
 * or hidden. Refused with Excel's AccessDenied, so the pane must find out
 * first and write nothing half-way.
 */

const DENIED = "You cannot perform the requested operation.";

/** Throws AccessDenied where `sheet` is protected. */
export function assertSheetWritable(sheet: SheetInfo, location: string): void {
  if (sheet.protection) throw new OfficeError("AccessDenied", `${DENIED} The sheet ${sheet.name} is protected.`, location);
}

/** Throws AccessDenied where the workbook's structure is protected. */
export function assertStructureWritable(model: Workbook, location: string): void {
  if (model.structureProtection) throw new OfficeError("AccessDenied", `${DENIED} The workbook's structure is protected.`, location);
}

export class WorksheetProtectionProxy extends ClientObject<SheetInfo> {
  declare readonly protected: boolean;
  constructor(context: RequestContext, resolve: () => SheetInfo) {
    super(context, resolve, "WorksheetProtection");
  }
  protected properties(): Record<string, PropertySpec<SheetInfo>> {
    return { protected: { read: (s) => Boolean(s.protection) } };
  }
}
accessors(WorksheetProtectionProxy);

export class WorkbookProtectionProxy extends ClientObject<Workbook> {
  declare readonly protected: boolean;
  constructor(context: RequestContext) {
    super(context, () => context.model, "WorkbookProtection");
  }
  protected properties(): Record<string, PropertySpec<Workbook>> {
    return { protected: { read: (w) => Boolean(w.structureProtection) } };
  }
}
accessors(WorkbookProtectionProxy);
