import type { PayScaleData } from "./payScaleSchema.ts";

/*
 * Medical and dental pay (resident doctors' nodal points, specialty doctors,
 * specialists, consultants on the 2003 contract).
 *
 * None held yet. The figures in circulation for 2024/25 and 2025/26 come from
 * secondary sources, and the NHS Employers pay and conditions circulars (M&D)
 * that set them could not be read here to confirm them. The grades themselves
 * are known (names and 40-hour standard week), so FTE works for them and pay
 * lookups say plainly that no figures are held. Adding a year is a data-only
 * change: append PayScaleData entries here with the circular as the source.
 */
export const MEDICAL_PAY: readonly PayScaleData[] = [];
