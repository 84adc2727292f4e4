import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Field,
  Select,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  fieldLabel,
  normalHeader,
  proposeFields,
  ROLES,
  storedLink,
  type FieldKey,
  type StoredLink,
  type TableRole,
} from "../../src/index.ts";
import type { PlanLinks } from "../adapter/linkStore.ts";
import { sourceLabel, type TableSummary } from "../adapter/planTables.ts";

/*
 * Which table, named range or sheet plays each part of the plan, and which of
 * its columns holds each field, with a preview of its first rows. The pane
 * proposes; the planner confirms or changes; the links are stored with the
 * next run.
 */

const useStyles = makeStyles({
  parts: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", gap: tokens.spacingHorizontalM },
  control: { minWidth: 0, width: "100%" },
  preview: { overflowX: "auto", maxWidth: "100%" },
  table: {
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase100,
    "& th, & td": { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: "1px 4px", whiteSpace: "nowrap" },
  },
});

export const PART_LABELS: [TableRole, string, boolean][] = [
  ["staff", "Staff in post", true],
  ["activity", "Activity plan", true],
  ["standards", "Staffing standards", true],
  ["establishment", "Establishment", false],
  ["budget", "Pay budget", false],
  ["temporary", "Bank and agency", false],
  ["flows", "Leavers and starters", false],
  ["payTable", "Pay table (its rows override wfplan's pay figures)", false],
  ["actuals", "Actuals by month (ESR and finance)", false],
];

/** A link to a newly chosen source, its columns proposed from its headers and values. */
function linkTo(role: TableRole, source: TableSummary): StoredLink {
  return storedLink({ source: source.id, fields: proposeFields(role, source.headers, source.sample) }, source.headers);
}

export function PlanLinksForm({
  sources,
  links,
  onChange,
}: {
  sources: readonly TableSummary[];
  links: PlanLinks;
  onChange: (links: PlanLinks) => void;
}) {
  const styles = useStyles();
  const set = (role: TableRole, link: StoredLink | undefined) => onChange({ ...links, [role]: link });
  return (
    <>
      <div className={styles.parts}>
        {PART_LABELS.map(([role, label, required]) => (
          <Field key={role} label={label} required={required}>
            <Select
              className={styles.control}
              value={links[role]?.source ?? ""}
              onChange={(_, data) => {
                const source = sources.find((s) => s.id === data.value);
                set(role, source && linkTo(role, source));
              }}
            >
              <option value="">{required ? "Choose a table or range" : "(none)"}</option>
              {sources.map((s) => (
                <option key={s.id} value={s.id}>
                  {sourceLabel(s)}
                </option>
              ))}
            </Select>
          </Field>
        ))}
      </div>
      <Accordion collapsible multiple>
        {PART_LABELS.filter(([role]) => links[role]).map(([role, label]) => {
          const source = sources.find((s) => s.id === links[role]!.source);
          return source ? (
            <AccordionItem key={role} value={role}>
              <AccordionHeader size="small">Columns of {label.replace(/ \(.*/, "").toLowerCase()}</AccordionHeader>
              <AccordionPanel>
                <ColumnLinks role={role} source={source} link={links[role]!} onChange={(link) => set(role, link)} />
              </AccordionPanel>
            </AccordionItem>
          ) : null;
        })}
      </Accordion>
    </>
  );
}

/** Each field the part uses, linked to one of the source's columns, with the first rows as they will be read. */
function ColumnLinks({
  role,
  source,
  link,
  onChange,
}: {
  role: TableRole;
  source: TableSummary;
  link: StoredLink;
  onChange: (link: StoredLink) => void;
}) {
  const styles = useStyles();
  const spec = ROLES[role];
  const required = new Set(spec.required.filter((need) => !Array.isArray(need)) as FieldKey[]);
  const fields = [...spec.required.flat(), ...spec.optional];
  const headerIndex = (header: string | undefined) =>
    header === undefined ? -1 : source.headers.findIndex((h) => normalHeader(h) === normalHeader(header));
  const shown = fields.map((field) => ({ field, column: headerIndex(link.fields[field]) })).filter(({ column }) => column >= 0);
  return (
    <div className={styles.parts}>
      {fields.map((field) => {
        const header = link.fields[field];
        const column = headerIndex(header);
        const gone = header !== undefined && column < 0;
        return (
          <Field
            key={field}
            label={fieldLabel(field)}
            required={required.has(field)}
            validationState={gone ? "error" : "none"}
            validationMessage={gone ? `"${header}" is no longer there: choose its column` : undefined}
            hint={role === "staff" && (field === "fte" || field === "hours") ? "Contracted hours or WTE: one is needed" : undefined}
          >
            <Select
              className={styles.control}
              value={column >= 0 ? String(column) : ""}
              onChange={(_, data) => {
                const fieldsNow = { ...link.fields };
                if (data.value === "") delete fieldsNow[field];
                else fieldsNow[field] = source.headers[Number(data.value)]!;
                onChange({ ...link, fields: fieldsNow });
              }}
            >
              <option value="">(none)</option>
              {source.headers.map((h, i) => (
                <option key={i} value={i}>
                  {h || `(column ${i + 1}, no header)`}
                </option>
              ))}
            </Select>
          </Field>
        );
      })}
      <div className={styles.preview} style={{ gridColumn: "1 / -1" }}>
        {shown.length > 0 ? (
          <table className={styles.table}>
            <caption>
              <Text size={200}>First rows of {sourceLabel(source)}, as they will be read</Text>
            </caption>
            <thead>
              <tr>
                {shown.map(({ field }) => (
                  <th key={field} scope="col">
                    {fieldLabel(field)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {source.sample.slice(0, 3).map((row, r) => (
                <tr key={r}>
                  {shown.map(({ field, column }) => (
                    <td key={field}>{String(row[column] ?? "")}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <Text size={200}>Link a column to see the first rows.</Text>
        )}
      </div>
    </div>
  );
}
