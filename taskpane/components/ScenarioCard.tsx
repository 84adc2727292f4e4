import {
  Button,
  Card,
  CardHeader,
  Field,
  Input,
  MessageBar,
  ProgressBar,
  MessageBarBody,
  Select,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useReducer, useState } from "react";
import {
  expectationText,
  driverExpressionsLoaded,
  latestOnCostYear,
  loadDriverExpressions,
  nextYear,
  referenceData,
  type ScenarioInput,
} from "../../src/index.ts";
import { saveLinks, type PlanLinks } from "../adapter/linkStore.ts";
import type { WorkbookView } from "../adapter/openWorkbook.ts";
import { nameKey, namesInUse } from "../adapter/scenarioStore.ts";
import { DEFAULT_FORM, formFromScenario, formHasExpression, readForm, type ScenarioForm } from "../useCases/scenarioForm.ts";
import { DriverFields } from "./DriverFields.tsx";
import { EditedSheetDialog } from "./EditedSheetDialog.tsx";
import { RunOutcome } from "./RunOutcome.tsx";
import { useScenarioRun } from "./useScenarioRun.ts";
import { GroupDriverRows, LineRows } from "./DriverRows.tsx";
import { RoleRows, ShiftRows } from "./StarRows.tsx";
import { initialLinks } from "../useCases/planLinks.ts";
import { PlanLinksForm } from "./PlanLinks.tsx";

const useStyles = makeStyles({
  form: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", gap: tokens.spacingHorizontalM },
  control: { minWidth: 0, width: "100%" },
  heading: { gridColumn: "1 / -1", marginTop: tokens.spacingVerticalS },
});

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
  const { busy, progress, cancel, outcome, problem, notice, edited, run, stop, say } = useScenarioRun();
  useEffect(() => {
    if (opened) setLinks(initialLinks(opened.tables, opened.links?.links));
  }, [opened]);

  // A name already saved (case and spaces aside) is a new version of that scenario, under its saved spelling: never two under one name.
  const savedAs = namesInUse(opened?.saved ?? []).find((n) => nameKey(n) === nameKey(name));
  // Every field as typed, read as the model reads it: what was understood, or why it cannot be used.
  // The expression reader loads on the first "=" typed; until it has, such a field says it is being read, then reads again.
  const [, expressionsArrived] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (!driverExpressionsLoaded() && formHasExpression(form)) void loadDriverExpressions().then(expressionsArrived);
  }, [form]);
  const read = readForm(form, { inputs: view?.inputs, savedAs });
  const fields = read.fields;
  const inputNames = Object.keys(view?.inputs ?? {})
    .slice(0, 8)
    .join(", ");

  // Links are stored with each run; the planner may also store them on their own, to come back to.
  const keepLinks = async () => {
    say({});
    try {
      const { stored, changed } = await saveLinks(links);
      if (view) setView({ ...view, links: stored });
      say({ notice: changed ? "The links are saved in the workbook." : "The links were already saved as they are." });
    } catch (error) {
      say({ problem: `Could not save the links: ${(error as Error).message}` });
    }
  };
  const runNow = () =>
    run(read, links, view, (after, stored) => {
      setView(after);
      if (stored) onSaved?.();
    });

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
      {view?.namesPassedOver.length ? (
        <MessageBar intent="info">
          <MessageBarBody>Named ranges not offered: {view.namesPassedOver.join("; ")}.</MessageBarBody>
        </MessageBar>
      ) : null}
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
        <Text weight="semibold" className={styles.heading}>
          Months
        </Text>
        <Text size={200} className={styles.heading}>
          When each flow falls, April to March: even; the months it arrives in (Sep, Oct); months with shares (Sep 60%, Oct 40%); or twelve
          weights, April first, separated by &quot;;&quot;.
        </Text>
        <DriverFields section="months" form={form} reads={fields} onChange={(key, value) => set({ [key]: value })} />
        <Text weight="semibold" className={styles.heading}>
          Temporary staffing rules
        </Text>
        <Text size={200} className={styles.heading}>
          {expectationText(form.startYear)}
        </Text>
        <DriverFields section="rules" form={form} reads={fields} onChange={(key, value) => set({ [key]: value })} />
      </div>
      <Button appearance="primary" disabled={busy} onClick={runNow}>
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
        <Button appearance="secondary" disabled={!cancel || cancel.signal.aborted} onClick={stop}>
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
      <EditedSheetDialog edited={edited} />
      {outcome && <RunOutcome outcome={outcome} />}
    </Card>
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
