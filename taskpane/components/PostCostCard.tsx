import {
  Button,
  Card,
  CardHeader,
  Field,
  Input,
  Select,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import {
  AFC_BANDS,
  formatPence,
  gradeLabel,
  payYearsHeld,
  PlanningError,
  postCost,
  type AreaOrNone,
  type AfcBand,
  type FinancialYear,
  type PostCost,
} from "../../src/index.ts";

const useStyles = makeStyles({
  form: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", gap: tokens.spacingHorizontalM },
  total: { fontWeight: tokens.fontWeightSemibold },
  // Fluent inputs keep a minimum width that would overflow a narrow task pane.
  control: { minWidth: 0, width: "100%" },
});

const AREAS: { value: AreaOrNone; label: string }[] = [
  { value: "none", label: "No high cost area" },
  { value: "inner", label: "Inner London" },
  { value: "outer", label: "Outer London" },
  { value: "fringe", label: "Fringe" },
];

/** A quick "what does this post cost?" for planners: every figure comes from src/. */
export function PostCostCard() {
  const styles = useStyles();
  const [band, setBand] = useState<AfcBand>("5");
  const years = useMemo(() => payYearsHeld(band), [band]);
  const [year, setYear] = useState<FinancialYear>(years[0]!);
  const [fte, setFte] = useState("1");
  const [area, setArea] = useState<AreaOrNone>("none");
  const [result, setResult] = useState<PostCost | string>();

  const chosenYear = years.includes(year) ? year : years[0]!;
  const calculate = () => {
    try {
      const value = Number(fte);
      if (fte.trim() === "" || !Number.isFinite(value)) throw new PlanningError("value", `FTE must be a number, not "${fte}"`);
      setResult(postCost(band, value, { year: chosenYear, area }));
    } catch (error) {
      setResult((error as Error).message);
    }
  };

  return (
    <Card>
      <CardHeader header={<Text weight="semibold">Cost a post</Text>} description="Top of band, full employer pension (23.78%)" />
      <div className={styles.form}>
        <Field label="Band">
          <Select className={styles.control} value={band} onChange={(_, data) => setBand(data.value as AfcBand)}>
            {AFC_BANDS.map((b) => (
              <option key={b} value={b}>
                {gradeLabel(b)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Year">
          <Select className={styles.control} value={chosenYear} onChange={(_, data) => setYear(data.value as FinancialYear)}>
            {years.map((y) => (
              <option key={y}>{y}</option>
            ))}
          </Select>
        </Field>
        <Field label="FTE">
          <Input className={styles.control} value={fte} onChange={(_, data) => setFte(data.value)} inputMode="decimal" />
        </Field>
        <Field label="Area">
          <Select className={styles.control} value={area} onChange={(_, data) => setArea(data.value as AreaOrNone)}>
            {AREAS.map((a) => (
              <option key={a.value} value={a.value}>
                {a.label}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Button appearance="primary" onClick={calculate}>
        Cost this post
      </Button>
      {typeof result === "string" && <Text role="alert">{result}</Text>}
      {result && typeof result !== "string" && <CostBreakdown cost={result} />}
    </Card>
  );
}

function CostBreakdown({ cost }: { cost: PostCost }) {
  const styles = useStyles();
  const lines: [string, number][] = [
    ["Basic pay", cost.basic],
    ["High cost area supplement", cost.highCostArea],
    ["Employer National Insurance", cost.nationalInsurance],
    ["Employer pension", cost.pension],
    ["Apprenticeship levy", cost.apprenticeshipLevy],
  ];
  return (
    <Table size="small" aria-label="Cost breakdown">
      <TableBody>
        {lines.map(([label, value]) => (
          <TableRow key={label}>
            <TableCell>{label}</TableCell>
            <TableCell>{formatPence(value)}</TableCell>
          </TableRow>
        ))}
        <TableRow>
          <TableCell className={styles.total}>Total a year ({cost.year})</TableCell>
          <TableCell className={styles.total} data-testid="post-cost-total">
            {formatPence(cost.total)}
          </TableCell>
        </TableRow>
      </TableBody>
    </Table>
  );
}
