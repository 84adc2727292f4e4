import { parseXlsx } from "../engine/xlsxIn.ts";

/*
 * Reads an .xlsx off the page's thread: exceljs's parse of a big file takes
 * seconds, and the page stays responsive (and its progress bar moves) while
 * it runs here. Posts back what the file holds, as plain data, or the error.
 */

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<{ bytes: Uint8Array }>) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = (event) => {
  parseXlsx(event.data.bytes).then(
    (parsed) => scope.postMessage({ parsed }),
    (error: Error) => scope.postMessage({ error: { name: error.name, message: error.message } }),
  );
};
