import { requireFraction, requireNonNegative, requirePositive } from "../errors.ts";
import { AFC_ANNUAL_HOURS } from "./time.ts";

/**
 * Care hours per patient day (NHS England CHPPD guidance): hours worked by
 * registered nurses, midwives and healthcare support workers (and AHPs rostered
 * to the ward), divided by the sum of patients in beds at 23:59 over the days.
 * NHS England's example: 2,700 care hours over 300 patient days is 9.0.
 */
export function careHoursPerPatientDay(careHours: number, patientDays: number): number {
  requireNonNegative(careHours, "care_hours");
  requirePositive(patientDays, "patient_days");
  return careHours / patientDays;
}

/**
 * FTE needed to deliver a CHPPD target on a ward: CHPPD x beds x occupancy x 365
 * care hours a year, over the hours a whole-time post works (37.5 x 52.143),
 * uplifted for headroom.
 */
export function nursingEstablishmentFte(
  chppd: number,
  beds: number,
  occupancy: number,
  uplift = 0,
  hoursPerFteYear: number = AFC_ANNUAL_HOURS,
): number {
  requireNonNegative(chppd, "chppd");
  requireNonNegative(beds, "beds");
  requireFraction(occupancy, "occupancy");
  requireNonNegative(uplift, "uplift");
  requirePositive(hoursPerFteYear, "hours_per_fte_year");
  return ((chppd * beds * occupancy * 365) / hoursPerFteYear) * (1 + uplift);
}
