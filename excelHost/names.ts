import { nameReferenceKind, splitSheet, parseRangeAddress } from "../src/addresses.ts";
import type { NamedItemInfo } from "../engine/workbook.ts";
import { accessors, ClientObject, CollectionProxy, type PropertySpec } from "./clientObject.ts";
import { OfficeError, type RequestContext } from "./context.ts";
import { RangeProxy } from "./range.ts";

export class NamedItemProxy extends ClientObject<NamedItemInfo> {
  declare readonly name: string;
  declare formula: string;
  declare readonly value: unknown;
  declare readonly type: Excel.NamedItem["type"];
  declare comment: string;
  declare readonly visible: boolean;

  constructor(context: RequestContext, resolve: () => NamedItemInfo | undefined, nullable = false) {
    super(context, resolve, "NamedItem", nullable);
  }
  protected properties(): Record<string, PropertySpec<NamedItemInfo>> {
    const model = this.context.model;
    return {
      name: { read: (n) => n.name },
      formula: {
        read: (n) => n.formula,
        write: (n, v) => {
          model.deleteName(n.name);
          Object.assign(n, model.addName(n.name, String(v), n.comment));
        },
      },
      // As in Excel: a reference's value is its address; anything else's is what it works out to.
      value: { read: (n) => (nameReferenceKind(n.formula) !== "formula" ? n.formula.replace(/^=/, "") : model.nameValue(n.name)) },
      type: { read: (n) => (refersToRange(n.formula) ? "Range" : valueType(model.nameValue(n.name))) },
      comment: { read: (n) => n.comment, write: (n, v) => ((n.comment = String(v)), model.changed()) },
      visible: { read: (n) => n.visible !== false },
    };
  }
  /**
   * The range a name refers to. As Excel on Windows: a name of several areas
   * or worked out by OFFSET, INDEX or INDIRECT has no range to give
   * (office-js #4321), only one block of cells, whole columns included.
   */
  getRange(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const item = this.target();
      const { sheet, address } = splitSheet(item.formula.replace(/^=/, ""));
      if (!sheet || nameReferenceKind(item.formula) !== "range")
        throw new OfficeError("InvalidOperation", "This operation is not permitted for the current object.");
      return { sheet: this.context.model.sheet(sheet), range: parseRangeAddress(address) };
    });
  }
  delete(): void {
    this.queue("delete", (n) => this.context.model.deleteName(n.name));
  }
}
accessors(NamedItemProxy);

export class NamedItemCollectionProxy extends CollectionProxy<NamedItemInfo, NamedItemProxy> {
  protected readonly defaultItemProperties = ["name", "formula", "type", "comment", "visible"];
  constructor(context: RequestContext) {
    super(context, "NamedItemCollection", () => context.model.names);
  }
  protected proxyFor(item: NamedItemInfo): NamedItemProxy {
    return new NamedItemProxy(this.context, () => (this.context.model.names.includes(item) ? item : undefined));
  }
  /** Adds a name for a Range or a formula ("=Plan!$A$1:$A$10", "=0.22"). */
  add(name: string, reference: RangeProxy | string, comment = ""): NamedItemProxy {
    let created: NamedItemInfo | undefined;
    this.context.enqueue("NamedItemCollection.add", () => {
      const formula =
        typeof reference === "string"
          ? reference
          : `=${absolute(this.context.model.address(reference.target().sheet.name, reference.target().range))}`;
      created = this.context.model.addName(name, formula, comment);
    });
    return new NamedItemProxy(this.context, () => created);
  }
  getItem(name: string): NamedItemProxy {
    return new NamedItemProxy(this.context, () => this.context.model.name(name));
  }
  getItemOrNullObject(name: string): NamedItemProxy {
    return new NamedItemProxy(this.context, () => this.context.model.names.find((n) => n.name.toLowerCase() === name.toLowerCase()), true);
  }
}

/** Plan!A1:B4 as Plan!$A$1:$B$4, as Excel stores a name's reference. */
function absolute(address: string): string {
  const { sheet, address: cells } = splitSheet(address);
  const fixed = cells.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
  return sheet === undefined ? fixed : `${/^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet}'`}!${fixed}`;
}

/** A reference, or a formula that gives one: Excel's type for such a name is Range. */
const refersToRange = (formula: string) => nameReferenceKind(formula) !== "formula" || /^=\s*(OFFSET|INDEX|INDIRECT)\s*\(/i.test(formula);

/** Excel's NamedItemType for a name's value. */
function valueType(value: unknown): string {
  if (Array.isArray(value)) return "Array";
  if (typeof value === "number") return Number.isInteger(value) ? "Integer" : "Double";
  if (typeof value === "boolean") return "Boolean";
  if (typeof value === "string") return /^#[A-Z/0!?]+/.test(value) ? "Error" : "String";
  return "String";
}
