import {
  Body1,
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  Title2,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { lazy, use, useEffect, useState, Suspense } from "react";
import { CardBoundary } from "./components/CardBoundary.tsx";
import { PostCostCard } from "./components/PostCostCard.tsx";
import { SystemCardClosed } from "./components/SystemCardClosed.tsx";

// The scenario cards (and the expression evaluator and schemas they bring) load after the first paint:
// the calculator a planner sees first does not wait for them.
const ScenarioCard = lazy(() => import("./components/ScenarioCard.tsx").then((m) => ({ default: m.ScenarioCard })));
const CompareCard = lazy(() => import("./components/CompareCard.tsx").then((m) => ({ default: m.CompareCard })));
const SystemCard = lazy(() => import("./components/SystemCard.tsx").then((m) => ({ default: m.SystemCard })));
import { EXAMPLE_ROWS } from "./examples.ts";
import { insertExampleSheet, type HostInfo } from "./adapter/workbook.ts";
import { openWorkbook, type WorkbookView } from "./adapter/openWorkbook.ts";
import type { ScenarioInput } from "../src/index.ts";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, padding: tokens.spacingHorizontalL },
  header: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

export function App({ hostInfo }: { hostInfo: Promise<HostInfo> }) {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.page}>
        <header className={styles.header}>
          <Title2 as="h1">Workforce plan</Title2>
          <Body1>NHS pay (Agenda for Change and medical), on-costs and workforce methods for NHS planners.</Body1>
        </header>
        <Suspense fallback={<Spinner size="tiny" label="Connecting to Excel…" />}>
          <HostStatus hostInfo={hostInfo} />
        </Suspense>
        <CardBoundary name="Cost a post">
          <PostCostCard />
        </CardBoundary>
      </main>
    </FluentProvider>
  );
}

function HostStatus({ hostInfo }: { hostInfo: Promise<HostInfo> }) {
  const info = use(hostInfo);
  const [message, setMessage] = useState<{ intent: "success" | "error"; text: string }>();
  const [savedVersion, setSavedVersion] = useState(0);
  // The pane's first look at the workbook: its tables and its saved scenarios, in two syncs.
  const [view, setView] = useState<WorkbookView>();
  const [openProblem, setOpenProblem] = useState<string>();
  // The saved scenario the planner chose to open in the form: a new object each time, so choosing the same one again reloads it.
  const [load, setLoad] = useState<{ input: ScenarioInput }>();
  // The ICS system view, loaded when the planner opens it.
  const [systemOpen, setSystemOpen] = useState(false);
  useEffect(() => {
    if (!info.inExcel) return;
    openWorkbook()
      .then(setView)
      .catch((error: Error) => setOpenProblem(`Could not read the workbook's tables: ${error.message}`));
  }, [info.inExcel]);
  if (!info.inExcel) {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>
          Not running inside Excel: the calculator below works, and workbook actions appear when the pane is opened from Excel or the
          workbench.
        </MessageBarBody>
      </MessageBar>
    );
  }
  const insert = async () => {
    try {
      const name = await insertExampleSheet(EXAMPLE_ROWS);
      setMessage({ intent: "success", text: `Added the sheet "${name}" with an example of each WFP function.` });
    } catch (error) {
      setMessage({ intent: "error", text: `Could not add the examples: ${(error as Error).message}` });
    }
  };
  return (
    <>
      {info.cannot.map((sentence) => (
        <MessageBar key={sentence} intent="warning">
          <MessageBarBody>{sentence}</MessageBarBody>
        </MessageBar>
      ))}
      <Suspense fallback={<Spinner size="tiny" label="Loading the scenario tools…" />}>
        <CardBoundary name="Scenario">
          <ScenarioCard view={view} problem={openProblem} onSaved={() => setSavedVersion((v) => v + 1)} load={load} />
        </CardBoundary>
        <CardBoundary name="Compare scenarios">
          <CompareCard
            initial={view?.saved}
            version={savedVersion}
            onOpen={(s) => {
              if (s.input) setLoad({ input: s.input });
              // The form is above: take the planner to it.
              document.getElementById("scenario-card")?.scrollIntoView({ block: "start" });
            }}
          />
        </CardBoundary>
        <CardBoundary name="ICS system view">
          {systemOpen ? (
            <Suspense fallback={<Spinner size="tiny" label="Loading the ICS system view…" />}>
              <SystemCard />
            </Suspense>
          ) : (
            <SystemCardClosed onOpen={() => setSystemOpen(true)} />
          )}
        </CardBoundary>
      </Suspense>
      <Button appearance="secondary" onClick={insert}>
        Insert example formulas
      </Button>
      {message && (
        <MessageBar intent={message.intent}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
