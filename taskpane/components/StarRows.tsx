import { Button, Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import { NO_ROLE, NO_SHIFT, type FieldRead, type Role, type Shift } from "../useCases/scenarioForm.ts";
import { feedback } from "./feedback.ts";

/*
 * The HEE Star's upskilling and new roles, as many as the planner adds: the
 * first row's fields are "Upskilling: …" and "New roles: …", later rows'
 * are numbered ("Upskilling 2: …"). A row whose staff group is blank is none.
 */

const useStyles = makeStyles({
  rows: { gridColumn: "1 / -1", display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", gap: tokens.spacingHorizontalM },
  control: { minWidth: 0, width: "100%" },
  wide: { gridColumn: "1 / -1" },
});

const YEARS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const name = (what: string, i: number) => (i === 0 ? what : `${what} ${i + 1}`);

export function ShiftRows({ shifts, shares, onChange }: { shifts: Shift[]; shares: FieldRead[]; onChange: (shifts: Shift[]) => void }) {
  const styles = useStyles();
  const change = (i: number, patch: Partial<Shift>) => onChange(shifts.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  return (
    <div className={styles.rows}>
      {shifts.map((shift, i) => {
        const label = name("Upskilling", i);
        return [
          <Field
            key={`${i}g`}
            label={`${label}: staff group`}
            hint={i === 0 ? "posts moved from one band to another; blank for none" : undefined}
          >
            <Input className={styles.control} value={shift.staffGroup} onChange={(_, d) => change(i, { staffGroup: d.value })} />
          </Field>,
          <Field key={`${i}s`} label={`${label}: share of posts moved, %`} {...(shares[i] ? feedback(shares[i]) : {})}>
            <Input className={styles.control} value={shift.share} onChange={(_, d) => change(i, { share: d.value })} inputMode="decimal" />
          </Field>,
          <Field key={`${i}f`} label={`${label}: from band`}>
            <Input className={styles.control} value={shift.from} onChange={(_, d) => change(i, { from: d.value })} />
          </Field>,
          <Field key={`${i}t`} label={`${label}: to band`}>
            <Input className={styles.control} value={shift.to} onChange={(_, d) => change(i, { to: d.value })} />
          </Field>,
          <Field key={`${i}y`} label={`${label}: reached by plan year`}>
            <Select className={styles.control} value={shift.byYear} onChange={(_, d) => change(i, { byYear: d.value })}>
              {YEARS.map((n) => (
                <option key={n}>{n}</option>
              ))}
            </Select>
          </Field>,
          i > 0 ? (
            <Button key={`${i}r`} appearance="subtle" onClick={() => onChange(shifts.filter((_, j) => j !== i))}>
              Remove {label.toLowerCase()}
            </Button>
          ) : (
            <span key={`${i}r`} />
          ),
        ];
      })}
      <Button className={styles.wide} appearance="secondary" onClick={() => onChange([...shifts, NO_SHIFT])}>
        Add another upskilling move
      </Button>
    </div>
  );
}

export function RoleRows({ roles, onChange }: { roles: Role[]; onChange: (roles: Role[]) => void }) {
  const styles = useStyles();
  const change = (i: number, patch: Partial<Role>) => onChange(roles.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <div className={styles.rows}>
      {roles.map((role, i) => {
        const label = name("New roles", i);
        return [
          <Field key={`${i}g`} label={`${label}: staff group`} hint={i === 0 ? "posts of a new role added; blank for none" : undefined}>
            <Input className={styles.control} value={role.staffGroup} onChange={(_, d) => change(i, { staffGroup: d.value })} />
          </Field>,
          <Field key={`${i}b`} label={`${label}: band or grade`}>
            <Input className={styles.control} value={role.grade} onChange={(_, d) => change(i, { grade: d.value })} />
          </Field>,
          <Field key={`${i}f`} label={`${label}: FTE`}>
            <Input className={styles.control} value={role.fte} onChange={(_, d) => change(i, { fte: d.value })} inputMode="decimal" />
          </Field>,
          <Field key={`${i}y`} label={`${label}: from plan year`}>
            <Select className={styles.control} value={role.fromYear} onChange={(_, d) => change(i, { fromYear: d.value })}>
              {YEARS.map((n) => (
                <option key={n}>{n}</option>
              ))}
            </Select>
          </Field>,
          <Field key={`${i}x`} label={`${label}: replacing band`} hint="posts taken over, FTE for FTE; blank: posts added">
            <Input className={styles.control} value={role.replaces} onChange={(_, d) => change(i, { replaces: d.value })} />
          </Field>,
          ...(i > 0
            ? [
                <Button key={`${i}r`} className={styles.wide} appearance="subtle" onClick={() => onChange(roles.filter((_, j) => j !== i))}>
                  Remove {label.toLowerCase()}
                </Button>,
              ]
            : []),
        ];
      })}
      <Button className={styles.wide} appearance="secondary" onClick={() => onChange([...roles, NO_ROLE])}>
        Add another new role
      </Button>
    </div>
  );
}
