import { Link, MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import { formatPounds, type Triangulation } from "../../src/index.ts";
import { selectCell } from "../adapter/selectCell.ts";
import { leftOutText, type PlanRun } from "../useCases/runPlan.ts";

/*
 * What a run gave, under the Run button: where the results are, the first
 * year's cost against budget, each check with where it fails and the rows
 * behind each failure, and the rows left out of the plan, each a link to its
 * cell.
 */

const useStyles = makeStyles({
  failures: { margin: 0, paddingLeft: tokens.spacingHorizontalL, maxHeight: "14rem", overflowY: "auto" },
});

export interface Outcome {
  sheet: string;
  monthsSheet: string;
  /** The plan against its actuals, in words: the latest month and the forecast outturn; empty without actuals. */
  againstActual: string[];
  leftOut: PlanRun["leftOut"];
  cells: PlanRun["cells"];
  checks: Triangulation;
  cost: number;
  budget: number;
}

export function RunOutcome({ outcome }: { outcome: Outcome }) {
  const styles = useStyles();
  const failures = outcome.checks.checks.flatMap((c) => c.failures);
  return (
    <>
      <MessageBar intent={outcome.checks.passed ? "success" : "warning"}>
        <MessageBarBody>
          Results are on the sheet "{outcome.sheet}", with charts, and the months on "{outcome.monthsSheet}"; the scenario is saved in the
          workbook. First year: pay cost {formatPounds(outcome.cost)} against a budget of {formatPounds(outcome.budget)}.
        </MessageBarBody>
      </MessageBar>
      {outcome.againstActual.map((line) => (
        <Text key={line} data-testid="against-actual">
          {line}
        </Text>
      ))}
      {outcome.checks.checks.map((check) => (
        <Text key={check.id} data-testid={`check-${check.id}`}>
          {check.notChecked ? "–" : check.passed ? "✓" : "✗"} {check.title}
          {check.notChecked ? `: not checked, as ${check.notChecked}` : check.passed ? "" : `: not in ${check.failures.length} place(s)`}
          {(check.notes ?? []).map((note) => ` (${note})`).join("")}
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
                : f.check === "temporaryStaffing"
                  ? (group?.temporary ?? []).map((cell) => ({ cell, what: "bank and agency row" }))
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
