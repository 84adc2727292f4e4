import { useSyncExternalStore } from "react";
import type { Workbook } from "../engine/workbook.ts";

/** Re-renders when the workbook changes; returns its change count. */
export function useWorkbookVersion(model: Workbook): number {
  return useSyncExternalStore(
    (listener) => model.subscribe(listener),
    () => model.changeCount,
  );
}
