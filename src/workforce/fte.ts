import { requireNonNegative, requirePositive } from "../errors.ts";

/**
 * Full-time equivalent (NHS Digital, NHS Workforce Statistics): contracted hours
 * divided by the standard full-time hours for the staff group (37.5 for Agenda
 * for Change, 40 for medical staff).
 */
export function fteFromHours(contractedHours: number, standardHours = 37.5): number {
  requireNonNegative(contractedHours, "hours");
  requirePositive(standardHours, "standard_hours");
  return contractedHours / standardHours;
}

/**
 * People needed to provide `fte` when each contributes `ftePerHead` on average,
 * rounded up: 10 FTE at 0.8 FTE a head needs 13 people. A tolerance of a
 * millionth keeps 3 FTE at 1.0 from becoming 4 through float dust.
 */
export function headcountFromFte(fte: number, ftePerHead = 1): number {
  requireNonNegative(fte, "fte");
  requirePositive(ftePerHead, "fte_per_head");
  return Math.ceil(fte / ftePerHead - 1e-6);
}
