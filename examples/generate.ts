/*
 * Generates examples/northfield-trust-plan.xlsx: a planning workbook for a
 * fictional mid-size acute trust, Northfield Hospitals NHS Foundation Trust, in
 * the fictional Northfield and Vale ICS. Every figure is made up (deterministic
 * pseudo-random), plausible in scale, and about no real person.
 *
 *   npm run examples
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { CellRange } from "../src/addresses.ts";
import { registerWfpFunctions } from "../engine/hyperformula.ts";
import { loadMetadata } from "../engine/metadata.ts";
import { Workbook, type CellInput } from "../engine/workbook.ts";
import { writeXlsx } from "../engine/xlsx.ts";

export const SAMPLE_FILE = fileURLToPath(new URL("./northfield-trust-plan.xlsx", import.meta.url));
/** The system view's example trusts (examples/icsTrusts.ts). */
export const ICS_FOLDER = fileURLToPath(new URL("./ics", import.meta.url));

/** A small seeded generator (LCG), so the sample is the same every time. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

interface Group {
  name: string;
  /** Bands (or, for doctors, training grades) and their share of the group's posts. */
  bands: [band: string, share: number][];
  posts: number;
  leaverRate: number;
}

const GROUPS: Group[] = [
  {
    name: "Registered nursing and midwifery",
    bands: [
      ["5", 0.52],
      ["6", 0.3],
      ["7", 0.14],
      ["8a", 0.04],
    ],
    posts: 1050,
    leaverRate: 0.095,
  },
  {
    name: "Healthcare support workers",
    bands: [
      ["2", 0.25],
      ["3", 0.6],
      ["4", 0.15],
    ],
    posts: 520,
    leaverRate: 0.14,
  },
  {
    name: "Allied health professionals",
    bands: [
      ["5", 0.3],
      ["6", 0.38],
      ["7", 0.24],
      ["8a", 0.08],
    ],
    posts: 260,
    leaverRate: 0.1,
  },
  {
    name: "Scientific and technical",
    bands: [
      ["4", 0.2],
      ["5", 0.25],
      ["6", 0.3],
      ["7", 0.18],
      ["8a", 0.07],
    ],
    posts: 210,
    leaverRate: 0.09,
  },
  {
    name: "Administrative and clerical",
    bands: [
      ["2", 0.15],
      ["3", 0.4],
      ["4", 0.25],
      ["5", 0.1],
      ["6", 0.05],
      ["7", 0.03],
      ["8b", 0.02],
    ],
    posts: 380,
    leaverRate: 0.12,
  },
  {
    // Resident doctors by training grade; the grade sets the nodal point (FY1 1 ... ST6-8 5). Consultants and SAS
    // doctors are not in this extract: wfplan holds their scales to 2024/25, and the sample plans 2025/26.
    name: "Medical and dental",
    bands: [
      ["FY1", 0.16],
      ["FY2", 0.16],
      ["CT1", 0.12],
      ["CT2", 0.1],
      ["ST3", 0.14],
      ["ST4", 0.12],
      ["ST6", 0.1],
      ["ST7", 0.1],
    ],
    posts: 180,
    leaverRate: 0.25,
  },
];

/** Doctors' grades stand as they are; Agenda for Change bands are written "Band 5". */
const isBand = (band: string) => /^\d/.test(band);
const bandLabel = (band: string) => (isBand(band) ? `Band ${band}` : band);
/** Standard hours a week: 37.5 on Agenda for Change, 40 for doctors. */
const weekOf = (band: string) => (isBand(band) ? 37.5 : 40);

const COST_CENTRES = [
  ["W101", "Ward 1 Acute medicine"],
  ["W102", "Ward 2 Respiratory"],
  ["W103", "Ward 3 Care of older people"],
  ["W104", "Ward 4 Cardiology"],
  ["W105", "Ward 5 General surgery"],
  ["W106", "Ward 6 Trauma and orthopaedics"],
  ["W107", "Ward 7 Stroke"],
  ["ED01", "Emergency department"],
  ["TH01", "Main theatres"],
  ["DC01", "Day case unit"],
  ["OP01", "Outpatients"],
  ["MAT1", "Maternity"],
  ["CR01", "Critical care"],
  ["TH10", "Therapies"],
  ["PA01", "Pathology"],
  ["RA01", "Radiology"],
  ["CM01", "Community nursing"],
  ["AD01", "Patient access and records"],
  ["AD02", "Finance and corporate"],
] as const;

/** Which cost centres each group works in. */
const WHERE: Record<string, readonly string[]> = {
  "Registered nursing and midwifery": [
    "W101",
    "W102",
    "W103",
    "W104",
    "W105",
    "W106",
    "W107",
    "ED01",
    "TH01",
    "DC01",
    "MAT1",
    "CR01",
    "CM01",
  ],
  "Healthcare support workers": ["W101", "W102", "W103", "W104", "W105", "W106", "W107", "ED01", "TH01", "DC01", "MAT1"],
  "Allied health professionals": ["TH10", "RA01", "W107"],
  "Scientific and technical": ["PA01", "RA01", "TH01"],
  "Administrative and clerical": ["AD01", "AD02", "OP01", "ED01"],
  "Medical and dental": ["W101", "W102", "W103", "W104", "W105", "W106", "W107", "ED01", "TH01", "MAT1", "CR01"],
};

/**
 * Minutes of each staff group a unit of activity takes, set so the activity
 * plan needs roughly the funded establishment of each group (before headroom).
 */
const SERVICE_LINES: [line: string, unit: string, monthly: number, staffing: [group: string, minutes: number][]][] = [
  [
    "Non-elective inpatients",
    "bed days",
    14200,
    [
      ["Registered nursing and midwifery", 330],
      ["Healthcare support workers", 200],
      ["Allied health professionals", 70],
      ["Administrative and clerical", 20],
      ["Medical and dental", 40],
    ],
  ],
  [
    "Elective inpatients",
    "bed days",
    3100,
    [
      ["Registered nursing and midwifery", 300],
      ["Healthcare support workers", 170],
      ["Allied health professionals", 80],
      ["Administrative and clerical", 20],
      ["Medical and dental", 30],
    ],
  ],
  [
    "Day cases",
    "spells",
    2600,
    [
      ["Registered nursing and midwifery", 140],
      ["Healthcare support workers", 75],
      ["Administrative and clerical", 30],
      ["Medical and dental", 20],
    ],
  ],
  [
    "Theatre sessions",
    "sessions",
    620,
    [
      ["Registered nursing and midwifery", 880],
      ["Healthcare support workers", 400],
      ["Scientific and technical", 720],
      ["Medical and dental", 240],
    ],
  ],
  [
    "Outpatient attendances",
    "attendances",
    31000,
    [
      ["Registered nursing and midwifery", 7],
      ["Administrative and clerical", 40],
      ["Allied health professionals", 16],
      ["Medical and dental", 10],
    ],
  ],
  [
    "Emergency attendances",
    "attendances",
    9800,
    [
      ["Registered nursing and midwifery", 70],
      ["Healthcare support workers", 30],
      ["Administrative and clerical", 45],
      ["Medical and dental", 35],
    ],
  ],
  ["Community contacts", "contacts", 12500, [["Registered nursing and midwifery", 50]]],
  [
    "Diagnostic tests",
    "tests",
    42000,
    [
      ["Scientific and technical", 27],
      ["Allied health professionals", 12],
      ["Administrative and clerical", 9],
    ],
  ],
];

const MONTHS = ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"];
/** Winter pressure on non-elective work; August dips for electives. */
const SEASON = [0.98, 1.0, 0.97, 0.98, 0.95, 0.99, 1.02, 1.04, 1.06, 1.08, 1.0, 1.03];

function put(model: Workbook, sheet: string, rows: CellInput[][], at = 0): CellRange {
  model.setContents(sheet, at, 0, rows);
  return { top: at, left: 0, bottom: at + rows.length - 1, right: rows[0]!.length - 1 };
}

/** Puts rows on a sheet as a table whose first row names its columns. */
function table(model: Workbook, sheet: string, rows: CellInput[][], name: string): CellRange {
  const range = put(model, sheet, rows);
  model.addTable(sheet, range, true, name, "TableStyleMedium2", rows[0]!.map(String));
  return range;
}

/**
 * Who the workbook is for: the sample is Northfield; the system view's tests
 * and examples make other trusts of the same fictional ICS from it, of other
 * sizes, in London (high cost area pay) or on another year's pay tables.
 */
export interface TrustProfile {
  trust: string;
  /** Posts as a share of Northfield's. */
  scale: number;
  /** High cost area of every post (Staff's Area column). */
  area: "none" | "inner" | "outer" | "fringe";
  /** The pay year the Staff sheet's costs and the budget are for. */
  payYear: string;
  seed: number;
}

export const NORTHFIELD: TrustProfile = {
  trust: "Northfield Hospitals NHS Foundation Trust",
  scale: 1,
  area: "none",
  payYear: "2025/26",
  seed: 20251123,
};

export function buildSample(profile: TrustProfile = NORTHFIELD): Workbook {
  const model = new Workbook("Cover");
  return model.batch(() => fillSample(model, profile));
}

function fillSample(model: Workbook, profile: TrustProfile): Workbook {
  const next = random(profile.seed);
  for (const name of ["Summary", "Staff", "Establishment", "Activity", "Staffing standards", "Finance", "Bank and agency", "Flows"])
    model.addSheet(name);

  // Staff: an ESR-style extract, one row per assignment.
  const staffRows: CellInput[][] = [
    ["Assignment number", "Staff group", "Band", "Pay point", "Contracted hours", "Cost centre", "Area", "FTE", "Annual cost"],
  ];
  let assignment = 10_400_000;
  const inPost = new Map<string, number>();
  for (const group of GROUPS) {
    for (const [band, share] of group.bands) {
      const posts = Math.round(group.posts * profile.scale * share);
      for (let i = 0; i < posts; i++) {
        const week = weekOf(band);
        const hours = next() < 0.72 ? week : [0.4, 0.5, 0.6, 0.8, 0.9].map((f) => f * week)[Math.floor(next() * 5)]!;
        const places = WHERE[group.name]!;
        const centre = places[Math.floor(next() * places.length)]!;
        const points = band === "2" ? 1 : band === "3" || band === "4" ? 2 : 3;
        // A training grade names its own nodal point, so doctors' Pay point stays blank.
        const point = isBand(band) ? Math.min(points, 1 + Math.floor(next() * points * 1.4)) : null;
        const row = staffRows.length + 1;
        staffRows.push([
          `${assignment++}`,
          group.name,
          bandLabel(band),
          point,
          hours,
          centre,
          // High cost area supplements are Agenda for Change pay; doctors' London weighting is not held.
          isBand(band) ? profile.area : "none",
          isBand(band) ? `=WFP.FTE(E${row})` : `=WFP.FTE(E${row},40)`,
          `=WFP.COST(C${row},H${row},D${row},"${profile.payYear}",G${row})`,
        ]);
        const key = `${centre}|${group.name}|${band}`;
        inPost.set(key, (inPost.get(key) ?? 0) + hours / week);
      }
    }
  }
  // Assignment numbers are text, as in ESR.
  for (const row of staffRows.slice(1)) row[0] = `'${row[0]}`;
  const staff = table(model, "Staff", staffRows, "tblStaff");
  model.setNumberFormats("Staff", { top: 1, left: 7, bottom: staff.bottom, right: 7 }, [["0.00"]]);
  model.setNumberFormats("Staff", { top: 1, left: 8, bottom: staff.bottom, right: 8 }, [["£#,##0.00"]]);

  // Establishment: funded FTE by cost centre, staff group and band, a few per cent above staff in post.
  const establishmentRows: CellInput[][] = [["Cost centre", "Staff group", "Band", "Establishment FTE"]];
  for (const [key, fte] of [...inPost].sort()) {
    const [centre, group, band] = key.split("|") as [string, string, string];
    establishmentRows.push([centre, group, bandLabel(band), Math.round(fte * (1.03 + next() * 0.09) * 100) / 100]);
  }
  table(model, "Establishment", establishmentRows, "tblEstablishment");

  // Activity plan by service line and month.
  const activityRows: CellInput[][] = [["Service line", "Unit", ...MONTHS, "Total"]];
  SERVICE_LINES.forEach(([line, unit, monthly], i) => {
    const row = i + 2;
    activityRows.push([
      line,
      unit,
      ...SEASON.map((s) => Math.round(monthly * profile.scale * s * (0.97 + next() * 0.06))),
      `=SUM(C${row}:N${row})`,
    ]);
  });
  const activity = table(model, "Activity", activityRows, "tblActivity");
  model.setNumberFormats("Activity", { top: 1, left: 2, bottom: activity.bottom, right: 14 }, [["#,##0"]]);

  // Staffing standards: minutes of each staff group one unit of activity takes.
  const standardsRows: CellInput[][] = [["Service line", "Staff group", "Minutes per unit", "FTE required"]];
  for (const [line, , , staffing] of SERVICE_LINES) {
    for (const [group, minutes] of staffing) {
      const row = standardsRows.length + 1;
      standardsRows.push([
        line,
        group,
        minutes,
        `=WFP.ACTIVITY_FTE(SUMIFS(tblActivity[Total],tblActivity[Service line],A${row}),C${row},,0.22)`,
      ]);
    }
  }
  const standards = table(model, "Staffing standards", standardsRows, "tblStandards");
  model.setNumberFormats("Staffing standards", { top: 1, left: 3, bottom: standards.bottom, right: 3 }, [["#,##0.0"]]);

  // Financial plan: pay budget by cost centre and staff group.
  const budgetRows: CellInput[][] = [["Cost centre", "Cost centre name", "Staff group", `Budget ${profile.payYear}`]];
  // Inner London pay is about a fifth higher (HCAS); the budget was set with it.
  const areaFactor = { none: 1, fringe: 1.05, outer: 1.15, inner: 1.2 }[profile.area];
  const names = new Map<string, string>(COST_CENTRES);
  const byCentreGroup = new Map<string, number>();
  for (const [key, fte] of inPost) {
    const [centre, group, band] = key.split("|") as [string, string, string];
    const perWte =
      {
        "2": 33500,
        "3": 36500,
        "4": 41000,
        "5": 51900,
        "6": 63500,
        "7": 74000,
        "8a": 85000,
        "8b": 101000,
        FY1: 53500,
        FY2: 61000,
        CT1: 72000,
        CT2: 72000,
        ST3: 89000,
        ST4: 89000,
        ST6: 101000,
        ST7: 101000,
      }[band] ?? 60000;
    byCentreGroup.set(
      `${centre}|${group}`,
      (byCentreGroup.get(`${centre}|${group}`) ?? 0) + fte * perWte * areaFactor * (1.02 + next() * 0.06),
    );
  }
  for (const [key, amount] of [...byCentreGroup].sort()) {
    const [centre, group] = key.split("|") as [string, string];
    budgetRows.push([centre, names.get(centre) ?? centre, group, Math.round(amount / 100) * 100]);
  }
  const budget = table(model, "Finance", budgetRows, "tblPayBudget");
  model.setNumberFormats("Finance", { top: 1, left: 3, bottom: budget.bottom, right: 3 }, [["£#,##0"]]);

  // Bank and agency use by month and staff group.
  const temporaryRows: CellInput[][] = [["Month", "Staff group", "Bank FTE", "Agency FTE"]];
  for (const month of MONTHS) {
    for (const group of GROUPS.slice(0, 3)) {
      const scale = (group.posts * profile.scale) / 1000;
      temporaryRows.push([
        month,
        group.name,
        Math.round(scale * (38 + next() * 14) * 10) / 10,
        Math.round(scale * (9 + next() * 8) * 10) / 10,
      ]);
    }
  }
  table(model, "Bank and agency", temporaryRows, "tblTemporary");

  // Leavers and starters over the last twelve months.
  const flowRows: CellInput[][] = [["Staff group", "Leavers", "Starters", "Average headcount", "Leaver rate"]];
  GROUPS.forEach((group, i) => {
    const headcount = Math.round(group.posts * profile.scale * 1.08);
    flowRows.push([
      group.name,
      Math.round(headcount * group.leaverRate),
      Math.round(headcount * group.leaverRate * (0.9 + next() * 0.3)),
      headcount,
      `=WFP.TURNOVER(B${i + 2},D${i + 2})`,
    ]);
  });
  const flows = table(model, "Flows", flowRows, "tblFlows");
  model.setNumberFormats("Flows", { top: 1, left: 4, bottom: flows.bottom, right: 4 }, [["0.0%"]]);

  // Summary: what an analyst builds with the WFP functions next to the tables.
  const summary = put(model, "Summary", [
    ["Measure", "Value", "Formula"],
    ["Staff in post (FTE)", "=SUM(tblStaff[FTE])", "'=SUM(tblStaff[FTE])"],
    ["Headcount", "=COUNTA(tblStaff[Assignment number])", "'=COUNTA(tblStaff[Assignment number])"],
    ["Funded establishment (FTE)", "=SUM(tblEstablishment[Establishment FTE])", "'=SUM(tblEstablishment[Establishment FTE])"],
    ["Vacancy rate", "=WFP.VACANCY_RATE(B4,B2)", "'=WFP.VACANCY_RATE(B4,B2)"],
    ["Fully loaded cost of staff in post", "=SUM(tblStaff[Annual cost])", "'=SUM(tblStaff[Annual cost])"],
    [`Pay budget ${profile.payYear}`, `=SUM(tblPayBudget[Budget ${profile.payYear}])`, `'=SUM(tblPayBudget[Budget ${profile.payYear}])`],
    ["Variance (budget - cost)", "=B7-B6", "'=B7-B6"],
    ["FTE the activity plan needs", "=SUM(tblStandards[FTE required])", "'=SUM(tblStandards[FTE required])"],
    ["Headroom (15% leave, 4.5% sickness, 2.5% study)", "=WFP.UPLIFT({0.15,0.045,0.025})", "'=WFP.UPLIFT({0.15,0.045,0.025})"],
    ["Band 5 nurse, top of band, fully loaded", '=WFP.COST("Band 5",1,"top","2025/26")', '\'=WFP.COST("Band 5",1,"top","2025/26")'],
    ["Nurses for 8 CHPPD on a 28-bed ward at 92%", "=WFP.NURSING_FTE(8,28,0.92,B10)", "'=WFP.NURSING_FTE(8,28,0.92,B10)"],
    [
      "Registered nursing supply, next 5 years (spills right)",
      '=WFP.SUPPLY(SUMIFS(tblStaff[FTE],tblStaff[Staff group],"Registered nursing and midwifery"),0.095,85,5)',
      null,
    ],
    ['Formula in B13: =WFP.SUPPLY(SUMIFS(tblStaff[FTE],tblStaff[Staff group],"Registered nursing and midwifery"),0.095,85,5)', null, null],
    ["Resident doctor, FY1, fully loaded", '=WFP.COST("FY1",1,,"2025/26")', '\'=WFP.COST("FY1",1,,"2025/26")'],
  ]);
  model.setStyle("Summary", { ...summary, bottom: 0 }, { bold: true });
  model.setNumberFormats("Summary", { top: 1, left: 1, bottom: 3, right: 1 }, [["#,##0.0"]]);
  model.setNumberFormats("Summary", { top: 4, left: 1, bottom: 4, right: 1 }, [["0.0%"]]);
  model.setNumberFormats("Summary", { top: 5, left: 1, bottom: 7, right: 1 }, [["£#,##0"]]);
  model.setNumberFormats("Summary", { top: 8, left: 1, bottom: 8, right: 1 }, [["#,##0.0"]]);
  model.setNumberFormats("Summary", { top: 9, left: 1, bottom: 9, right: 1 }, [["0.0%"]]);
  model.setNumberFormats("Summary", { top: 10, left: 1, bottom: 10, right: 1 }, [["£#,##0.00"]]);
  model.setNumberFormats("Summary", { top: 11, left: 1, bottom: 12, right: 6 }, [["#,##0.0"]]);
  model.setNumberFormats("Summary", { top: 14, left: 1, bottom: 14, right: 1 }, [["£#,##0.00"]]);
  model.setColumnWidth("Summary", 0, 260);
  model.setColumnWidth("Summary", 1, 90);

  put(model, "Cover", [
    [profile.trust],
    [`Workforce, activity and finance plan ${profile.payYear} (sample)`],
    ["Northfield and Vale Integrated Care System"],
    [""],
    ["A fictional trust: every figure in this workbook is made up, plausible in scale, and about no real person."],
    [
      "Staff: an ESR-style extract of Agenda for Change assignments and resident doctors by training grade (FY1 to ST7, 40-hour week). Establishment, Activity, Finance, Bank and agency, Flows: the plans to triangulate.",
    ],
    [
      'Consultants and SAS doctors are not in the extract: wfplan holds their pay scales only to 2024/25 (WFP.PAY("Consultant","8 years","2024/25") works), and a 2025/26 plan needs a pay table for them.',
    ],
    ["Summary: WFP functions at work. Regenerate with: npm run examples"],
  ]);
  model.setStyle("Cover", { top: 0, left: 0, bottom: 0, right: 0 }, { bold: true });
  model.setColumnWidth("Cover", 0, 520);
  model.activeSheet = "Summary";
  return model;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  registerWfpFunctions(await loadMetadata());
  const { bytes } = await writeXlsx(buildSample());
  writeFileSync(SAMPLE_FILE, bytes);
  console.log(`Wrote ${SAMPLE_FILE} (${Math.round(bytes.length / 1024)} KB).`);
}
