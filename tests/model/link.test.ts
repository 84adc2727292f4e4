import { describe, expect, it } from "vitest";
import {
  findHeaderRow,
  leftOutText,
  planFromTables,
  postCost,
  proposeFields,
  proposeLinks,
  resolveLink,
  runScenario,
  storedLink,
  type TableData,
} from "../../src/index.ts";

/*
 * Linking a trust's own layout: header rows under titles, ESR's column names,
 * columns known only by their values, links that survive moved columns, and
 * bad rows that are left out and listed, never stopping the rest.
 */

describe("finding the header row", () => {
  it("passes over title rows and blank rows above the header", () => {
    const rows = [
      ["NHS Workforce Statistics, staff in post", "", ""],
      ["Organisation: Example Trust, March 2026", "", ""],
      ["", "", ""],
      ["Assignment Number", "Staff Group", "Pay Band", "Contracted WTE"],
      ["10000001", "Nursing and Midwifery Registered", "Band 5", 1],
    ];
    expect(findHeaderRow(rows)).toEqual({ row: 3, fieldsNamed: 4 });
  });

  it("takes the first row of text over data when no header names a field", () => {
    const rows = [
      ["Ward", "Beds"],
      ["Ward 1", 28],
    ];
    expect(findHeaderRow(rows)).toEqual({ row: 0, fieldsNamed: 0 });
    expect(
      findHeaderRow([
        [1, 2],
        [3, 4],
      ]),
    ).toBeUndefined();
  });
});

describe("finding each field's column", () => {
  it("reads ESR's own column names, whatever their case and punctuation", () => {
    const headers = ["Assignment Number", "Organisation", "Staff_Group", "Grade", "Pay Band", "CONTRACTED WTE", "Cost Centre"];
    const fields = proposeFields("staff", headers);
    // "Pay Band" is preferred to ESR's "Grade", whose values are ESR grade codes.
    expect(fields).toMatchObject({
      staffGroup: { column: 2, by: "header" },
      band: { column: 4, by: "header" },
      fte: { column: 5, by: "header" },
      costCentre: { column: 6, by: "header" },
      assignmentNumber: { column: 0, by: "header" },
      organisation: { column: 1, by: "header" },
    });
    expect(fields.hours).toBeUndefined();
  });

  it("finds a band and hours by their values where the headers do not say", () => {
    const headers = ["Staff group", "Level", "Weekly"];
    const sample = [
      ["Nursing", "Band 5", 37.5],
      ["Nursing", "Band 6", 30],
      ["Nursing", "Band 8a", 37.5],
    ];
    expect(proposeFields("staff", headers, sample)).toEqual({
      staffGroup: { column: 0, by: "header" },
      band: { column: 1, by: "values" },
      hours: { column: 2, by: "values" },
    });
  });

  it("links each part to the candidate that fits it best, each candidate once", () => {
    const links = proposeLinks([
      { id: "sheet:Notes", headers: ["Title", "Text"], sample: [] },
      { id: "sheet:ESR", headers: ["Staff Group", "Pay Band", "Contracted Hours"], sample: [] },
      { id: "name:Activity", headers: ["Point of delivery", "Planned activity", "Currency"], sample: [] },
      { id: "table:tblStandards", headers: ["Service line", "Staff group", "Minutes per unit"], sample: [] },
    ]);
    expect(Object.fromEntries(Object.entries(links).map(([role, link]) => [role, link!.source]))).toEqual({
      staff: "sheet:ESR",
      activity: "name:Activity",
      standards: "table:tblStandards",
    });
  });
});

describe("a stored link", () => {
  it("follows its columns by header text when they move, and reports one that has gone", () => {
    const headers = ["Staff Group", "Pay Band", "Contracted Hours", "Area"];
    const link = storedLink({ source: "sheet:ESR", fields: proposeFields("staff", headers) }, headers);
    expect(link.fields).toEqual({ staffGroup: "Staff Group", band: "Pay Band", hours: "Contracted Hours", area: "Area" });
    // Columns moved, one added: each field follows its header.
    expect(resolveLink(link, ["Pay Band", "Notes", "Contracted Hours", "Staff Group", "Area"], "ESR!A1")).toEqual({
      columns: { staffGroup: 3, band: 0, hours: 2, area: 4 },
      problems: [],
    });
    // A column that has gone is reported, not guessed from what is left.
    expect(resolveLink(link, ["Staff Group", "Pay Band", "Hours", "Area"], "ESR!A1").problems).toEqual([
      'ESR!A1: the column "Contracted Hours" linked as Contracted hours is no longer there; link Contracted hours to a column again',
    ]);
  });
});

describe("reading a plan whose rows are not all good", () => {
  const table = (name: string, headers: string[], rows: unknown[][], top = 0): TableData => ({
    name,
    sheet: name,
    headers,
    rows,
    top,
    left: 0,
  });

  it("leaves out each bad row with its cell and what was expected, and reads the rest", () => {
    const staff = table(
      "ESR",
      ["Staff Group", "Pay Band", "Contracted WTE"],
      [
        ["Nursing", "Band 5", 1],
        ["Nursing", "Band 55", 1],
        ["Nursing", "Band 5", "full"],
        ["Nursing", "Band 6", 0.5],
        ["", "Band 5", 1],
      ],
      3, // title rows above: the header is on sheet row 4
    );
    const activity = table("Activity", ["Service line", "Total"], [["Bed days", 1000]]);
    const standards = table("Standards", ["Service line", "Staff group", "Minutes per unit"], [["Bed days", "Nursing", 60]]);
    const { input, leftOut, cells } = planFromTables({ staff, activity, standards }, { name: "x", startYear: "2025/26", horizonYears: 1 });
    // The cells behind the group's need, for a failed check to link to.
    expect(cells.get("Nursing")).toEqual({
      standards: [{ sheet: "Standards", row: 1, column: 2, place: "Standards!C2" }],
      budget: [],
      establishment: [],
      temporary: [],
    });
    expect(leftOut.map(leftOutText)).toEqual([
      expect.stringMatching(/^ESR!B6: band "Band 55" is not/),
      'ESR!C7: contracted WTE "full" must be a number of 0 or more',
      "ESR!A9: the staff group is blank: every row needs one",
    ]);
    expect(leftOut[1]).toMatchObject({ sheet: "ESR", row: 6, column: 2, value: "full" });
    // The rest are read: Band 5 at 1 WTE and Band 6 at 0.5 WTE (WTE x 37.5 hours, over 37.5).
    const nursing = input.staffGroups.find((g) => g.name === "Nursing")!;
    expect(nursing.grades.map((g) => [g.grade, g.inPostFte])).toEqual([
      ["5", 1],
      ["6", 0.5],
    ]);
  });
});

describe("the planner's high cost area", () => {
  it("costs staff rows that give no area in the area chosen", () => {
    const staff: TableData = {
      name: "Staff",
      sheet: "Staff",
      headers: ["Staff group", "Band", "Contracted hours"],
      rows: [["Nursing", "Band 5", 37.5]],
      top: 0,
      left: 0,
    };
    const activity: TableData = {
      name: "Activity",
      sheet: "Activity",
      headers: ["Service line", "Total"],
      rows: [["Visits", 1000]],
      top: 0,
      left: 0,
    };
    const standards: TableData = {
      name: "Standards",
      sheet: "Standards",
      headers: ["Service line", "Staff group", "Minutes per unit"],
      rows: [["Visits", "Nursing", 60]],
      top: 0,
      left: 0,
    };
    const { input } = planFromTables({ staff, activity, standards }, { name: "x", startYear: "2024/25", horizonYears: 1, area: "inner" });
    expect(input.options?.area).toBe("inner");
    // One whole-time band 5 in post, no flows: its year-1 cost is WFP.COST's with inner London HCAS (held to 2024/25).
    expect(runScenario(input).rows[0]!.substantiveCost).toBeCloseTo(postCost("5", 1, { year: "2024/25", area: "inner" }).total, 6);
    expect(postCost("5", 1, { year: "2024/25", area: "inner" }).total).toBeGreaterThan(postCost("5", 1, { year: "2024/25" }).total);
  });
});
