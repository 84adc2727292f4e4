import type { PayScaleData } from "./payScaleSchema.ts";
import type { Source } from "./source.ts";

/*
 * Medical and dental pay in England, annual basic pay for a whole-time post
 * (40 hours a week), as read in November 2026
 * (../shared/reference/sources-read-2026-11.md, section 3). NHS Employers' pay
 * and conditions circulars (M&D) could not be read, so every figure but the
 * 2021 SAS scales rests on a secondary source, and says so.
 *
 * Held: resident doctors 2023/24, 2024/25 and 2025/26; consultants (2003
 * contract) on the reformed scale from 1 March 2024 and for 2024/25; specialty
 * doctors and specialists (2021 contracts) for 2023/24 and from April 2024.
 * Not held: consultant, specialty doctor and specialist scales for 2025/26
 * (a 4% award, no table read), the consultants' eight-threshold scale of
 * April 2023 to February 2024, and resident doctors' 2023/24 scale as revised
 * in 2024 (an average 4.05% more, figures not read).
 */

const WEEKLY_HOURS = 40;

const BMA_RESIDENT: Source = {
  title: "Pay scales for resident doctors in England (updated 18 September 2024)",
  publisher: "BMA",
  url: "https://www.bma.org.uk/pay-and-contracts/pay/resident-doctors-pay-scales/pay-scales-for-resident-doctors-in-england",
  kind: "secondary",
  note: "The 2023/24 scale as first paid (6% plus £1,250): FY1 1 32,398 / FY2 2 37,303 / CT1-CT2 3 43,923 / CT3 4 55,329 / ST6-8 5 63,152. Pulse Jobs gives the same; the Nuffield Trust gives £32,397 and £63,162.",
};

const HCSA_RESIDENT: Source = {
  title: "Resident doctor pay: Key information",
  publisher: "HCSA",
  url: "https://hcsa.com/campaigns/resident-doctors.aspx",
  kind: "secondary",
  note: "2024/25 is HCSA's 'Current pay' column (6% plus £1,000 on each nodal point, NHS Employers, 29 July 2024).",
};

const RESIDENT_2025: Source = {
  ...HCSA_RESIDENT,
  note: "HCSA's 'Pay after award' column (4% plus £750, DHSC, 22 May 2025) gives 38,830.64 / 44,438.32 / 52,655.36 / 65,048.00 / 73,992.00; held as published in whole pounds (juniordoctorfinance.co.uk, publicsectorcalculators.co.uk).",
};

const BMA_CONSULTANT: Source = {
  title: "Pay scales for consultants in England",
  publisher: "BMA",
  url: "https://www.bma.org.uk/pay-and-contracts/pay/consultants-pay-scales/pay-scales-for-consultants-in-england",
  kind: "secondary",
  note: "The reformed 2003-contract scale backdated to 1 March 2024 (NHS Employers, 'Offer for the consultant workforce in England'): four unique thresholds, the top after 14 years.",
};

const IMG_CONSULTANT_2024: Source = {
  title: "NHS Consultant Doctors' Pay across the UK 2024",
  publisher: "IMG Connect",
  url: "https://www.imgconnect.co.uk/news/2024/09/nhs-consultant-doctors-pay-across-the-uk-2024/349",
  kind: "secondary",
  note: '"Consultants currently earn a basic rate of between £105,504 and £139,882 in England"; steps as the reformed scale.',
};

const SAS_OFFER: Source = {
  title: "Revised offer for the SAS doctor workforce",
  publisher: "NHS Employers",
  url: "https://nhsemployers.org/articles/revised-offer-sas-doctor-workforce",
  published: "2024-05-22",
  kind: "primary",
  note: "2021 contracts; a doctor may move to the next pay point after at least three years (NHS Employers, SAS 2021 pay progression system guidance).",
};

const RESIDENT_2023_CAVEAT =
  "As first paid; the 2023/24 scale was later raised retrospectively by an average 4.05% (NHS Employers, 29 July 2024), figures not read.";
const SAS_2024_CAVEAT = "The new scale from April 2024, before the 2024/25 DDRB award of 6%; the scale after the award is not held.";

/** Nodal points 1 to 5; the training grade, not years, decides which a doctor is on. */
function resident(year: string, effectiveFrom: string, annual: number[], source: Source, caveat?: string): PayScaleData {
  return {
    grade: "Resident doctor",
    year,
    effectiveFrom,
    weeklyHours: WEEKLY_HOURS,
    points: annual.map((value, i) => ({ name: String(i + 1), annual: value })),
    source,
    caveat,
  };
}

/** Thresholds 1, 2a (after 3 years completed), 2b (4), 3 (8) and 4 (14). */
function consultant(year: string, effectiveFrom: string, annual: number[], source: Source, caveat?: string): PayScaleData {
  const years = [3, 1, 4, 6];
  return {
    grade: "Consultant",
    year,
    effectiveFrom,
    weeklyHours: WEEKLY_HOURS,
    points: ["1", "2a", "2b", "3", "4"].map((name, i) => ({ name, annual: annual[i]!, yearsToNext: years[i] })),
    source,
    caveat,
  };
}

/** Pay points 1 to n, at least three years apart. */
function sas(grade: "Specialty doctor" | "Specialist", year: string, annual: number[], caveat?: string): PayScaleData {
  return {
    grade,
    year,
    effectiveFrom: `${year.slice(0, 4)}-04-01`,
    weeklyHours: WEEKLY_HOURS,
    points: annual.map((value, i) => ({ name: String(i + 1), annual: value, yearsToNext: i < annual.length - 1 ? 3 : undefined })),
    source: SAS_OFFER,
    caveat,
  };
}

export const MEDICAL_PAY: readonly PayScaleData[] = [
  resident("2025/26", "2025-04-01", [38831, 44439, 52656, 65048, 73992], RESIDENT_2025),
  resident("2024/25", "2024-04-01", [36616, 42008, 49909, 61825, 70425], HCSA_RESIDENT),
  resident("2023/24", "2023-04-01", [32398, 37303, 43923, 55329, 63152], BMA_RESIDENT, RESIDENT_2023_CAVEAT),
  consultant("2024/25", "2024-04-01", [105504, 111714, 114894, 126018, 139882], IMG_CONSULTANT_2024),
  consultant(
    "2023/24",
    "2024-03-01",
    [99532, 105390, 108390, 118884, 131964],
    BMA_CONSULTANT,
    "The reformed scale, from 1 March 2024; from 1 April 2023 to 29 February 2024 the old eight-threshold scale (£93,666 to £126,281) applied, which is not held.",
  ),
  // MC75-01 to -03, -04 to -06, -07 to -09, -10 to -12, -13 to -16 in 2023/24.
  sas("Specialty doctor", "2024/25", [55825, 64315, 71696, 79359, 90000], SAS_2024_CAVEAT),
  sas("Specialty doctor", "2023/24", [52530, 60519, 67465, 74675, 82400]),
  // MC70-01 to -03, -04 to -06, -07.
  sas("Specialist", "2024/25", [91500, 95079, 101089], SAS_2024_CAVEAT),
  sas("Specialist", "2023/24", [83945, 89610, 95275]),
];
