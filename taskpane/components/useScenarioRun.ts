import { useState } from "react";
import { flushSync } from "react-dom";
import { againstActualNotes } from "../../src/index.ts";
import type { PlanLinks } from "../adapter/linkStore.ts";
import type { WorkbookView } from "../adapter/openWorkbook.ts";
import { RunCancelled, type EditedSheetChoice } from "../adapter/planSession.ts";
import { runPlan, type PlanStep } from "../useCases/runPlan.ts";
import type { FormRead } from "../useCases/scenarioForm.ts";
import type { Outcome } from "./RunOutcome.tsx";

/*
 * A run of the Scenario card as React state: busy, the step it is on, the
 * cancel, the outcome, and what to say (a problem or a notice). The steps
 * themselves are the runPlan use case's, shared with the CLI and the tests.
 */

/** The question asked when the scenario's own sheet was edited since wfplan wrote it, with how to answer it. */
export interface EditedSheet {
  sheet: string;
  answer: (choice: EditedSheetChoice) => void;
}

export function useScenarioRun() {
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<PlanStep>();
  const [cancel, setCancel] = useState<AbortController>();
  const [outcome, setOutcome] = useState<Outcome>();
  const [problem, setProblem] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [edited, setEdited] = useState<EditedSheet>();

  /** Says a problem or a notice (or clears both). */
  const say = (what: { problem?: string; notice?: string }) => {
    setProblem(what.problem);
    setNotice(what.notice);
  };

  const run = async (
    read: FormRead,
    links: PlanLinks,
    view: WorkbookView | undefined,
    after: (view: WorkbookView, stored: boolean) => void,
  ): Promise<void> => {
    setBusy(true);
    say({});
    const controller = new AbortController();
    setCancel(controller);
    setOutcome(undefined);
    try {
      // Every field that cannot be used, at once.
      if (!read.choices) throw new Error(read.problems.join(". "));
      const onEdited = (sheet: string) =>
        new Promise<EditedSheetChoice>((resolve) =>
          setEdited({
            sheet,
            answer: (choice) => {
              setEdited(undefined);
              resolve(choice);
            },
          }),
        );
      const done = await runPlan(
        links,
        read.choices,
        // Each step drawn at once (not batched with the next), so the bar shows every step it passes.
        { view, onEdited, onStep: (step) => flushSync(() => setProgress(step)), signal: controller.signal },
      );
      after(done.view, Boolean(done.stored));
      if (done.notStored) setProblem(done.notStored);
      const first = done.result.rows.filter((r) => r.yearIndex === 1);
      setOutcome({
        sheet: done.sheet,
        monthsSheet: done.monthsSheet,
        againstActual: [...(done.actualsKept ? [done.actualsKept] : []), ...againstActualNotes(done.result)],
        leftOut: done.leftOut,
        cells: done.cells,
        checks: done.checks,
        cost: first.reduce((sum, r) => sum + r.totalCost, 0),
        budget: first.reduce((sum, r) => sum + r.budget, 0),
      });
    } catch (error) {
      if (error instanceof RunCancelled) setNotice(error.message);
      else setProblem((error as Error).message);
    } finally {
      setBusy(false);
      setProgress(undefined);
      setCancel(undefined);
    }
  };

  const stop = () => {
    cancel?.abort();
    setCancel(undefined);
  };

  return { busy, progress, cancel, outcome, problem, notice, edited, run, stop, say };
}
