import { Button, Card, CardHeader, Checkbox, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { boardSummary, compareScenarios, runScenario, scenarioDifferences, starBreakdown } from "../../src/index.ts";
import { writeBoardSummary } from "../adapter/board.ts";
import { writeComparison } from "../adapter/comparison.ts";
import { latestVersions, listSavedScenarios, type SavedScenario } from "../adapter/scenarioStore.ts";

/**
 * Compares the workbook's saved scenarios side by side, for an ICS board: the
 * newest version of each name. A stored row that cannot be used is listed with
 * why, and left out. `version` changes when a scenario is saved.
 */
export function CompareCard({ initial, version }: { initial?: SavedScenario[]; version: number }) {
  const [saved, setSaved] = useState<SavedScenario[]>([]);
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [message, setMessage] = useState<{ intent: "success" | "error"; text: string }>();

  useEffect(() => {
    const offer = (list: SavedScenario[]) => {
      const offered = latestVersions(list);
      setSaved(offered);
      setChosen(new Set(offered.flatMap((s, i) => (s.input ? [i] : []))));
    };
    // The pane's first look read the store already; after a save, read it again.
    if (version === 0) {
      if (initial) offer(initial);
      return;
    }
    listSavedScenarios()
      .then(offer)
      .catch((error: Error) => setMessage({ intent: "error", text: `Could not read the saved scenarios: ${error.message}` }));
  }, [version, initial]);

  if (saved.length === 0) return null;
  const compare = async () => {
    try {
      const results = saved.filter((s, i) => chosen.has(i) && s.input).map((s) => runScenario(s.input));
      const sheet = await writeComparison(compareScenarios(results), scenarioDifferences(results.map((r) => r.scenario)));
      setMessage({ intent: "success", text: `Compared ${results.length} scenarios on the sheet "${sheet}".` });
    } catch (error) {
      setMessage({ intent: "error", text: (error as Error).message });
    }
  };
  const board = async () => {
    try {
      const inputs = saved.filter((s, i) => chosen.has(i) && s.input).map((s) => s.input!);
      const summary = boardSummary(inputs.map(runScenario), inputs.map(starBreakdown));
      const { sheet, keptCopy } = await writeBoardSummary(summary);
      setMessage({
        intent: "success",
        text: `The Board summary of ${inputs.length} scenarios is on the sheet "${sheet}", set to print on one landscape A4 page.${keptCopy ? ` The one you had edited is kept as "${keptCopy}".` : ""}`,
      });
    } catch (error) {
      setMessage({ intent: "error", text: (error as Error).message });
    }
  };
  return (
    <Card>
      <CardHeader header={<Text weight="semibold">Compare scenarios</Text>} description="Scenarios saved in this workbook" />
      {saved.map((s, i) => (
        <Checkbox
          key={`${s.row}`}
          label={
            s.input ? `${s.name} (saved ${s.savedAt.slice(0, 16).replace("T", " ")})` : `${s.name}: kept, cannot be used. ${s.problem}`
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
      ))}
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
