import { Button, Field, Input, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { GROUP_DRIVERS } from "../../src/index.ts";
import type { FieldRead, FormRead, ScenarioForm } from "../useCases/scenarioForm.ts";
import { feedback } from "./feedback.ts";

/*
 * Drivers by service line and by staff group: rows the planner adds, each a
 * name and a value (a percentage or FTE a year, one per year, or an
 * expression), each read back under its field like the rest of the form.
 */

const useStyles = makeStyles({
  rows: { gridColumn: "1 / -1", display: "grid", gap: tokens.spacingVerticalS },
  row: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr) auto",
    gap: tokens.spacingHorizontalS,
    alignItems: "end",
  },
  control: { minWidth: 0, width: "100%" },
  pair: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", gap: tokens.spacingHorizontalM },
  whole: { gridColumn: "1 / -1" },
});

export function LineRows({
  lines,
  reads,
  onChange,
}: {
  lines: ScenarioForm["lines"];
  reads: FormRead["lines"];
  onChange: (lines: ScenarioForm["lines"]) => void;
}) {
  const styles = useStyles();
  const change = (i: number, patch: Partial<ScenarioForm["lines"][number]>) =>
    onChange(lines.map((line, j) => (j === i ? { ...line, ...patch } : line)));
  return (
    <div className={styles.rows} role="group" aria-label="By service line">
      <Text weight="semibold">By service line</Text>
      {lines.map((line, i) => (
        <div key={i} className={styles.pair}>
          <div className={`${styles.row} ${styles.whole}`}>
            <Field label={`Service line ${i + 1}`}>
              <Input className={styles.control} value={line.serviceLine} onChange={(_, d) => change(i, { serviceLine: d.value })} />
            </Field>
            <span />
            <Button
              appearance="subtle"
              aria-label={`Remove service line ${i + 1}`}
              onClick={() => onChange(lines.filter((_, j) => j !== i))}
            >
              Remove
            </Button>
          </div>
          <Field
            label={`Growth of service line ${i + 1}, % a year`}
            hint="blank: the scenario's"
            {...(reads[i]?.growth ? feedback(reads[i].growth) : {})}
          >
            <Input className={styles.control} value={line.growth} onChange={(_, d) => change(i, { growth: d.value })} />
          </Field>
          <Field
            label={`Productivity of service line ${i + 1}, % a year`}
            hint="fewer minutes a unit; blank: the scenario's"
            {...(reads[i]?.productivity ? feedback(reads[i].productivity) : {})}
          >
            <Input className={styles.control} value={line.productivity} onChange={(_, d) => change(i, { productivity: d.value })} />
          </Field>
        </div>
      ))}
      <Button appearance="secondary" onClick={() => onChange([...lines, { serviceLine: "", growth: "3", productivity: "" }])}>
        Add a service line&apos;s growth or productivity
      </Button>
    </div>
  );
}

export function GroupDriverRows({
  groups,
  reads,
  onChange,
}: {
  groups: ScenarioForm["groups"];
  reads: FieldRead[];
  onChange: (groups: ScenarioForm["groups"]) => void;
}) {
  const styles = useStyles();
  const change = (i: number, patch: Partial<ScenarioForm["groups"][number]>) =>
    onChange(groups.map((g, j) => (j === i ? { ...g, ...patch } : g)));
  return (
    <div className={styles.rows} role="group" aria-label="Drivers by staff group">
      <Text weight="semibold">By staff group</Text>
      {groups.map((g, i) => (
        <div key={i}>
          <div className={styles.row}>
            <Field label={`Staff group ${i + 1}`}>
              <Input className={styles.control} value={g.staffGroup} onChange={(_, d) => change(i, { staffGroup: d.value })} />
            </Field>
            <Field label={`Driver ${i + 1}`}>
              <Select
                className={styles.control}
                value={g.driver}
                onChange={(_, d) => change(i, { driver: d.value as ScenarioForm["groups"][number]["driver"] })}
              >
                {GROUP_DRIVERS.map((f) => (
                  <option key={f.key} value={f.key}>
                    {f.label}
                  </option>
                ))}
              </Select>
            </Field>
            <Button
              appearance="subtle"
              aria-label={`Remove staff group driver ${i + 1}`}
              onClick={() => onChange(groups.filter((_, j) => j !== i))}
            >
              Remove
            </Button>
          </div>
          <Field label={`Value of driver ${i + 1}`} {...(reads[i] ? feedback(reads[i]) : {})}>
            {choicesOf(g.driver) ? (
              <Select className={styles.control} value={g.value} onChange={(_, d) => change(i, { value: d.value })}>
                {[{ value: "", label: "Choose…" }, ...choicesOf(g.driver)!].map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </Select>
            ) : (
              <Input className={styles.control} value={g.value} onChange={(_, d) => change(i, { value: d.value })} />
            )}
          </Field>
        </div>
      ))}
      <Button appearance="secondary" onClick={() => onChange([...groups, { staffGroup: "", driver: "leaverRate", value: "10" }])}>
        Add a driver for a staff group
      </Button>
    </div>
  );
}

/** A staff group's driver that is one of a few choices (its NHS staff group): its choices, else undefined. */
function choicesOf(driver: ScenarioForm["groups"][number]["driver"]): readonly { value: string; label: string }[] | undefined {
  const entry = GROUP_DRIVERS.find((f) => f.key === driver);
  return entry && "choices" in entry ? entry.choices : undefined;
}
