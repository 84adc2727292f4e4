/*
 * Shows a cell value as Excel would for the number formats planners use:
 * General, 0, 0.00, #,##0, #,##0.00, £#,##0(.00), 0%, 0.0%, and dates of
 * day, month and year (dd/mm/yyyy, yyyy-mm-dd, d mmm yyyy). Other formats
 * fall back to General.
 */

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** An Excel date serial (1900 system) in a day-month-year pattern. */
function dateText(serial: number, pattern: string): string {
  const date = new Date(Math.round((serial - 25_569) * 86_400_000));
  const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  return pattern.replace(/y+|m+|d+/gi, (token) => {
    const t = token.toLowerCase();
    if (t[0] === "y") return t.length <= 2 ? String(y).slice(-2) : String(y);
    if (t[0] === "d") return t.length === 1 ? String(d) : String(d).padStart(2, "0");
    return t.length >= 3 ? MONTHS[m - 1]! : t.length === 2 ? String(m).padStart(2, "0") : String(m);
  });
}

function general(value: number): string {
  if (Number.isInteger(value)) return String(value);
  // Excel's General shows up to 11 characters: round to 10 significant digits.
  return String(Number(value.toPrecision(10)));
}

export function formatValue(value: unknown, format = "General"): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value !== "number") return String(value);
  const pattern = format.split(";")[0]!.trim();
  if (pattern === "" || pattern.toLowerCase() === "general" || pattern === "@") return general(value);
  if (/^[dmy]+([/\-. ][dmy]+)*$/i.test(pattern)) return dateText(value, pattern);
  const percent = pattern.endsWith("%");
  const currency = /^[£$€]/.exec(pattern)?.[0] ?? "";
  const decimals = /\.(0+)/.exec(pattern)?.[1]?.length ?? 0;
  const grouping = pattern.includes(",");
  if (!/^[£$€]?[#0,]*(\.0+)?%?$/.test(pattern)) return general(value);
  const shown = percent ? value * 100 : value;
  const text = Math.abs(shown).toLocaleString("en-GB", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: grouping,
  });
  return `${shown < 0 && Number(text.replace(/,/g, "")) !== 0 ? "-" : ""}${currency}${text}${percent ? "%" : ""}`;
}
