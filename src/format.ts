/** Formats used in messages and reasons, so every figure a planner reads looks the same. */

const pounds = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP", maximumFractionDigits: 0 });
const pence = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP", minimumFractionDigits: 2, maximumFractionDigits: 2 });
const oneDecimal = new Intl.NumberFormat("en-GB", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat("en-GB", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });

export const formatPounds = (value: number): string => pounds.format(value);
export const formatPence = (value: number): string => pence.format(value);
export const formatFte = (value: number): string => `${oneDecimal.format(value)} FTE`;
export const formatPercent = (fraction: number): string => percent.format(fraction);

/**
 * A value as an error message quotes it: text in quotes, and long text by its
 * first 40 characters and its length, so a 32,767-character cell never comes
 * back whole in a message.
 */
export function quoteValue(value: unknown): string {
  if (typeof value === "string") {
    return value.length <= 60
      ? JSON.stringify(value)
      : `${JSON.stringify(value.slice(0, 40)).slice(0, -1)}…" (${value.length.toLocaleString("en-GB")} characters)`;
  }
  const text = typeof value === "number" ? String(value) : (JSON.stringify(value) ?? String(value));
  return text.length <= 60 ? text : `${text.slice(0, 40)}…`;
}
