/** Formats used in messages and reasons, so every figure a planner reads looks the same. */

const pounds = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP", maximumFractionDigits: 0 });
const pence = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP", minimumFractionDigits: 2, maximumFractionDigits: 2 });
const oneDecimal = new Intl.NumberFormat("en-GB", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat("en-GB", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });

export const formatPounds = (value: number): string => pounds.format(value);
export const formatPence = (value: number): string => pence.format(value);
export const formatFte = (value: number): string => `${oneDecimal.format(value)} FTE`;
export const formatPercent = (fraction: number): string => percent.format(fraction);
