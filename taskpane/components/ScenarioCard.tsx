import {
  Button,
  Card,
  CardHeader,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Link,
  MessageBar,
  ProgressBar,
  MessageBarBody,
  Select,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { flushSync } from "react-dom";
import { formatPounds, latestOnCostYear, nextYear, referenceData, type ScenarioInput, type Triangulation } from "../../src/index.ts";
import { saveLinks, type PlanLinks } from "../adapter/linkStore.ts";
import type { WorkbookView } from "../adapter/openWorkbook.ts";
import { RunCancelled, type EditedSheetChoice } from "../adapter/planSession.ts";
import { nameKey, namesInUse } from "../adapter/scenarioStore.ts";
import { selectCell } from "../adapter/selectCell.ts";
import { leftOutText, runPlan, type PlanRun, type PlanStep } from "../useCases/runPlan.ts";
import { DEFAULT_FORM, formFromScenario, readForm, type ScenarioForm } from "../useCases/scenarioForm.ts";
import { DriverFields } from "./DriverFields.tsx";
import { GroupDriverRows, LineRows } from "./DriverRows.tsx";
import { RoleRows, ShiftRows } from "./StarRows.tsx";
import { initialLinks, PlanLinksForm } from "./PlanLinks.tsx";

const useStyles = makeStyles({
  form: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", gap: tokens.spacingHorizontalM },
  control: { minWidth: 0, width: "100%" },
  heading: { gridColumn: "1 / -1", marginTop: tokens.spacingVerticalS },
  failures: { margin: 0, paddingLeft: tokens.spacingHorizontalL, maxHeight: "14rem", overflowY: "auto" },
});

interface Outcome {
  sheet: string;
  leftOut: PlanRun["leftOut"];
  cells: PlanRun["cells"];
  checks: Triangulation;
  cost: number;
  budget: number;
}

/** Links the workbook's tables to a scenario, runs and triangulates it, and writes the results back. */
export function ScenarioCard({
  view: opened,
  problem: openProblem,
  onSaved,
  load,
}: {
  view?: WorkbookView;
  problem?: string;
  onSaved?: () => void;
  /** A saved scenario to put in the form (a new object each time the planner chooses one). */
  load?: { input: ScenarioInput };
}) {
  const styles = useStyles();
  // The workbook as the pane last left it: the first look, then as each run left it.
  const [view, setView] = useState(opened);
  useEffect(() => setView(opened), [opened]);
  const tables = view?.tables;
  // The question asked when the scenario's own sheet was edited since wfplan wrote it, with how to answer it.
  const [edited, setEdited] = useState<{ sheet: string; answer: (choice: EditedSheetChoice) => void }>();
  const [links, setLinks] = useState<PlanLinks>({});
  const [form, setForm] = useState<ScenarioForm>(DEFAULT_FORM);
  const set = (patch: Partial<ScenarioForm>) => setForm((f) => ({ ...f, ...patch }));
  const { name, startYear, years } = form;
  const [loadedNote, setLoadedNote] = useState<string>();
  // A saved scenario the planner chose to open: its settings fill the form.
  useEffect(() => {
    if (!load) return;
    const { form: loaded, notLoaded } = formFromScenario(load.input);
    setForm(loaded);
    setLoadedNote(
      `"${load.input.name}" is in the form${notLoaded.length ? `; not in it: ${notLoaded.join("; ")}` : ""}. Change what you like and run it.`,
    );
  }, [load]);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<PlanStep>();
  const [cancel, setCancel] = useState<AbortController>();
  const [outcome, setOutcome] = useState<Outcome>();
  const [problem, setProblem] = useState<string>();
  const [notice, setNotice] = useState<string>();

  useEffect(() => {
    if (opened) setLinks(initialLinks(opened.tables, opened.links?.links));
  }, [opened]);

  // A name already saved (case and spaces aside) is a new version of that scenario, under its saved spelling: never two under one name.
  const savedAs = namesInUse(opened?.saved ?? []).find((n) => nameKey(n) === nameKey(name));
  // Every field as typed, read as the model reads it: what was understood, or why it cannot be used.
  const read = readForm(form, { inputs: view?.inputs, savedAs });
  const fields = read.fields;
  const inputNames = Object.keys(view?.inputs ?? {})
    .slice(0, 8)
    .join(", ");

  // Links are stored with each run; the planner may also store them on their own, to come back to.
  const keepLinks = async () => {
    setProblem(undefined);
    setNotice(undefined);
    try {
      const { stored, changed } = await saveLinks(links);
      if (view) setView({ ...view, links: stored });
      setNotice(changed ? "The links are saved in the workbook." : "The links were already saved as they are.");
    } catch (error) {
      setProblem(`Could not save the links: ${(error as Error).message}`);
    }
  };

  const run = async () => {
    setBusy(true);
    setProblem(undefined);
    setNotice(undefined);
    const controller = new AbortController();
    setCancel(controller);
    setOutcome(undefined);
    try {
      // Every field that cannot be used, at once.
      if (!read.choices) throw new Error(read.problems.join(". "));
      const choices = read.choices;
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
      const {
        result,
        checks,
        sheet,
        stored,
        notStored,
        leftOut,
        cells,
        view: after,
      } = await runPlan(
        links,
        choices,
        // Each step drawn at once (not batched with the next), so the bar shows every step it passes.
        { view, onEdited, onStep: (step) => flushSync(() => setProgress(step)), signal: controller.signal },
      );
      setView(after);
      if (stored) onSaved?.();
      if (notStored) setProblem(notStored);
      const first = result.rows.filter((r) => r.yearIndex === 1);
      setOutcome({
        sheet,
        leftOut,
        cells,
        checks,
        cost: first.reduce((sum, r) => sum + r.totalCost, 0),
        budget: first.reduce((sum, r) => sum + r.budget, 0),
      });
    } catch (error) {
      setProblem(error instanceof RunCancelled ? undefined : (error as Error).message);
      if (error instanceof RunCancelled) setNotice(error.message);
    } finally {
      setBusy(false);
      setProgress(undefined);
      setCancel(undefined);
    }
  };

  if (openProblem && !tables) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>{openProblem}</MessageBarBody>
      </MessageBar>
    );
  }
  if (!tables) return <Spinner size="tiny" label="Reading the workbook's tables…" />;
  const options = tables ?? [];
  return (
    <Card id="scenario-card">
      <CardHeader header={<Text weight="semibold">Scenario</Text>} description="Link the plan's tables, then run and triangulate" />
      <PlanLinksForm sources={options} links={links} onChange={setLinks} />
      <Button appearance="secondary" disabled={busy} onClick={keepLinks}>
        Save these links
      </Button>
      {view?.links?.problems.map((p) => (
        <MessageBar key={p} intent="warning">
          <MessageBarBody>Stored links that cannot be read: {p}</MessageBarBody>
        </MessageBar>
      ))}
      {loadedNote && (
        <MessageBar intent="info">
          <MessageBarBody>{loadedNote}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.form}>
        <Field label="Scenario name" hint={savedAs ? `Saved as a new version of "${savedAs}"` : "A new scenario"}>
          <Input className={styles.control} value={name} onChange={(_, d) => set({ name: d.value })} />
        </Field>
        <Field label="First plan year" hint={startYear > latestOnCostYear() ? "wfplan holds no pay tables for it: link one" : undefined}>
          <Select className={styles.control} value={startYear} onChange={(_, d) => set({ startYear: d.value })}>
            {START_YEARS.map((year) => (
              <option key={year}>{year}</option>
            ))}
          </Select>
        </Field>
        <Field label="Years">
          <Select className={styles.control} value={years} onChange={(_, d) => set({ years: d.value })}>
            {YEARS.map((n) => (
              <option key={n}>{n}</option>
            ))}
          </Select>
        </Field>
        <Text size={200} className={styles.heading}>
          Yearly figures take one value; one per year separated by &quot;;&quot; (the last repeats; growth, the pay award and productivity
          start at year 2, as year 1 is the baseline); or = and an expression over the workbook&apos;s named cells, year and t, as in a cell
          {inputNames ? ` (named cells: ${inputNames})` : ""}.
        </Text>
        <DriverFields section="plan" form={form} reads={fields} onChange={(key, value) => set({ [key]: value })} />
        <DriverFields section="costs" form={form} reads={fields} onChange={(key, value) => set({ [key]: value })} />
        <LineRows lines={form.lines} reads={read.lines} onChange={(lines) => set({ lines })} />
        <GroupDriverRows groups={form.groups} reads={read.groups} onChange={(groups) => set({ groups })} />
        <Text weight="semibold" className={styles.heading}>
          HEE Star actions
        </Text>
        <DriverFields section="actions" form={form} reads={fields} onChange={(key, value) => set({ [key]: value })} />
        <ShiftRows shifts={form.shifts} shares={read.shiftShares} onChange={(shifts) => set({ shifts })} />
        <RoleRows roles={form.roles} onChange={(roles) => set({ roles })} />
      </div>
      <Button appearance="primary" disabled={busy} onClick={run}>
        {busy ? "Running…" : "Run and triangulate"}
      </Button>
      {busy && progress && (
        <Field
          label={`Step ${progress.index} of ${progress.of}: ${progress.label}`}
          hint={
            progress.label === "Writing the results" || progress.label === "Saving the scenario"
              ? "Writing has begun: the run will finish"
              : undefined
          }
        >
          <ProgressBar value={progress.index} max={progress.of} />
        </Field>
      )}
      {busy && (
        <Button appearance="secondary" disabled={!cancel || cancel.signal.aborted} onClick={() => (cancel?.abort(), setCancel(undefined))}>
          Cancel the run
        </Button>
      )}
      {problem && (
        <MessageBar intent="error">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent="info">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      <Dialog open={edited !== undefined} onOpenChange={(_, data) => !data.open && edited?.answer("cancel")}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>The sheet "{edited?.sheet}" was changed since wfplan wrote it</DialogTitle>
            <DialogContent>
              Keep your copy (renamed "{edited?.sheet} (edited)") and write the new results on a fresh "{edited?.sheet}", or replace it,
              losing the changes on it.
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => edited?.answer("keep")}>
                Keep my copy
              </Button>
              <Button onClick={() => edited?.answer("replace")}>Replace it</Button>
              <Button appearance="subtle" onClick={() => edited?.answer("cancel")}>
                Cancel the run
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      {outcome && <OutcomeView outcome={outcome} />}
    </Card>
  );
}

function OutcomeView({ outcome }: { outcome: Outcome }) {
  const styles = useStyles();
  const failures = outcome.checks.checks.flatMap((c) => c.failures);
  return (
    <>
      <MessageBar intent={outcome.checks.passed ? "success" : "warning"}>
        <MessageBarBody>
          Results are on the sheet "{outcome.sheet}", with charts; the scenario is saved in the workbook. First year: pay cost{" "}
          {formatPounds(outcome.cost)} against a budget of {formatPounds(outcome.budget)}.
        </MessageBarBody>
      </MessageBar>
      {outcome.checks.checks.map((check) => (
        <Text key={check.id} data-testid={`check-${check.id}`}>
          {check.passed ? "✓" : "✗"} {check.title}
          {check.passed ? "" : `: not in ${check.failures.length} place(s)`}
        </Text>
      ))}
      {outcome.leftOut.length > 0 && (
        <>
          <MessageBar intent="warning">
            <MessageBarBody>
              {outcome.leftOut.length} row{outcome.leftOut.length > 1 ? "s were" : " was"} left out of the plan; the rest were read. Select
              one to go to its cell, correct it, and run again.
            </MessageBarBody>
          </MessageBar>
          <ul className={styles.failures} aria-label="Rows left out of the plan">
            {outcome.leftOut.map((row) => (
              <li key={row.place}>
                <Link as="button" onClick={() => void selectCell(row.sheet, row.row, row.column)}>
                  {leftOutText(row)}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
      {failures.length > 0 && (
        <ul className={styles.failures} aria-label="Where the plan does not triangulate">
          {failures.map((f) => {
            // The rows behind the failure: the standards that make the need, the budget it is measured against, or the establishment the budget should fund.
            const group = outcome.cells.get(f.staffGroup);
            const rows =
              f.check === "capacity"
                ? (group?.standards ?? []).map((cell) => ({ cell, what: "staffing standard" }))
                : [
                    ...(f.check === "establishment" ? (group?.establishment ?? []).map((cell) => ({ cell, what: "establishment" })) : []),
                    ...(group?.budget ?? []).map((cell) => ({ cell, what: "budget" })),
                  ];
            return (
              <li key={`${f.check}-${f.year}-${f.staffGroup}`}>
                <Text size={200}>{f.message}</Text>{" "}
                {rows.slice(0, 3).map(({ cell, what }) => (
                  <Link key={cell.place} as="button" onClick={() => void selectCell(cell.sheet, cell.row, cell.column)}>
                    <Text size={200}>
                      Go to the {what} {cell.place}
                    </Text>
                  </Link>
                ))}
                {rows.length > 3 && <Text size={200}> and {rows.length - 3} more</Text>}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

/** Years a plan can start in: each year whose on-costs are held, and the year after the newest (with a pay table of its own). */
const START_YEARS = [
  nextYear(latestOnCostYear()),
  ...referenceData.onCostYears
    .map((y) => y.year)
    .sort()
    .reverse(),
];

const YEARS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
