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
import {
  formatPounds,
  latestOnCostYear,
  nextYear,
  PERCENT_RANGES,
  referenceData,
  readPercent,
  type PercentRange,
  type PercentRead,
  type Triangulation,
} from "../../src/index.ts";
import type { PlanLinks } from "../adapter/linkStore.ts";
import type { WorkbookView } from "../adapter/openWorkbook.ts";
import { RunCancelled, type EditedSheetChoice } from "../adapter/planSession.ts";
import { nameKey, namesInUse } from "../adapter/scenarioStore.ts";
import { selectCell } from "../adapter/selectCell.ts";
import { leftOutText, runPlan, type PlanRun, type PlanStep } from "../useCases/runPlan.ts";
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
}: {
  view?: WorkbookView;
  problem?: string;
  onSaved?: () => void;
}) {
  const styles = useStyles();
  // The workbook as the pane last left it: the first look, then as each run left it.
  const [view, setView] = useState(opened);
  useEffect(() => setView(opened), [opened]);
  const tables = view?.tables;
  // The question asked when the scenario's own sheet was edited since wfplan wrote it, with how to answer it.
  const [edited, setEdited] = useState<{ sheet: string; answer: (choice: EditedSheetChoice) => void }>();
  const [links, setLinks] = useState<PlanLinks>({});
  const [name, setName] = useState("Base case");
  const [startYear, setStartYear] = useState<string>(latestOnCostYear());
  const [years, setYears] = useState("3");
  const [growth, setGrowth] = useState("3");
  const [award, setAward] = useState("3");
  const [headroom, setHeadroom] = useState("22");
  const [bankPremium, setBankPremium] = useState("0");
  const [agencyPremium, setAgencyPremium] = useState("0");
  // HEE Star actions: each field drives one point of the Star.
  const [vacancyFill, setVacancyFill] = useState("0");
  const [productivity, setProductivity] = useState("0");
  const [retention, setRetention] = useState("0");
  const [shift, setShift] = useState({ staffGroup: "", from: "", to: "", share: "10", byYear: "2" });
  const [role, setRole] = useState({ staffGroup: "", grade: "", fte: "", fromYear: "1" });
  const [area, setArea] = useState<"none" | "inner" | "outer" | "fringe">("none");
  const [pensionBasis, setPensionBasis] = useState<"full" | "local">("full");
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

  // Each percentage as typed, read as the model reads it: what was understood, or why it cannot be used.
  const percents = {
    activityGrowth: understand(growth, "Activity growth", PERCENT_RANGES.activityGrowth),
    payAward: understand(award, "Pay award", PERCENT_RANGES.payAward),
    headroom: understand(headroom, "Headroom", PERCENT_RANGES.headroom),
    bankPremium: understand(bankPremium, "Bank premium", PERCENT_RANGES.bankPremium),
    agencyPremium: understand(agencyPremium, "Agency premium", PERCENT_RANGES.agencyPremium),
    vacancyFill: understand(vacancyFill, "Vacancy fill", PERCENT_RANGES.vacancyFill),
    productivityChange: understand(productivity, "Productivity gain", PERCENT_RANGES.productivityChange),
    retention: understand(retention, "Fewer leavers", PERCENT_RANGES.retention),
    shiftShare: understand(shift.share, "Share of posts moved", PERCENT_RANGES.skillShift),
  };
  // Upskilling and new roles apply when a staff group is named; each then needs its other fields.
  const starRows = () => {
    const problems: string[] = [];
    const skillShift = shift.staffGroup.trim()
      ? [
          {
            staffGroup: shift.staffGroup.trim(),
            from: shift.from.trim(),
            to: shift.to.trim(),
            share: percent("shiftShare"),
            byYear: Number(shift.byYear),
          },
        ]
      : [];
    if (skillShift.length && (!shift.from.trim() || !shift.to.trim()))
      problems.push("Upskilling needs the band posts move from and the band they move to");
    const fte = Number(role.fte);
    const newRoles = role.staffGroup.trim()
      ? [{ staffGroup: role.staffGroup.trim(), grade: role.grade.trim(), fte, fromYear: Number(role.fromYear) }]
      : [];
    if (newRoles.length && !role.grade.trim()) problems.push("A new role needs its band or grade");
    if (newRoles.length && !(Number.isFinite(fte) && fte > 0))
      problems.push(`A new role needs its FTE, a number above 0 (not "${role.fte}")`);
    return { skillShift, newRoles, problems };
  };
  const percent = (key: keyof typeof percents) => {
    const read = percents[key];
    if ("problem" in read) throw new Error(read.problem);
    return read.fraction;
  };

  const run = async () => {
    setBusy(true);
    setProblem(undefined);
    setNotice(undefined);
    const controller = new AbortController();
    setCancel(controller);
    setOutcome(undefined);
    try {
      // Every percentage that cannot be used, at once.
      const problems = Object.values(percents).flatMap((read) => ("problem" in read ? [read.problem] : []));
      if (problems.length) throw new Error(problems.join(". "));
      const star = starRows();
      if (star.problems.length) throw new Error(star.problems.join(". "));
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
        {
          name: savedAs ?? (name.trim() || "Scenario"),
          startYear,
          horizonYears: Number(years),
          activityGrowth: percent("activityGrowth"),
          payAward: percent("payAward"),
          headroom: percent("headroom"),
          bankPremium: percent("bankPremium"),
          agencyPremium: percent("agencyPremium"),
          vacancyFill: percent("vacancyFill"),
          productivityChange: percent("productivityChange"),
          retention: percent("retention"),
          skillShift: star.skillShift,
          newRoles: star.newRoles,
          pensionBasis,
          area,
        },
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
    <Card>
      <CardHeader header={<Text weight="semibold">Scenario</Text>} description="Link the plan's tables, then run and triangulate" />
      <PlanLinksForm sources={options} links={links} onChange={setLinks} />
      {view?.links?.problems.map((p) => (
        <MessageBar key={p} intent="warning">
          <MessageBarBody>Stored links that cannot be read: {p}</MessageBarBody>
        </MessageBar>
      ))}
      <div className={styles.form}>
        <Field label="Scenario name" hint={savedAs ? `Saved as a new version of "${savedAs}"` : "A new scenario"}>
          <Input className={styles.control} value={name} onChange={(_, d) => setName(d.value)} />
        </Field>
        <Field label="First plan year" hint={startYear > latestOnCostYear() ? "wfplan holds no pay tables for it: link one" : undefined}>
          <Select className={styles.control} value={startYear} onChange={(_, d) => setStartYear(d.value)}>
            {START_YEARS.map((year) => (
              <option key={year}>{year}</option>
            ))}
          </Select>
        </Field>
        <Field label="Years">
          <Select className={styles.control} value={years} onChange={(_, d) => setYears(d.value)}>
            {[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => (
              <option key={n}>{n}</option>
            ))}
          </Select>
        </Field>
        <Field label="Activity growth, % a year" {...feedback(percents.activityGrowth)}>
          <Input className={styles.control} value={growth} onChange={(_, d) => setGrowth(d.value)} inputMode="decimal" />
        </Field>
        <Field label="Pay award, % a year" {...feedback(percents.payAward)}>
          <Input className={styles.control} value={award} onChange={(_, d) => setAward(d.value)} inputMode="decimal" />
        </Field>
        <Field label="Headroom, %" {...feedback(percents.headroom)}>
          <Input className={styles.control} value={headroom} onChange={(_, d) => setHeadroom(d.value)} inputMode="decimal" />
        </Field>
        <Field label="Pension in costs">
          <Select className={styles.control} value={pensionBasis} onChange={(_, d) => setPensionBasis(d.value as "full" | "local")}>
            <option value="full">Full, 23.78%</option>
            <option value="local">Paid locally, 14.38%</option>
          </Select>
        </Field>
        <Field label="High cost area" hint="for staff rows that give none">
          <Select className={styles.control} value={area} onChange={(_, d) => setArea(d.value as typeof area)}>
            <option value="none">None</option>
            <option value="inner">Inner London</option>
            <option value="outer">Outer London</option>
            <option value="fringe">Fringe</option>
          </Select>
        </Field>
        <Field label="Bank premium, %" hint="over substantive cost" {...feedback(percents.bankPremium)}>
          <Input className={styles.control} value={bankPremium} onChange={(_, d) => setBankPremium(d.value)} inputMode="decimal" />
        </Field>
        <Field label="Agency premium, %" hint="over substantive cost" {...feedback(percents.agencyPremium)}>
          <Input className={styles.control} value={agencyPremium} onChange={(_, d) => setAgencyPremium(d.value)} inputMode="decimal" />
        </Field>
        <Text weight="semibold" className={styles.heading}>
          HEE Star actions
        </Text>
        <Field label="Supply: vacancies filled, % a year" {...feedback(percents.vacancyFill)}>
          <Input className={styles.control} value={vacancyFill} onChange={(_, d) => setVacancyFill(d.value)} inputMode="decimal" />
        </Field>
        <Field
          label="New ways of working: productivity, % a year"
          hint="fewer minutes a unit, from year 2"
          {...feedback(percents.productivityChange)}
        >
          <Input className={styles.control} value={productivity} onChange={(_, d) => setProductivity(d.value)} inputMode="decimal" />
        </Field>
        <Field label="Leadership: fewer leavers, %" hint="as retention improves" {...feedback(percents.retention)}>
          <Input className={styles.control} value={retention} onChange={(_, d) => setRetention(d.value)} inputMode="decimal" />
        </Field>
        <Field label="Upskilling: staff group" hint="posts moved from one band to another; blank for none">
          <Input className={styles.control} value={shift.staffGroup} onChange={(_, d) => setShift({ ...shift, staffGroup: d.value })} />
        </Field>
        <Field label="Upskilling: share of posts moved, %" {...feedback(percents.shiftShare)}>
          <Input
            className={styles.control}
            value={shift.share}
            onChange={(_, d) => setShift({ ...shift, share: d.value })}
            inputMode="decimal"
          />
        </Field>
        <Field label="Upskilling: from band">
          <Input className={styles.control} value={shift.from} onChange={(_, d) => setShift({ ...shift, from: d.value })} />
        </Field>
        <Field label="Upskilling: to band">
          <Input className={styles.control} value={shift.to} onChange={(_, d) => setShift({ ...shift, to: d.value })} />
        </Field>
        <Field label="Upskilling: reached by plan year">
          <Select className={styles.control} value={shift.byYear} onChange={(_, d) => setShift({ ...shift, byYear: d.value })}>
            {[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => (
              <option key={n}>{n}</option>
            ))}
          </Select>
        </Field>
        <Field label="New roles: staff group" hint="posts of a new role added; blank for none">
          <Input className={styles.control} value={role.staffGroup} onChange={(_, d) => setRole({ ...role, staffGroup: d.value })} />
        </Field>
        <Field label="New roles: band or grade">
          <Input className={styles.control} value={role.grade} onChange={(_, d) => setRole({ ...role, grade: d.value })} />
        </Field>
        <Field label="New roles: FTE">
          <Input className={styles.control} value={role.fte} onChange={(_, d) => setRole({ ...role, fte: d.value })} inputMode="decimal" />
        </Field>
        <Field label="New roles: from plan year">
          <Select className={styles.control} value={role.fromYear} onChange={(_, d) => setRole({ ...role, fromYear: d.value })}>
            {[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => (
              <option key={n}>{n}</option>
            ))}
          </Select>
        </Field>
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
            // The rows behind the failure: the standards that make the need, or the budget it is measured against.
            const group = outcome.cells.get(f.staffGroup);
            const rows = (f.check === "capacity" ? group?.standards : group?.budget) ?? [];
            const what = f.check === "capacity" ? "staffing standard" : "budget";
            return (
              <li key={`${f.check}-${f.year}-${f.staffGroup}`}>
                <Text size={200}>{f.message}</Text>{" "}
                {rows.slice(0, 3).map((cell) => (
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

type Understood = PercentRead | { problem: string };

function understand(text: string, label: string, range: PercentRange): Understood {
  try {
    return readPercent(text, label, range);
  } catch (error) {
    return { problem: (error as Error).message };
  }
}

/** What a percentage field says under it: what was understood, or why it cannot be used. */
function feedback(read: Understood) {
  return "problem" in read
    ? { validationState: "error" as const, validationMessage: read.problem }
    : { validationState: "none" as const, validationMessage: `Read as ${read.understood}` };
}
