/**
 * Weeks in a year as the NHS Terms and Conditions of Service Handbook uses them
 * to turn annual pay into an hourly rate: annual / (37.5 x 52.143).
 */
export const WEEKS_PER_YEAR = 52.143;

/** Contracted hours a whole-time post works in a year: weekly hours x 52.143. */
export function annualHours(weeklyHours: number): number {
  return weeklyHours * WEEKS_PER_YEAR;
}

/** Hours a whole-time Agenda for Change post is contracted for in a year (1,955.36). */
export const AFC_ANNUAL_HOURS = annualHours(37.5);
