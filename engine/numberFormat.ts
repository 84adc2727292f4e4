/*
 * Shows a cell value as Excel would for the number formats planners use:
 * General, 0, 0.00, #,##0, #,##0.00, £#,##0(.00), 0%, 0.0%, and dates of
 * day, month and year (dd/mm/yyyy, yyyy-mm-dd, d mmm yyyy, and Excel's own
 * short date as an English computer shows it), with or without the time of
 * day (dd/mm/yyyy hh:mm, hh:mm:ss). Other formats
 * fall back to General.
 */

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** An Excel date serial (1900 system) in a pattern of day, month, year, hour, minute and second. */
function dateText(serial: number, pattern: string): string {
  const date = new Date(Math.round((serial - 25_569) * 86_400_000));
  const [y, mo, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  const [h, mi, s] = [date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()];
  const two = (n: number) => String(n).padStart(2, "0");
  let afterHour = false;
  return pattern.replace(/y+|m+|d+|h+|s+/gi, (token, at: number) => {
    const t = token.toLowerCase();
    const kind = t[0];
    // As in Excel, m or mm straight after hours, or before seconds, is minutes.
    const minutes = kind === "m" && t.length <= 2 && (afterHour || /^:?s/i.test(pattern.slice(at + token.length)));
    afterHour = kind === "h";
    if (kind === "y") return t.length <= 2 ? String(y).slice(-2) : String(y);
    if (kind === "d") return t.length === 1 ? String(d) : two(d);
    if (kind === "h") return t.length === 1 ? String(h) : two(h);
    if (kind === "s") return t.length === 1 ? String(s) : two(s);
    if (minutes) return t.length === 1 ? String(mi) : two(mi);
    return t.length >= 3 ? MONTHS[mo - 1]! : t.length === 2 ? two(mo) : String(mo);
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
  let pattern = format.split(";")[0]!.trim();
  // Excel's built-in short date (format 14, which exceljs names mm-dd-yy) follows the computer's locale: an English one shows dd/mm/yyyy.
  if (pattern === "mm-dd-yy") pattern = "dd/mm/yyyy";
  if (pattern === "" || pattern.toLowerCase() === "general" || pattern === "@") return general(value);
  if (/^[dmyhs]+([/\-. :][dmyhs]+)*$/i.test(pattern)) return dateText(value, pattern);
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
