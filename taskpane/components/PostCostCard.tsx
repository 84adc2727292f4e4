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
  formatPence,
  GRADE_CHOICES,
  gradeLabel,
  isMedicalGrade,
  parsePostGrade,
  payScale,
  payYearsHeld,
  PlanningError,
  postCost,
  postPoint,
  type AreaOrNone,
  type FinancialYear,
  type PostCost,
} from "../../src/calculations.ts";

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

/** "Band 5", "FY1 (resident doctor)", "Consultant": how the list names each choice. */
function choiceLabel(choice: string): string {
  const post = parsePostGrade(choice);
  if (post.trainingGrade) return `${post.trainingGrade} (resident doctor)`;
  return gradeLabel(post.grade);
}

/** A quick "what does this post cost?" for planners: every figure comes from src/. */
export function PostCostCard() {
  const styles = useStyles();
  const [choice, setChoice] = useState("5");
  const post = useMemo(() => parsePostGrade(choice), [choice]);
  const years = useMemo(() => payYearsHeld(post.grade), [post]);
  const [year, setYear] = useState<FinancialYear>(years[0]!);
  const [point, setPoint] = useState("top");
  const [fte, setFte] = useState("1");
  const [area, setArea] = useState<AreaOrNone>("none");
  const [result, setResult] = useState<PostCost | string>();

  const chosenYear = years.includes(year) ? year : years[0]!;
  const points = useMemo(() => payScale(post.grade, chosenYear).points, [post, chosenYear]);
  const chosenPoint = post.nodalPoint !== undefined ? String(post.nodalPoint) : points.some((p) => p.name === point) ? point : "top";
  const medical = isMedicalGrade(post.grade);
  const calculate = () => {
    try {
      const value = Number(fte);
      if (fte.trim() === "" || !Number.isFinite(value)) throw new PlanningError("value", `FTE must be a number, not "${fte}"`);
      const named = chosenPoint === "top" ? "top" : { name: chosenPoint };
      setResult(postCost(post.grade, value, { year: chosenYear, area: medical ? "none" : area, point: postPoint(post, undefined, named) }));
    } catch (error) {
      setResult((error as Error).message);
    }
  };

  return (
    <Card>
      <CardHeader header={<Text weight="semibold">Cost a post</Text>} description="Full employer pension (23.78%), NI and the levy" />
      <div className={styles.form}>
        <Field label="Band or grade">
          <Select className={styles.control} value={choice} onChange={(_, data) => setChoice(data.value)}>
            {GRADE_CHOICES.map((c) => (
              <option key={c} value={c}>
                {choiceLabel(c)}
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
        <Field label="Pay point" hint={post.nodalPoint !== undefined ? "A training grade's nodal point" : undefined}>
          <Select
            className={styles.control}
            value={chosenPoint}
            disabled={post.nodalPoint !== undefined}
            onChange={(_, data) => setPoint(data.value)}
          >
            {post.nodalPoint !== undefined ? (
              <option value={chosenPoint}>Nodal point {chosenPoint}</option>
            ) : (
              points.map((p, i) => (
                <option key={p.name} value={i === points.length - 1 ? "top" : p.name}>
                  {pointLabel(post.grade, p.name, i, points.length)}
                </option>
              ))
            )}
          </Select>
        </Field>
        <Field label="FTE">
          <Input className={styles.control} value={fte} onChange={(_, data) => setFte(data.value)} inputMode="decimal" />
        </Field>
        <Field label="Area" hint={medical ? "Not held for doctors" : undefined}>
          <Select
            className={styles.control}
            value={medical ? "none" : area}
            disabled={medical}
            onChange={(_, data) => setArea(data.value as AreaOrNone)}
          >
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

/** "Entry", "Intermediate", "Top"; "Threshold 2a"; "Point 3" for numbered scales. */
function pointLabel(grade: string, name: string, index: number, count: number): string {
  if (!/^\d/.test(name)) return name[0]!.toUpperCase() + name.slice(1);
  const kind = grade === "Consultant" ? "Threshold" : "Point";
  return `${kind} ${name}${index === count - 1 ? " (top)" : ""}`;
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
        <TableRow>
          <TableCell colSpan={2} data-testid="post-cost-source">
            {sourceLine(cost)}
          </TableCell>
        </TableRow>
      </TableBody>
    </Table>
  );
}

/** Where the pay figure comes from, its kind, and any caveat, so a finance lead can check it. */
function sourceLine(cost: PostCost): string {
  const source = cost.paySource;
  const from = source.kind === "workbook" ? `the workbook's pay table ${source.title}` : `${source.publisher} (${source.kind} source)`;
  const onCosts = cost.onCostYear === cost.year ? "" : ` On-costs at ${cost.onCostYear} rates.`;
  return `Pay: ${from}.${onCosts}${cost.payCaveat ? ` ${cost.payCaveat}` : ""}`;
}
