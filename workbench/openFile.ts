import type { ParsedWorkbook } from "../engine/xlsxIn.ts";

/** What an .xlsx holds, read by a worker (workbench/openWorker.ts) so the page is not blocked while exceljs parses it. */
export function parseInWorker(bytes: Uint8Array): Promise<ParsedWorkbook> {
  const worker = new Worker(new URL("./openWorker.ts", import.meta.url), { type: "module" });
  return new Promise<ParsedWorkbook>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<{ parsed?: ParsedWorkbook; error?: { name: string; message: string } }>) => {
      const { parsed, error } = event.data;
      if (parsed) resolve(parsed);
      else reject(Object.assign(new Error(error?.message ?? "the file could not be read"), { name: error?.name ?? "Error" }));
    };
    worker.onerror = (event) => reject(new Error(event.message || "the file could not be read"));
    // A copy: the page keeps its bytes, for the charts read after.
    worker.postMessage({ bytes });
  }).finally(() => worker.terminate());
}
