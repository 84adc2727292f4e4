import { Field, Input, Select, makeStyles } from "@fluentui/react-components";
import { SCALAR_DRIVERS, type DriverSection, type ScalarDriverKey } from "../../src/index.ts";
import type { FormRead, ScenarioForm } from "../useCases/scenarioForm.ts";
import { feedback } from "./feedback.ts";

/*
 * The scenario-wide drivers of one section of the Scenario card, drawn from
 * the drivers table: each with its label and hint, typed as the table says
 * (a percentage, once or by year, or one of its choices), and read back under
 * the field. A driver added to the table appears here with nothing else to do.
 */

const useStyles = makeStyles({ control: { minWidth: 0, width: "100%" } });

export function DriverFields({
  section,
  form,
  reads,
  onChange,
}: {
  section: DriverSection;
  form: ScenarioForm;
  reads: FormRead["fields"];
  onChange: (key: ScalarDriverKey, value: string) => void;
}) {
  const styles = useStyles();
  return (
    <>
      {SCALAR_DRIVERS.filter((d) => d.section === section).map((d) =>
        d.typed === "choice" ? (
          <Field key={d.key} label={d.label} hint={"hint" in d ? d.hint : undefined}>
            <Select className={styles.control} value={form[d.key]} onChange={(_, data) => onChange(d.key, data.value)}>
              {d.choices.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </Select>
          </Field>
        ) : (
          <Field key={d.key} label={d.label} hint={"hint" in d ? d.hint : undefined} {...feedback(reads[d.key])}>
            <Input
              className={styles.control}
              value={form[d.key]}
              onChange={(_, data) => onChange(d.key, data.value)}
              inputMode={d.typed === "profile" || d.typed === "month" || d.typed === "pounds" ? "text" : "decimal"}
            />
          </Field>
        ),
      )}
    </>
  );
}
