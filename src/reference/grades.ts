import { quoteValue } from "../format.ts";
import { fail } from "../errors.ts";

/** Agenda for Change bands in use in England (band 1 closed to new entrants in 2018). */
export const AFC_BANDS = ["2", "3", "4", "5", "6", "7", "8a", "8b", "8c", "8d", "9"] as const;
export type AfcBand = (typeof AFC_BANDS)[number];

/** Medical and dental grades, named plainly; they are not on Agenda for Change. */
export const MEDICAL_GRADES = ["Resident doctor", "Specialty doctor", "Specialist", "Consultant"] as const;
export type MedicalGrade = (typeof MEDICAL_GRADES)[number];

export type Grade = AfcBand | MedicalGrade;
export type PayFramework = "Agenda for Change" | "Medical and dental";

/**
 * Standard full-time hours a week, by pay framework: 37.5 for Agenda for Change
 * (NHS Terms and Conditions of Service Handbook, section 27) and 40 for the
 * medical and dental contracts (Terms and Conditions – Consultants (England)
 * 2003, schedule 3; the 2016 resident doctors' contract and the 2021 specialty
 * doctor and specialist contracts likewise set 40).
 */
export const STANDARD_HOURS: Record<PayFramework, number> = {
  "Agenda for Change": 37.5,
  "Medical and dental": 40,
};

export function isMedicalGrade(grade: Grade): grade is MedicalGrade {
  return (MEDICAL_GRADES as readonly string[]).includes(grade);
}

export function payFramework(grade: Grade): PayFramework {
  return isMedicalGrade(grade) ? "Medical and dental" : "Agenda for Change";
}

export function standardHours(grade: Grade): number {
  return STANDARD_HOURS[payFramework(grade)];
}

const MEDICAL_ALIASES: Record<string, MedicalGrade> = {
  "resident doctor": "Resident doctor",
  "resident doctors": "Resident doctor",
  "specialty doctor": "Specialty doctor",
  "specialty doctors": "Specialty doctor",
  specialist: "Specialist",
  specialists: "Specialist",
  consultant: "Consultant",
  consultants: "Consultant",
};

/**
 * Resident doctors' training grades and the nodal point each is paid on (2016
 * contract): FY1 1, FY2 2, CT1-2 and ST1-2 3, CT3 and ST3-5 4, ST6-8 5.
 */
export const TRAINING_GRADES: Readonly<Record<string, number>> = {
  FY1: 1,
  FY2: 2,
  CT1: 3,
  CT2: 3,
  ST1: 3,
  ST2: 3,
  CT3: 4,
  ST3: 4,
  ST4: 4,
  ST5: 4,
  ST6: 5,
  ST7: 5,
  ST8: 5,
};

export const GRADE_HELP =
  'use 2-9, 8a-8d (as 5, "5", "Band 5", "8a"), a training grade (FY1, FY2, CT1-CT3, ST1-ST8), Resident doctor, Specialty doctor, Specialist or Consultant';

/** A grade as a post names it: a training grade also names the resident doctor's nodal point. */
export interface PostGrade {
  grade: Grade;
  /** The nodal point a training grade is paid on (FY1 is 1). */
  nodalPoint?: number;
  /** The training grade as written in capitals ("ST4"), when one was given. */
  trainingGrade?: string;
}

/** Reads a band or grade as planners type it: 5, "5", "Band 5", "8a", "Band 8A", "Consultant", "FY1", "ST4". */
export function parsePostGrade(input: unknown, field = "band"): PostGrade {
  if (typeof input === "number") {
    if (Number.isInteger(input) && (AFC_BANDS as readonly string[]).includes(String(input))) {
      return { grade: String(input) as AfcBand };
    }
    return fail("value", `${field} ${quoteValue(input)} is not an Agenda for Change band: ${GRADE_HELP}`, field);
  }
  if (typeof input !== "string" || input.trim() === "") {
    return fail("value", `${field} is missing: ${GRADE_HELP}`, field);
  }
  const text = input.trim().toLowerCase().replace(/\s+/g, " ");
  const band = text.replace(/^(afc )?band ?/, "");
  if ((AFC_BANDS as readonly string[]).includes(band)) return { grade: band as AfcBand };
  const medical = MEDICAL_ALIASES[text];
  if (medical) return { grade: medical };
  // "F1" and "F2" are how some rotas write FY1 and FY2.
  const training = text
    .toUpperCase()
    .replace(/\s/g, "")
    .replace(/^F([12])$/, "FY$1");
  const nodalPoint = TRAINING_GRADES[training];
  if (nodalPoint !== undefined) return { grade: "Resident doctor", nodalPoint, trainingGrade: training };
  return fail("value", `${field} ${quoteValue(input)} is not an Agenda for Change band or medical grade: ${GRADE_HELP}`, field);
}

/** The grade whose pay scale a band or grade uses: "FY1" and "ST4" are both "Resident doctor". */
export function parseGrade(input: unknown, field = "band"): Grade {
  return parsePostGrade(input, field).grade;
}

/** How a grade is shown to people: "Band 5", "Band 8a", "Consultant". */
export function gradeLabel(grade: Grade): string {
  return isMedicalGrade(grade) ? grade : `Band ${grade}`;
}

/** Every band and grade a planner can pick, in the order a list shows them: bands, training grades, other medical grades. */
export const GRADE_CHOICES: readonly string[] = [
  ...AFC_BANDS,
  ...Object.keys(TRAINING_GRADES),
  "Resident doctor",
  "Specialty doctor",
  "Specialist",
  "Consultant",
];
