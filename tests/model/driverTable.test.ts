import { describe, expect, it } from "vitest";
import {
  DRIVERS,
  driverValues,
  isNone,
  parseScenario,
  scenarioAssumptions,
  scenarioFromTables,
  SCALAR_DRIVERS,
  STAR_POINTS,
  withPoints,
  type DriverEntry,
  type ScenarioInput,
  type StarPoint,
  type TableData,
} from "../../src/index.ts";
import { DEFAULT_FORM, formFromScenario, readForm, type ScenarioForm } from "../../taskpane/useCases/scenarioForm.ts";

/*
 * The drivers table is the one list of drivers: these tests loop over it, so a
 * driver added there is covered the day it is added. Every action is undone
 * in the HEE Star's no-action stage (and nothing else is); every scenario-wide
 * driver goes from the form to the store and back unchanged, and the
 * assumptions say it.
 */

const table = (name: string, headers: string[], rows: unknown[][]): TableData => ({ name, sheet: name, headers, rows, top: 0, left: 0 });
const tables = {
  staff: table(
    "Staff",
    ["Staff group", "Band", "Contracted hours"],
    [
      ["Nursing", "Band 5", 37.5],
      ["Nursing", "Band 6", 37.5],
    ],
  ),
  activity: table("Activity", ["Service line", "Activity"], [["Wards", 10_000]]),
  standards: table("Standards", ["Service line", "Staff group", "Minutes per unit"], [["Wards", "Nursing", 30]]),
};

const SEP_OCT = [0, 0, 0, 0, 0, 0.5, 0.5, 0, 0, 0, 0, 0];

/** A scenario in which every driver of the table is set to something other than none. */
function everyDriverSet(): ScenarioInput {
  const input = scenarioFromTables(tables, { name: "All set", startYear: "2025/26", horizonYears: 3 });
  // A driver of each typing set to something: a percentage, FTE, a profile (half in September, half in October) or a month.
  const someValue = (e: DriverEntry) =>
    e.typed === "profile"
      ? SEP_OCT
      : e.typed === "month"
        ? 6
        : e.typed === "fte"
          ? 2
          : e.typed === "choice"
            ? e.choices!.at(-1)!.value
            : 0.05;
  const set: Record<DriverEntry["home"], (entry: DriverEntry, scenario: ScenarioInput) => ScenarioInput> = {
    drivers: (e, s) => ({ ...s, drivers: { ...s.drivers, [e.key]: someValue(e) } }),
    options: (e, s) => ({ ...s, options: { ...s.options, [e.key]: e.typed === "choice" ? e.choices!.at(-1)!.value : 0.05 } }),
    bank: (e, s) => ({
      ...s,
      drivers: { ...s.drivers, collaborativeBank: { share: 0.2, fee: 0.05, ...s.drivers?.collaborativeBank, [e.stored!]: 0.1 } },
    }),
    group: (e, s) => ({ ...s, staffGroups: s.staffGroups.map((g) => ({ ...g, [e.key]: someValue(e) })) }),
    line: (e, s) => ({ ...s, serviceLines: s.serviceLines!.map((l) => ({ ...l, [e.stored!]: 0.05 })) }),
    list: (e, s) => ({
      ...s,
      drivers: {
        ...s.drivers,
        [e.key]:
          e.key === "newRoles"
            ? [{ staffGroup: "Nursing", grade: "4", fte: 2, fromYear: 1 }]
            : e.key === "skillShift"
              ? [{ staffGroup: "Nursing", from: "5", to: "6", share: 0.1, byYear: 2 }]
              : [{ staffGroup: "Nursing", shares: { "5": 0.5, "6": 0.5 }, byYear: 2 }],
      },
    }),
  };
  return DRIVERS.reduce((scenario, entry) => set[entry.home](entry, scenario), input);
}

describe("the drivers table", () => {
  it("names each driver once at its home, and the schema accepts every one of them", () => {
    const keys = DRIVERS.map((d) => `${d.home}.${d.key}`);
    expect(new Set(keys).size).toBe(keys.length);
    const input = everyDriverSet();
    const parsed = parseScenario(input);
    for (const entry of DRIVERS)
      for (const value of driverValues(parsed as ScenarioInput, entry))
        expect(isNone(entry, value), `${entry.key} was dropped`).toBe(false);
  });

  it("undoes every action in the Star's no-action stage, and nothing that is not an action", () => {
    const input = everyDriverSet();
    const none = withPoints(input, new Set());
    for (const entry of DRIVERS) {
      const values = driverValues(none, entry);
      const action = "star" in entry;
      for (const value of values)
        expect(isNone(entry, value), `${entry.key}: ${action ? "an action left on" : "the world undone"}`).toBe(action);
    }
    // Each point keeps exactly its own actions.
    for (const { point } of STAR_POINTS) {
      const only = withPoints(input, new Set<StarPoint>([point]));
      for (const entry of DRIVERS.filter((d) => "star" in d))
        for (const value of driverValues(only, entry)) expect(isNone(entry, value)).toBe((entry as { star: StarPoint }).star !== point);
    }
    expect(withPoints(input, new Set(STAR_POINTS.map((p) => p.point)))).toEqual(input);
  });

  it("names each point's drivers in the Star's table from the entries", () => {
    expect(Object.fromEntries(STAR_POINTS.map((p) => [p.point, p.drivers]))).toEqual({
      supply: "vacancy fill, international recruits, bank conversions",
      upskilling: "upskilling, skill mix targets",
      newRoles: "new roles",
      newWaysOfWorking: "productivity, agency reduction, collaborative bank, collaborative bank's fee",
      leadership: "retention",
    });
  });

  it("takes every scenario-wide driver from the form to the store and back, and the assumptions say it", () => {
    // Each driver set to a value other than its default: the last choice, or a percentage by year.
    const typed = Object.fromEntries(
      SCALAR_DRIVERS.map((d) => [
        d.key,
        d.typed === "choice"
          ? d.choices.at(-1)!.value
          : d.typed === "yearly"
            ? "4%; 6%"
            : d.typed === "profile"
              ? "Sep 60%, Oct 40%"
              : d.typed === "month"
                ? "Oct"
                : d.typed === "pounds"
                  ? "2070000"
                  : "7%",
      ]),
    );
    const form: ScenarioForm = { ...DEFAULT_FORM, name: "Round trip", startYear: "2025/26", years: "3", ...typed };
    const read = readForm(form);
    expect(read.problems).toEqual([]);
    const stored = JSON.parse(JSON.stringify(scenarioFromTables(tables, read.choices!))) as ScenarioInput;
    const { form: back } = formFromScenario(stored);
    for (const d of SCALAR_DRIVERS) expect(back[d.key], d.key).toBe(form[d.key]);
    expect(readForm(back).choices).toEqual(read.choices);

    const said = new Map(scenarioAssumptions(parseScenario(stored), new Date(0)));
    expect(said.get("Activity growth")).toBe("year 2: 4%, year 3: 6% a year");
    expect(said.get("Retention")).toBe("year 1: 4%, year 2: 6% fewer leavers");
    expect(said.get("Collaborative bank")).toBe("year 1: 4%, year 2: 6% of agency cover a year, fee 7%");
    expect(said.get("Headroom")).toBe("7%");
    expect(said.get("High cost area")).toBe("fringe");
    expect(said.get("Starters arrive")).toBe("Sep 60%, Oct 40%");
    expect(said.get("Pay award from")).toBe("Oct");
    expect(said.get("Months")).toBe("every plan year");
    expect(said.get("Agency spend the year before")).toBe("£2,070,000");
    expect(said.get("Agency spend cut")).toBe("7%");
    for (const d of SCALAR_DRIVERS.filter((e) => e.key !== "bankFee"))
      expect(
        [...said.keys()].map((k) => k.toLowerCase()),
        d.key,
      ).toContain(d.name.toLowerCase());
  });
});
