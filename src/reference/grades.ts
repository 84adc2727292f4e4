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

export const GRADE_HELP = 'use 2-9, 8a-8d (as 5, "5", "Band 5", "8a") or Resident doctor, Specialty doctor, Specialist, Consultant';

/** Reads a band or grade as planners type it: 5, "5", "Band 5", "8a", "Band 8A", "Consultant". */
export function parseGrade(input: unknown, field = "band"): Grade {
  if (typeof input === "number") {
    if (Number.isInteger(input) && (AFC_BANDS as readonly string[]).includes(String(input))) {
      return String(input) as AfcBand;
    }
    return fail("value", `${field} ${input} is not an Agenda for Change band: ${GRADE_HELP}`, field);
  }
  if (typeof input !== "string" || input.trim() === "") {
    return fail("value", `${field} is missing: ${GRADE_HELP}`, field);
  }
  const text = input.trim().toLowerCase().replace(/\s+/g, " ");
  const band = text.replace(/^(afc )?band ?/, "");
  if ((AFC_BANDS as readonly string[]).includes(band)) return band as AfcBand;
  const medical = MEDICAL_ALIASES[text];
  if (medical) return medical;
  return fail("value", `${field} "${input}" is not an Agenda for Change band or medical grade: ${GRADE_HELP}`, field);
}

/** How a grade is shown to people: "Band 5", "Band 8a", "Consultant". */
export function gradeLabel(grade: Grade): string {
  return isMedicalGrade(grade) ? grade : `Band ${grade}`;
}
