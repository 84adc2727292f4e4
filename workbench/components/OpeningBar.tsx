import { Field, ProgressBar } from "@fluentui/react-components";
import { useSyncExternalStore } from "react";

/*
 * How far opening a file has got. The builder reports a step every few tens
 * of milliseconds; held in the page's state, each report re-rendered the whole
 * page (the grid, the pane) and took over a third of the open. Held here, a
 * report re-renders this bar alone.
 */

export interface OpeningState {
  label: string;
  /** Cells built so far and in all; undefined while a worker reads the file (the bar moves without a figure). */
  done?: number;
  total?: number;
}

export class OpeningProgress {
  private state: OpeningState;
  private readonly listeners = new Set<() => void>();
  constructor(label: string) {
    this.state = { label };
  }
  report(state: OpeningState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  readonly snapshot = () => this.state;
}

export function OpeningBar({ progress }: { progress: OpeningProgress }) {
  const { label, done = 0, total } = useSyncExternalStore(progress.subscribe, progress.snapshot);
  return (
    <Field
      className="wb-opening"
      label={total ? `${label}: ${done.toLocaleString("en-GB")} of ${total.toLocaleString("en-GB")} cells` : `${label}…`}
    >
      <ProgressBar aria-label="Opening the file" value={total ? done / total : undefined} />
    </Field>
  );
}
