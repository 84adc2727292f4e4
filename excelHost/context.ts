import { WorkbookError, type Workbook } from "../engine/workbook.ts";

/*
 * Excel's request context: calls on proxy objects queue operations, and
 * `sync()` runs the queue against the workbook in one batch, as Office.js
 * sends one request to Excel. It enforces Excel on the web's documented limits
 * (5 MB a request or response, 5,000,000 cells read) and counts syncs and
 * bytes for the benchmarks.
 */

export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
export const CELL_READ_LIMIT = 5_000_000;

/** The error Office.js raises, with its code and debug info. */
export class OfficeError extends Error {
  override readonly name = "RichApi.Error";
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.debugInfo = { code, message, errorLocation };
  }
}

export function propertyNotLoaded(property: string, objectName: string): OfficeError {
  return new OfficeError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${objectName}.${property}`,
  );
}

export interface SyncStats {
  /** Round trips: syncs that carried something. */
  syncs: number;
  /** Syncs with nothing queued, which Office.js answers without a round trip (Excel.run's closing sync, usually). */
  emptySyncs: number;
  requestBytes: number;
  responseBytes: number;
  /** The largest request and response of any one sync, against Excel on the web's 5 MB. */
  largestRequestBytes: number;
  largestResponseBytes: number;
  cellsRead: number;
}

/**
 * A round trip's delay, as Excel on the web has one (a few hundred
 * milliseconds over a network): 0 in tests and the bench; set it to watch
 * the pane's progress and cancel as a planner would (workbench.html?latency=300).
 */
export const network = { latencyMs: 0 };

export function newStats(): SyncStats {
  return { syncs: 0, emptySyncs: 0, requestBytes: 0, responseBytes: 0, largestRequestBytes: 0, largestResponseBytes: 0, cellsRead: 0 };
}

/** What one queued operation reports back: the bytes of its answer. */
export interface Answer {
  bytes?: number;
}

interface Operation {
  run: () => Answer | void;
  requestBytes: number;
  location: string;
}

/** The size of a JSON payload, as Office.js serialises requests and answers. */
export function payloadBytes(value: unknown): number {
  if (value === undefined) return 0;
  return new TextEncoder().encode(JSON.stringify(value)).length;
}

/** Requirement sets and the highest version of each a host has. */
export type ApiSets = Readonly<Record<string, string>>;

/** What the workbench's Excel has: every set the add-in uses, as Excel on the web today. */
export const WORKBENCH_API_SETS: ApiSets = { ExcelApi: "1.9", CustomFunctionsRuntime: "1.2", SharedRuntime: "1.1" };

/** Whether `sets` include `name` at `version` or later, as Office.context.requirements.isSetSupported answers. */
export function hasApiSet(sets: ApiSets, name: string, version = "1.1"): boolean {
  const held = sets[name];
  if (held === undefined) return false;
  const [a, b] = [held.split(".").map(Number), version.split(".").map(Number)];
  for (let i = 0; i < Math.max(a.length, b.length); i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return true;
}

export class RequestContext {
  private queue: Operation[] = [];
  private cellsThisSync = 0;
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };
  readonly workbook: import("./index.ts").WorkbookProxy;

  constructor(
    readonly model: Workbook,
    readonly stats: SyncStats,
    createWorkbook: (context: RequestContext) => import("./index.ts").WorkbookProxy,
    /** The requirement sets this Excel has: members of a newer set are missing, as in an older Excel. */
    readonly apiSets: ApiSets = WORKBENCH_API_SETS,
  ) {
    this.workbook = createWorkbook(this);
  }

  /** Queues an operation; `request` is the data it sends (values written), for the payload limit. */
  enqueue(location: string, run: () => Answer | void, request?: unknown): void {
    this.queue.push({ run, location, requestBytes: 64 + payloadBytes(request) });
  }

  /** Counts cells a read is about to touch, failing before reading when the request would pass the limit. */
  readCells(cells: number, location: string): void {
    this.cellsThisSync += cells;
    if (this.cellsThisSync > CELL_READ_LIMIT) {
      throw new OfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `This request reads ${this.cellsThisSync} cells; Excel on the web reads at most ${CELL_READ_LIMIT} in one request. Read a smaller range.`,
        location,
      );
    }
  }

  async sync(): Promise<void> {
    const queue = this.queue;
    this.queue = [];
    this.cellsThisSync = 0;
    // Office.js sends nothing for a sync with no actions (ClientRequestContext.syncPrivate: `if (!req.hasActions)`).
    if (queue.length === 0) {
      this.stats.emptySyncs++;
      return;
    }
    this.stats.syncs++;
    if (network.latencyMs > 0) await new Promise((done) => setTimeout(done, network.latencyMs));
    const requestBytes = queue.reduce((sum, op) => sum + op.requestBytes, 0);
    this.stats.requestBytes += requestBytes;
    this.stats.largestRequestBytes = Math.max(this.stats.largestRequestBytes, requestBytes);
    if (requestBytes > PAYLOAD_LIMIT_BYTES) {
      throw new OfficeError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size (${requestBytes} bytes) has exceeded the limit of ${PAYLOAD_LIMIT_BYTES} bytes. Write the data in smaller blocks, each with its own sync.`,
      );
    }
    let responseBytes = 0;
    for (const op of queue) {
      let answer: Answer | void;
      try {
        answer = op.run();
      } catch (error) {
        if (error instanceof OfficeError) throw error;
        if (error instanceof WorkbookError) throw new OfficeError(error.code, error.message, op.location);
        throw new OfficeError("GeneralException", (error as Error).message, op.location);
      }
      responseBytes += answer?.bytes ?? 0;
    }
    this.stats.responseBytes += responseBytes;
    this.stats.largestResponseBytes = Math.max(this.stats.largestResponseBytes, responseBytes);
    this.stats.cellsRead += this.cellsThisSync;
    if (responseBytes > PAYLOAD_LIMIT_BYTES) {
      throw new OfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size (${responseBytes} bytes) has exceeded the limit of ${PAYLOAD_LIMIT_BYTES} bytes. Read the data in smaller blocks.`,
      );
    }
  }
}
