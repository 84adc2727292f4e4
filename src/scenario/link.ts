import { parsePostGrade } from "../reference/index.ts";

/*
 * Linking a trust's own tables to the parts of a plan, whatever their layout:
 * which row of a sheet is the header (title rows above it are common), which
 * table plays which part, and which column holds each field. Headers decide
 * first, by the names planners and ESR use; where they do not, the values in
 * the column do. A stored link names its columns by header text, so it
 * survives moved columns and added rows; a column that has gone is reported,
 * never guessed.
 */

export type TableRole = "staff" | "establishment" | "activity" | "standards" | "budget" | "temporary" | "flows" | "payTable" | "actuals";

/**
 * The fields a plan reads, each with the headers that name it, most usual
 * first: the first is the one planners are told about. A header ending in `*`
 * matches any header that starts with it.
 */
export const FIELDS = {
  staffGroup: ["Staff group", "Group", "Staff category", "Professional group"],
  band: ["Band", "Pay band", "AfC band", "Band or grade", "Grade", "Pay grade", "Medical grade"],
  hours: ["Contracted hours", "Hours", "Weekly hours contracted"],
  fte: ["Contracted WTE", "Contracted FTE", "WTE", "FTE", "Whole time equivalent"],
  assignmentType: ["Assignment type", "Assignment category", "Contract type"],
  assignmentNumber: ["Assignment number", "Assignment no", "Employee number"],
  organisation: ["Organisation", "Organization", "Trust"],
  establishmentFte: ["Establishment FTE", "Establishment", "Budgeted FTE", "Funded FTE", "Establishment WTE"],
  serviceLine: ["Service line", "Service", "Point of delivery", "Specialty"],
  unit: ["Unit", "Activity unit", "Currency"],
  total: ["Total", "Annual total", "Activity", "Planned activity"],
  minutes: ["Minutes per unit", "Minutes"],
  costCentre: ["Cost centre", "Cost center", "Cost centre code"],
  budget: ["Budget*"],
  bankFte: ["Bank FTE", "Bank WTE"],
  agencyFte: ["Agency FTE", "Agency WTE"],
  bankSpend: ["Bank spend", "Bank cost", "Bank pay"],
  month: ["Month", "Period", "Reporting month", "Month name"],
  substantiveFte: ["Substantive WTE", "Substantive FTE", "Substantive", "Staff in post WTE", "Staff in post FTE"],
  paySpend: ["Pay spend", "Actual pay", "Pay cost", "Total pay", "Pay bill"],
  agencySpend: ["Agency spend", "Agency cost", "Agency pay"],
  leavers: ["Leavers"],
  starters: ["Starters", "Joiners"],
  averageHeadcount: ["Average headcount", "Headcount"],
  year: ["Year", "Financial year", "Pay year"],
  point: ["Pay point", "Point", "Step", "Nodal point", "Threshold"],
  annualPay: ["Annual pay", "Annual salary", "Salary", "Basic pay", "Annual basic pay"],
  weeklyHours: ["Weekly hours", "Standard hours", "Hours"],
  area: ["Area", "High cost area", "HCAS area", "HCAS"],
} as const satisfies Record<string, readonly string[]>;
export type FieldKey = keyof typeof FIELDS;

/** What each part of a plan needs (a list inside is "one of these") and may use. */
export const ROLES: Record<TableRole, { label: string; describe: string; required: (FieldKey | FieldKey[])[]; optional: FieldKey[] }> = {
  staff: {
    label: "Staff in post",
    describe: "staff in post (an ESR-style extract)",
    required: ["staffGroup", "band", ["hours", "fte"]],
    optional: ["assignmentType", "point", "area", "costCentre", "assignmentNumber", "organisation"],
  },
  establishment: {
    label: "Establishment",
    describe: "establishment",
    required: ["staffGroup", "band", "establishmentFte"],
    optional: ["costCentre"],
  },
  activity: { label: "Activity plan", describe: "activity plan", required: ["serviceLine", "total"], optional: ["unit"] },
  standards: {
    label: "Staffing standards",
    describe: "staffing standards",
    required: ["serviceLine", "staffGroup", "minutes"],
    optional: [],
  },
  budget: { label: "Pay budget", describe: "pay budget", required: ["staffGroup", "budget"], optional: ["costCentre"] },
  temporary: {
    label: "Bank and agency",
    describe: "bank and agency use",
    required: ["staffGroup", "bankFte", "agencyFte"],
    optional: ["bankSpend", "agencySpend"],
  },
  flows: {
    label: "Leavers and starters",
    describe: "leavers and starters",
    required: ["staffGroup", "leavers", "averageHeadcount"],
    optional: ["starters"],
  },
  payTable: { label: "Pay table", describe: "pay table", required: ["year", "band", "point", "annualPay"], optional: ["weeklyHours"] },
  actuals: {
    label: "Actuals by month",
    describe: "actuals by month (as ESR and finance give them)",
    required: ["month", "staffGroup", "substantiveFte", "bankFte", "agencyFte"],
    optional: ["paySpend"],
  },
};

/** Parts whose headers are the more specific first, so a staffing-standards table is not taken for an activity plan. */
const ROLE_ORDER: TableRole[] = ["payTable", "standards", "establishment", "actuals", "temporary", "flows", "budget", "activity", "staff"];

/** A header as compared: case, spaces, punctuation and underscores do not matter ("Contracted_WTE" is "contracted wte"). */
export const normalHeader = (text: unknown) =>
  String(text ?? "")
    .toLowerCase()
    .replace(/[^a-z0-9%]+/g, " ")
    .trim();

function headerMatches(header: string, synonym: string): boolean {
  const wanted = normalHeader(synonym);
  return synonym.endsWith("*") ? header.startsWith(wanted) && header !== "" : header === wanted;
}

/** The column whose header names `field`, by the synonyms in order; -1 when none does. */
export function columnByHeader(headers: readonly unknown[], field: FieldKey, taken: ReadonlySet<number> = new Set()): number {
  const normal = headers.map(normalHeader);
  for (const synonym of FIELDS[field]) {
    const index = normal.findIndex((h, i) => !taken.has(i) && headerMatches(h, synonym));
    if (index >= 0) return index;
  }
  return -1;
}

const isBlank = (value: unknown) => value === null || value === undefined || (typeof value === "string" && value.trim() === "");
const numberOf = (value: unknown) =>
  typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : NaN;

/** Tests of a column's values, for the fields whose values say what they are. */
const VALUE_TESTS: Partial<Record<FieldKey, (values: unknown[]) => boolean>> = {
  band: (values) =>
    mostly(values, (v) => {
      try {
        parsePostGrade(v);
        return typeof v === "string";
      } catch {
        return false;
      }
    }),
  hours: (values) => mostly(values, (v) => numberOf(v) >= 0 && numberOf(v) <= 60) && median(values) >= 4,
  fte: (values) => mostly(values, (v) => numberOf(v) >= 0 && numberOf(v) <= 1.5) && median(values) > 0,
  year: (values) => mostly(values, (v) => typeof v === "string" && /^\d{4}\/\d{2}$/.test(v.trim())),
  annualPay: (values) => mostly(values, (v) => numberOf(v) >= 5_000 && numberOf(v) <= 500_000),
};

function mostly(values: unknown[], test: (value: unknown) => boolean): boolean {
  const filled = values.filter((v) => !isBlank(v));
  return filled.length > 0 && filled.filter(test).length >= 0.8 * filled.length;
}
function median(values: unknown[]): number {
  const numbers = values
    .map(numberOf)
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  return numbers.length ? numbers[Math.floor(numbers.length / 2)]! : NaN;
}

/** How a field was found: by its header, or by the values under a header that does not name it. */
export interface FieldMatch {
  column: number;
  by: "header" | "values";
}

/**
 * The column for each field a part uses, by header first; a required field
 * no header names is looked for among the remaining columns by its values.
 */
export function proposeFields(
  role: TableRole,
  headers: readonly unknown[],
  sample: readonly (readonly unknown[])[] = [],
): Partial<Record<FieldKey, FieldMatch>> {
  const found: Partial<Record<FieldKey, FieldMatch>> = {};
  const taken = new Set<number>();
  const spec = ROLES[role];
  const fields = [...spec.required.flat(), ...spec.optional];
  for (const field of fields) {
    const column = columnByHeader(headers, field, taken);
    if (column >= 0) {
      found[field] = { column, by: "header" };
      taken.add(column);
    }
  }
  for (const need of spec.required) {
    const options = Array.isArray(need) ? need : [need];
    if (options.some((field) => found[field])) continue;
    for (const field of options) {
      const test = VALUE_TESTS[field];
      const column = test ? headers.findIndex((_, i) => !taken.has(i) && test(sample.map((row) => row[i]))) : -1;
      if (column >= 0) {
        found[field] = { column, by: "values" };
        taken.add(column);
        break;
      }
    }
  }
  return found;
}

/** The required fields a part still lacks, by their first name ("Contracted hours or Contracted WTE"). */
export function missingFields(role: TableRole, found: Partial<Record<FieldKey, unknown>>): string[] {
  return ROLES[role].required
    .filter((need) => !(Array.isArray(need) ? need : [need]).some((field) => found[field] !== undefined))
    .map((need) => (Array.isArray(need) ? need : [need]).map((field) => fieldLabel(field)).join(" or "));
}

/** The name planners are told for a field. */
export const fieldLabel = (field: FieldKey) => FIELDS[field][0].replace(/\*$/, " ...");

/** Where a header row is on a sheet, and how sure: the number of fields its cells name. */
export interface HeaderRow {
  /** 0-based, within the rows given. */
  row: number;
  fieldsNamed: number;
}

/**
 * The header row among a sheet's first rows: the row whose cells name the
 * most fields (at least two), so title rows above it are passed over; failing
 * that, the first row of two or more text cells, none a number, with values
 * below it. Undefined when no row looks like a header.
 */
export function findHeaderRow(rows: readonly (readonly unknown[])[], scan = 20): HeaderRow | undefined {
  let best: HeaderRow | undefined;
  const limit = Math.min(scan, rows.length);
  for (let row = 0; row < limit; row++) {
    const named = new Set<FieldKey>();
    for (const cell of rows[row]!) {
      if (typeof cell !== "string") continue;
      const header = normalHeader(cell);
      for (const field of Object.keys(FIELDS) as FieldKey[]) if (FIELDS[field].some((s) => headerMatches(header, s))) named.add(field);
    }
    if (named.size >= 2 && (!best || named.size > best.fieldsNamed)) best = { row, fieldsNamed: named.size };
  }
  if (best) return best;
  for (let row = 0; row < limit && row + 1 < rows.length; row++) {
    const filled = rows[row]!.filter((v) => !isBlank(v));
    if (
      filled.length >= 2 &&
      filled.every((v) => typeof v === "string" && !Number.isFinite(Number(v))) &&
      rows[row + 1]!.some((v) => !isBlank(v))
    )
      return { row, fieldsNamed: 0 };
  }
  return undefined;
}

/** A candidate for a part of the plan: a table, a named range or a sheet, with its headers and first rows. */
export interface SourceCandidate {
  /** Unique among the candidates: "table:tblStaff", "name:StaffExtract", "sheet:ESR extract". */
  id: string;
  headers: readonly unknown[];
  sample: readonly (readonly unknown[])[];
}

export interface ProposedLink {
  source: string;
  fields: Partial<Record<FieldKey, FieldMatch>>;
}

/**
 * The best candidate for each part of the plan: one whose columns give every
 * required field, preferring fields found by header and then more optional
 * fields; each candidate plays one part at most.
 */
export function proposeLinks(candidates: readonly SourceCandidate[]): Partial<Record<TableRole, ProposedLink>> {
  const options: { role: TableRole; link: ProposedLink; score: number; order: number }[] = [];
  candidates.forEach((candidate, index) => {
    for (const role of ROLE_ORDER) {
      const fields = proposeFields(role, candidate.headers, candidate.sample);
      if (missingFields(role, fields).length) continue;
      const score = Object.values(fields).reduce((sum, match) => sum + (match!.by === "header" ? 10 : 6), 0);
      options.push({ role, link: { source: candidate.id, fields }, score, order: ROLE_ORDER.indexOf(role) * 10_000 + index });
    }
  });
  options.sort((a, b) => b.score - a.score || a.order - b.order);
  const found: Partial<Record<TableRole, ProposedLink>> = {};
  const used = new Set<string>();
  for (const option of options) {
    if (found[option.role] || used.has(option.link.source)) continue;
    found[option.role] = option.link;
    used.add(option.link.source);
  }
  return found;
}

/** A link as stored in the workbook: the source by name and each field by its header text. */
export interface StoredLink {
  source: string;
  fields: Partial<Record<FieldKey, string>>;
}

/**
 * The column of each field of a stored link among a source's current
 * headers; a field whose header is no longer there is reported, not guessed.
 */
export function resolveLink(
  link: StoredLink,
  headers: readonly unknown[],
  where: string,
): { columns: Partial<Record<FieldKey, number>>; problems: string[] } {
  const normal = headers.map(normalHeader);
  const columns: Partial<Record<FieldKey, number>> = {};
  const problems: string[] = [];
  for (const [field, header] of Object.entries(link.fields) as [FieldKey, string][]) {
    const index = normal.indexOf(normalHeader(header));
    if (index >= 0) columns[field] = index;
    else
      problems.push(
        `${where}: the column "${header}" linked as ${fieldLabel(field)} is no longer there; link ${fieldLabel(field)} to a column again`,
      );
  }
  return { columns, problems };
}

/** A proposal as a stored link: each field by its header text. */
export function storedLink(link: ProposedLink, headers: readonly unknown[]): StoredLink {
  return {
    source: link.source,
    fields: Object.fromEntries(Object.entries(link.fields).map(([field, match]) => [field, String(headers[match!.column] ?? "")])),
  };
}
