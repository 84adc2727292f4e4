import {
  Button,
  Card,
  CardHeader,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
} from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import {
  boardSummary,
  compareScenarios,
  loadDriverExpressions,
  runScenario,
  scenarioDifferences,
  shortFingerprint,
  starBreakdown,
  statusText,
  versionStatus,
  type ReviewStatus,
} from "../../src/index.ts";
import { writeBoardSummary } from "../adapter/board.ts";
import { writeComparison } from "../adapter/comparison.ts";
import {
  deleteScenario,
  duplicateScenario,
  latestVersions,
  listSavedScenarios,
  renameScenario,
  reviewScenario,
  type SavedScenario,
} from "../adapter/scenarioStore.ts";

const useStyles = makeStyles({ row: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: "4px" } });

/** A change to one saved scenario that the planner has asked for and is confirming. */
type Managing =
  | { kind: "duplicate" | "rename" | "delete"; scenario: SavedScenario; name: string; problem?: string }
  | { kind: "review"; scenario: SavedScenario; status: ReviewStatus; by: string; comment: string; problem?: string };

/** The changes of status the menu offers, as it words them. */
const REVIEW_ACTIONS: [ReviewStatus, string][] = [
  ["For review", "Put for review…"],
  ["Approved", "Approve…"],
  ["Returned", "Return…"],
  ["Draft", "Back to draft…"],
];

/**
 * Compares the workbook's saved scenarios side by side, for an ICS board: the
 * newest version of each name. A stored row that cannot be used is listed with
 * why, and left out. `version` changes when a scenario is saved.
 */
export function CompareCard({
  initial,
  version,
  onOpen,
}: {
  initial?: SavedScenario[];
  version: number;
  /** Puts a saved scenario in the Scenario card's form. */
  onOpen?: (scenario: SavedScenario) => void;
}) {
  const [saved, setSaved] = useState<SavedScenario[]>([]);
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [message, setMessage] = useState<{ intent: "success" | "error"; text: string }>();
  const [all, setAll] = useState<SavedScenario[]>([]);
  const [managing, setManaging] = useState<Managing>();
  // What the dialog shows while it closes, when `managing` is already gone: the last change asked for, not "undefined".
  const lastManaging = useRef<Managing>(undefined);
  if (managing) lastManaging.current = managing;
  const shown = managing ?? lastManaging.current;
  const [changed, setChanged] = useState(0);
  const styles = useStyles();

  useEffect(() => {
    const offer = (list: SavedScenario[]) => {
      setAll(list);
      const offered = latestVersions(list);
      setSaved(offered);
      setChosen(new Set(offered.flatMap((s, i) => (s.input ? [i] : []))));
    };
    // The pane's first look read the store already; after a save, read it again.
    if (version === 0 && changed === 0) {
      if (initial) offer(initial);
      return;
    }
    listSavedScenarios()
      .then(offer)
      .catch((error: Error) => setMessage({ intent: "error", text: `Could not read the saved scenarios: ${error.message}` }));
  }, [version, initial, changed]);

  // Who reviews: typed once, then offered again (the newest review row's, when the workbook has one).
  const reviewer = all.filter((row) => row.review).at(-1)?.review?.by ?? "";
  // Duplicate, rename, delete or review: each a new row on the store, never writing over one; names stay unique.
  const manage = async () => {
    if (!managing) return;
    const { kind, scenario } = managing;
    try {
      let text: string;
      if (managing.kind === "review") {
        await reviewScenario(scenario, { status: managing.status, by: managing.by.trim(), comment: managing.comment.trim() });
        text = `"${scenario.name}" (version ${shortFingerprint(scenario.fingerprint!)}) is ${managing.status}, recorded on the store as a row of its own.`;
        setManaging(undefined);
        setMessage({ intent: "success", text });
        setChanged((n) => n + 1);
        return;
      }
      const { name } = managing;
      if (kind === "duplicate") text = `Saved a copy of "${scenario.name}" as "${await duplicateScenario(scenario, name, all)}".`;
      else if (kind === "rename") text = `Renamed "${scenario.name}" to "${await renameScenario(scenario, name, all)}".`;
      else {
        await deleteScenario(scenario);
        text = `Deleted "${scenario.name}" from the list; its earlier versions are kept on the store sheet.`;
      }
      setManaging(undefined);
      setMessage({ intent: "success", text });
      setChanged((n) => n + 1);
    } catch (error) {
      setManaging({ ...managing, problem: (error as Error).message });
    }
  };

  if (saved.length === 0) return null;
  const compare = async () => {
    try {
      await loadDriverExpressions();
      const results = saved.filter((s, i) => chosen.has(i) && s.input).map((s) => runScenario(s.input));
      const sheet = await writeComparison(compareScenarios(results), scenarioDifferences(results.map((r) => r.scenario)));
      setMessage({ intent: "success", text: `Compared ${results.length} scenarios on the sheet "${sheet}".` });
    } catch (error) {
      setMessage({ intent: "error", text: (error as Error).message });
    }
  };
  const board = async () => {
    try {
      await loadDriverExpressions();
      const inputs = saved.filter((s, i) => chosen.has(i) && s.input).map((s) => s.input!);
      const summary = boardSummary(inputs.map(runScenario), inputs.map(starBreakdown));
      const { sheet, keptCopy, pageNotSetUp } = await writeBoardSummary(summary);
      const page = pageNotSetUp ? ` This Excel cannot ${pageNotSetUp}.` : ", set to print on one landscape A4 page.";
      setMessage({
        intent: "success",
        text: `The Board summary of ${inputs.length} scenarios is on the sheet "${sheet}"${pageNotSetUp ? "." : ""}${page}${keptCopy ? ` The one you had edited is kept as "${keptCopy}".` : ""}`,
      });
    } catch (error) {
      setMessage({ intent: "error", text: (error as Error).message });
    }
  };
  return (
    <Card>
      <CardHeader header={<Text weight="semibold">Compare scenarios</Text>} description="Scenarios saved in this workbook" />
      {saved.map((s, i) => (
        <div key={`${s.row}`} className={styles.row}>
          <Checkbox
            label={
              s.input
                ? `${s.name} (saved ${s.savedAt.slice(0, 16).replace("T", " ")}; version ${shortFingerprint(s.fingerprint ?? "")}; ${statusText(all, s.fingerprint)})`
                : `${s.name}: kept, cannot be used. ${s.problem}`
            }
            disabled={!s.input}
            checked={chosen.has(i)}
            onChange={(_, data) => {
              const next = new Set(chosen);
              if (data.checked) next.add(i);
              else next.delete(i);
              setChosen(next);
            }}
          />
          {s.input && (
            <Menu>
              <MenuTrigger disableButtonEnhancement>
                <Button appearance="subtle" size="small" aria-label={`Manage ${s.name}`}>
                  …
                </Button>
              </MenuTrigger>
              <MenuPopover>
                <MenuList>
                  {onOpen && <MenuItem onClick={() => onOpen(s)}>Open in the form</MenuItem>}
                  <MenuItem onClick={() => setManaging({ kind: "duplicate", scenario: s, name: `${s.name} (copy)` })}>Duplicate…</MenuItem>
                  <MenuItem onClick={() => setManaging({ kind: "rename", scenario: s, name: s.name })}>Rename…</MenuItem>
                  <MenuItem onClick={() => setManaging({ kind: "delete", scenario: s, name: s.name })}>Delete…</MenuItem>
                  {REVIEW_ACTIONS.filter(([status]) => status !== versionStatus(all, s.fingerprint).status).map(([status, label]) => (
                    <MenuItem key={status} onClick={() => setManaging({ kind: "review", scenario: s, status, by: reviewer, comment: "" })}>
                      {label}
                    </MenuItem>
                  ))}
                </MenuList>
              </MenuPopover>
            </Menu>
          )}
        </div>
      ))}
      <Dialog open={managing !== undefined} onOpenChange={(_, data) => !data.open && setManaging(undefined)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>
              {shown?.kind === "review"
                ? `${shown.status}: "${shown.scenario.name}"`
                : `${shown?.kind === "duplicate" ? "Duplicate" : shown?.kind === "rename" ? "Rename" : "Delete"} "${shown?.scenario.name}"`}
            </DialogTitle>
            <DialogContent>
              {shown?.kind === "review" ? (
                <>
                  <Text>
                    Version {shortFingerprint(shown.scenario.fingerprint ?? "")}, saved{" "}
                    {shown.scenario.savedAt.slice(0, 16).replace("T", " ")}. The change is a row of its own on the store, with your name and
                    the time: nothing is written over.
                  </Text>
                  <Field
                    label="Your name and role"
                    hint="Office does not tell add-ins who you are: type it as the board should read it"
                    validationState={shown.problem ? "error" : "none"}
                    validationMessage={shown.problem}
                  >
                    <Input value={shown.by} onChange={(_, d) => setManaging({ ...shown, by: d.value, problem: undefined })} />
                  </Field>
                  <Field label={shown.status === "Returned" ? "Why it is returned" : "Comment"} required={shown.status === "Returned"}>
                    <Input value={shown.comment} onChange={(_, d) => setManaging({ ...shown, comment: d.value, problem: undefined })} />
                  </Field>
                </>
              ) : shown?.kind === "delete" ? (
                <Text>
                  It leaves the list; every saved version stays on the store sheet, and running a scenario of that name again brings it
                  back.
                </Text>
              ) : (
                <Field label="New name" validationState={shown?.problem ? "error" : "none"} validationMessage={shown?.problem}>
                  <Input
                    value={shown?.name ?? ""}
                    onChange={(_, d) => shown && setManaging({ ...shown, name: d.value, problem: undefined })}
                  />
                </Field>
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => void manage()}>
                {shown?.kind === "review"
                  ? REVIEW_ACTIONS.find(([status]) => status === shown.status)![1].replace("…", "")
                  : shown?.kind === "duplicate"
                    ? "Duplicate"
                    : shown?.kind === "rename"
                      ? "Rename"
                      : "Delete"}
              </Button>
              <Button onClick={() => setManaging(undefined)}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      <Button appearance="primary" disabled={chosen.size < 1} onClick={compare}>
        Compare side by side
      </Button>
      <Button disabled={chosen.size < 2 || chosen.size > 5} onClick={board}>
        Board summary (2 to 5 scenarios)
      </Button>
      {message && (
        <MessageBar intent={message.intent}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
    </Card>
  );
}
