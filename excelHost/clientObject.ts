import { OfficeError, payloadBytes, propertyNotLoaded, type RequestContext } from "./context.ts";

/*
 * The proxy semantics of Office.js: an object's scalar properties can be read
 * only after `load` and `sync`, and otherwise throw PropertyNotLoaded exactly
 * as Excel does; writes are queued and applied at the next sync.
 */

export interface PropertySpec<T> {
  read: (target: T) => unknown;
  write?: (target: T, value: unknown) => void;
  /** Cells a read of this property touches, for the 5,000,000-cell limit. */
  cells?: (target: T) => number;
}

export type LoadOption = string | string[] | { select?: string | string[] } | undefined;

/** "name, values" or ["name"] or { select: "name" } as a list of property names ("items/name" kept whole). */
export function loadNames(option: LoadOption): string[] | undefined {
  if (option === undefined) return undefined;
  const raw = typeof option === "string" || Array.isArray(option) ? option : option.select;
  if (raw === undefined) return undefined;
  return (Array.isArray(raw) ? raw : raw.split(",")).map((s) => s.trim()).filter(Boolean);
}

export abstract class ClientObject<T> {
  protected readonly loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;

  constructor(
    readonly context: RequestContext,
    /** Finds what this proxy stands for; called during sync, so it sees the workbook as it is then. */
    private readonly resolveTarget: () => T | undefined,
    protected readonly typeName: string,
    /** True for objects from *OrNullObject methods, which report a missing item instead of failing. */
    private readonly nullable = false,
  ) {
    if (nullable) {
      context.enqueue(`${typeName}.isNullObject`, () => {
        this.nullState = this.resolveTarget() === undefined;
      });
    }
  }

  protected abstract properties(): Record<string, PropertySpec<T>>;

  /** The target, failing as Excel does when it is gone. Only call during sync. */
  target(): T {
    const target = this.resolveTarget();
    if (target === undefined) throw new OfficeError("ItemNotFound", `The requested ${this.typeName} doesn't exist.`, this.typeName);
    return target;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw propertyNotLoaded("isNullObject", this.typeName);
    return this.nullState;
  }

  load(option?: LoadOption): this {
    const specs = this.properties();
    const names = loadNames(option) ?? Object.keys(specs);
    for (const name of names) {
      if (!specs[name] && !this.loadNested(name)) {
        throw new OfficeError("InvalidArgument", `The property '${name}' does not exist on ${this.typeName}.`, `${this.typeName}.load`);
      }
    }
    const own = names.filter((name) => specs[name]);
    if (own.length === 0) return this;
    this.context.enqueue(`${this.typeName}.load`, () => {
      const target = this.nullable ? this.resolveTarget() : this.target();
      if (target === undefined) return;
      this.context.readCells(
        own.reduce((sum, name) => sum + (specs[name]!.cells?.(target) ?? 0), 0),
        `${this.typeName}.load`,
      );
      let bytes = 0;
      for (const name of own) {
        const value = specs[name]!.read(target);
        this.loaded.set(name, value);
        bytes += payloadBytes(value);
      }
      return { bytes };
    });
    return this;
  }

  /** Marks `names` as loaded from `target` now: how a collection's load("items/name") fills its items. Only call during sync. */
  loadNow(names: readonly string[], target: T): void {
    const specs = this.properties();
    for (const name of names) {
      // Through a navigation property, as a collection's load("items/protection/protected") reaches each item's protection.
      const slash = name.indexOf("/");
      const child = slash > 0 ? (this as unknown as Record<string, unknown>)[name.slice(0, slash)] : undefined;
      if (child instanceof ClientObject) {
        child.loadNow([name.slice(slash + 1)], child.target());
        continue;
      }
      const spec = specs[name];
      if (!spec)
        throw new OfficeError("InvalidArgument", `The property '${name}' does not exist on ${this.typeName}.`, `${this.typeName}.load`);
      this.loaded.set(name, spec.read(target));
    }
  }

  /**
   * Loads through a navigation property, as Office.js allows: "format/font/bold"
   * on a Range loads `bold` on `range.format.font`. Collections override this
   * for "items/name".
   */
  protected loadNested(name: string): boolean {
    const slash = name.indexOf("/");
    if (slash < 0) return false;
    const child = (this as unknown as Record<string, unknown>)[name.slice(0, slash)];
    if (!(child instanceof ClientObject)) return false;
    child.load(name.slice(slash + 1));
    return true;
  }

  protected get<V>(name: string): V {
    if (!this.loaded.has(name)) throw propertyNotLoaded(name, this.typeName);
    return this.loaded.get(name) as V;
  }

  protected set(name: string, value: unknown): void {
    const spec = this.properties()[name];
    if (!spec?.write) throw new OfficeError("InvalidArgument", `The property '${name}' is read-only.`, `${this.typeName}.${name}`);
    this.context.enqueue(
      `${this.typeName}.${name}`,
      () => {
        const target = this.target();
        this.guardWrite(target, name);
        spec.write!(target, value);
        if (this.loaded.has(name)) this.loaded.set(name, spec.read(target));
      },
      value,
    );
  }

  /** Runs an action at sync time against the target. */
  protected queue(method: string, action: (target: T) => void, request?: unknown): void {
    this.context.enqueue(
      `${this.typeName}.${method}`,
      () => {
        const target = this.target();
        this.guardWrite(target, method);
        action(target);
      },
      request,
    );
  }

  /**
   * Refuses, at sync, a write or an action through this object that protection
   * forbids (excelHost/protection.ts). Objects on a sheet say which; reads,
   * selecting and activating need nothing.
   */
  protected guardWrite(_target: T, _member: string): void {}

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

/** A value that methods such as getCount() return: readable after sync. */
export class ClientResult<V> {
  private ready = false;
  private result: V | undefined;
  constructor(context: RequestContext, location: string, compute: () => V) {
    context.enqueue(location, () => {
      this.result = compute();
      this.ready = true;
      return { bytes: payloadBytes(this.result) };
    });
  }
  get value(): V {
    if (!this.ready) throw propertyNotLoaded("value", "ClientResult");
    return this.result as V;
  }
}

/**
 * Defines a proxy class's getters, and setters for the writable ones, from
 * its properties() alone: a property is declared once, in its spec, and can
 * never be readable in load() yet undefined on the object. The specs are
 * built without a workbook (their reads and writes run only at sync).
 */
export function accessors(proxy: { prototype: object }): void {
  const specs = (proxy.prototype as { properties(): Record<string, PropertySpec<unknown>> }).properties.call({ context: {} });
  for (const [name, spec] of Object.entries(specs)) {
    Object.defineProperty(proxy.prototype, name, {
      configurable: true,
      get(this: { get(n: string): unknown }) {
        return this.get(name);
      },
      ...(spec.write
        ? {
            set(this: { set(n: string, v: unknown): void }, value: unknown) {
              this.set(name, value);
            },
          }
        : {}),
    });
  }
}

/**
 * A collection: `items` after load("items") or load("items/name"); `count`
 * where Excel's collection has it (a subclass with CountedCollection).
 * Each item proxy keeps pointing at its item while the item exists.
 */
export abstract class CollectionProxy<T, P extends ClientObject<T>> extends ClientObject<readonly T[]> {
  private itemProxies: P[] | undefined;
  private itemLoads: string[] = [];
  constructor(
    context: RequestContext,
    typeName: string,
    protected readonly list: () => readonly T[],
  ) {
    super(context, list, typeName);
  }

  /** A proxy for one item of the collection. */
  protected abstract proxyFor(item: T): P;
  protected abstract readonly defaultItemProperties: readonly string[];

  protected properties(): Record<string, PropertySpec<readonly T[]>> {
    return {};
  }

  protected override loadNested(name: string): boolean {
    if (name !== "items" && !name.startsWith("items/")) return false;
    const property = name.slice("items/".length);
    if (property) this.itemLoads.push(property);
    this.context.enqueue(`${this.typeName}.load`, () => {
      const names = this.itemLoads.length ? this.itemLoads : this.defaultItemProperties;
      this.itemProxies = this.list().map((item) => {
        const proxy = this.proxyFor(item);
        proxy.loadNow(names, item);
        return proxy;
      });
      return { bytes: payloadBytes(this.itemProxies.map((p) => p.toJSON())) };
    });
    return true;
  }

  get items(): P[] {
    if (!this.itemProxies) throw propertyNotLoaded("items", this.typeName);
    return this.itemProxies;
  }

  getCount(): ClientResult<number> {
    return new ClientResult(this.context, `${this.typeName}.getCount`, () => this.list().length);
  }
}
