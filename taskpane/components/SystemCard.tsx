import {
  Button,
  Card,
  CardHeader,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { formatPounds } from "../../src/index.ts";
import type { TrustWorkbook } from "../../files/trustWorkbook.ts";
import { readBankForm, readTrustFiles, writeSystemView, type BankForm, type Skipped } from "../useCases/systemView.ts";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  control: { maxWidth: "12rem" },
});

/**
 * The ICS system view: the planner picks other trusts' saved workbooks (read
 * here, in the pane, from the files alone; nothing is uploaded), chooses a
 * scenario for each, sets a collaborative bank, and gets the ICS summary
 * sheet in this workbook.
 */
export function SystemCard() {
  const styles = useStyles();
  const [trusts, setTrusts] = useState<TrustWorkbook[]>([]);
  const [chosen, setChosen] = useState<string[]>([]);
  const [skipped, setSkipped] = useState<Skipped[]>([]);
  const [bank, setBank] = useState<BankForm>({ share: "0", fee: "0", caps: {} });
  const [message, setMessage] = useState<{ intent: "success" | "error"; text: string }>();
  const [busy, setBusy] = useState(false);
  const read = readBankForm(bank);
  const groups = [...new Set(trusts.flatMap((t) => t.scenarios.flatMap((s) => s.input.staffGroups.map((g) => g.name))))];

  const pick = async (files: FileList | null) => {
    if (!files?.length) return;
    setMessage(undefined);
    setBusy(true);
    try {
      const picked = await Promise.all([...files].map(async (file) => ({ name: file.name, bytes: await file.arrayBuffer() })));
      const { read: workbooks, skipped: cannot } = await readTrustFiles(picked);
      setTrusts(workbooks);
      setChosen(workbooks.map((w) => w.scenarios.at(-1)!.name));
      setSkipped(cannot);
    } catch (error) {
      setMessage({ intent: "error", text: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };
  const write = async () => {
    if (!read.settings) return;
    setBusy(true);
    try {
      const view = await writeSystemView(
        trusts.map((workbook, i) => ({ workbook, scenario: chosen[i]! })),
        read.settings,
      );
      const saving = view.summary.bank.totals.at(-1)!.saving;
      setMessage({
        intent: "success",
        text:
          `The ICS summary of ${view.summary.system.trusts.length} trusts is on the sheet "${view.sheet}"` +
          (view.pageNotSetUp ? `. This Excel cannot ${view.pageNotSetUp}.` : ", its first page set to print on one landscape A4 page.") +
          (read.settings.share > 0 ? ` The collaborative bank saves the system ${formatPounds(saving)} over the plan.` : "") +
          (view.keptCopy ? ` The one you had edited is kept as "${view.keptCopy}".` : "") +
          view.skipped.map((s) => ` Left out ${s.file}: ${s.reason}.`).join(""),
      });
    } catch (error) {
      setMessage({ intent: "error", text: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card>
      <CardHeader
        header={<Text weight="semibold">ICS system view</Text>}
        description="Other trusts' saved workbooks, added up: read here, never sent anywhere"
      />
      <div className={styles.stack}>
        <Field label="Trusts' workbooks (.xlsx)" hint="Each saved after wfplan ran a scenario in it">
          <input
            aria-label="Trusts' workbooks (.xlsx)"
            type="file"
            multiple
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            disabled={busy}
            onChange={(event) => void pick(event.target.files)}
          />
        </Field>
        {skipped.length > 0 && (
          <MessageBar intent="warning">
            <MessageBarBody>Left out: {skipped.map((s) => `${s.file}: ${s.reason}.`).join(" ")}</MessageBarBody>
          </MessageBar>
        )}
        {trusts.map((trust, i) => (
          <Field key={trust.file} label={`Scenario for ${trust.trust}`}>
            <Select value={chosen[i]} onChange={(_, d) => setChosen(chosen.map((name, j) => (j === i ? d.value : name)))}>
              {trust.scenarios.map((s) => (
                <option key={s.name} value={s.name}>
                  {s.name}
                </option>
              ))}
            </Select>
          </Field>
        ))}
        {trusts.length > 0 && (
          <>
            <Field label="Collaborative bank: agency cover it fills, %" hint="in every trust, at each trust's bank rate instead of agency">
              <Input
                className={styles.control}
                value={bank.share}
                onChange={(_, d) => setBank({ ...bank, share: d.value })}
                inputMode="decimal"
              />
            </Field>
            <Field label="Collaborative bank: management fee, %" hint="on the bank's pay bill">
              <Input
                className={styles.control}
                value={bank.fee}
                onChange={(_, d) => setBank({ ...bank, fee: d.value })}
                inputMode="decimal"
              />
            </Field>
            {groups.map((group) => (
              <Field key={group} label={`Most bank FTE of ${group}`} hint="blank: no cap">
                <Input
                  className={styles.control}
                  value={bank.caps[group] ?? ""}
                  onChange={(_, d) => setBank({ ...bank, caps: { ...bank.caps, [group]: d.value } })}
                  inputMode="decimal"
                />
              </Field>
            ))}
            {read.problems.length > 0 && (
              <MessageBar intent="error">
                <MessageBarBody>{read.problems.join(". ")}</MessageBarBody>
              </MessageBar>
            )}
            <Button appearance="primary" disabled={busy || !read.settings} onClick={() => void write()}>
              Write the ICS summary
            </Button>
          </>
        )}
        {message && (
          <MessageBar intent={message.intent}>
            <MessageBarBody>{message.text}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </Card>
  );
}
