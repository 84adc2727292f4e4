import { catalogue } from "../../functions/catalogue.ts";
import { describe, expect, it } from "vitest";
import { errorOf, evaluate } from "./helpers.ts";

// Every expected value is from a source (NHS Employers' pay scales, HMRC, NHS
// Digital, NHS England, WHO) or a hand calculation written beside it.

describe("WFP.FTE and WFP.HEADCOUNT", () => {
  it("computes one value, and a whole range in one call", async () => {
    expect(await evaluate("=WFP.FTE(30)")).toBe(0.8);
    expect(await evaluate("=WFP.FTE(32, 40)")).toBe(0.8);
    expect(await evaluate("=WFP.FTE(Data!A1:A3)", [[37.5], [30], [15]])).toEqual([[1], [0.8], [0.4]]);
    expect(await evaluate("=SUM(WFP.FTE(Data!A1:A1000))", [[37.5], [30], [15]])).toBeCloseTo(2.2, 12);
  });
  it("gives blanks for blank cells, not zeros or errors", async () => {
    expect(await evaluate("=WFP.FTE(Data!A1:A3)", [[37.5], [null], [15]])).toEqual([[1], [""], [0.4]]);
  });
  it("broadcasts a single standard week over a range, and two ranges cell by cell", async () => {
    expect(
      await evaluate("=WFP.FTE(Data!A1:A2, Data!B1:B2)", [
        [30, 37.5],
        [32, 40],
      ]),
    ).toEqual([[0.8], [0.8]]);
  });
  it("refuses negative hours with #NUM! and text with #VALUE!, naming the argument", async () => {
    // As in Excel, #NUM! carries no message to the cell; the function's reference says what it means, and the model still knows why.
    expect(errorOf(await evaluate("=WFP.FTE(-5)"))).toEqual({ code: "#NUM!", message: "" });
    expect(catalogue.FTE!.errors["#NUM!"]).toBe("hours or standard_hours is negative");
    expect(String(catalogue.FTE!.run([[-5]])[0]![0])).toBe("#NUM! hours cannot be negative (got -5)");
    expect(errorOf(await evaluate('=WFP.FTE("lots")'))).toEqual({
      code: "#VALUE!",
      message: 'hours must be a number, not the text "lots"',
    });
    expect(errorOf(await evaluate("=WFP.FTE(30, 0)")).code).toBe("#DIV/0!");
  });
  it("reads numbers stored as text, as Excel's arithmetic does", async () => {
    expect(await evaluate('=WFP.FTE(" 30 ")')).toBe(0.8);
  });
  it("HEADCOUNT rounds up", async () => {
    expect(await evaluate("=WFP.HEADCOUNT(10, 0.8)")).toBe(13);
    expect(await evaluate("=WFP.HEADCOUNT(Data!A1:A2)", [[2.1], [3]])).toEqual([[3], [3]]);
  });
});

describe("WFP.PAY", () => {
  it("reads NHS Employers' 2025/26 table by band, point and year in every spelling", async () => {
    expect(await evaluate("=WFP.PAY(5)")).toBe(37796);
    expect(await evaluate('=WFP.PAY("Band 5", "entry", "2025/26")')).toBe(31049);
    expect(await evaluate('=WFP.PAY("Band 8A", 2, 2025)')).toBe(58487);
    expect(await evaluate('=WFP.PAY("6", "top", "2024-25")')).toBe(44962);
    expect(await evaluate('=WFP.PAY(3, "mid", "2023/24")')).toBe((22816 + 24336) / 2);
  });
  it("spills a column of bands", async () => {
    expect(await evaluate('=WFP.PAY(Data!A1:A3, "top", "2025/26")', [["Band 2"], ["8a"], [9]])).toEqual([[24465], [62682], [125637]]);
  });
  it("says what is allowed when the band, year or point is wrong", async () => {
    expect(errorOf(await evaluate("=WFP.PAY(10)"))).toEqual({
      code: "#VALUE!",
      message:
        'band 10 is not an Agenda for Change band: use 2-9, 8a-8d (as 5, "5", "Band 5", "8a"), a training grade (FY1, FY2, CT1-CT3, ST1-ST8), Resident doctor, Specialty doctor, Specialist or Consultant',
    });
    expect(errorOf(await evaluate('=WFP.PAY("9", "top", "2024/25")'))).toEqual({
      code: "#VALUE!",
      message: "Band 9 pay for 2024/25 is not held: held years for Band 9 are 2025/26, 2023/24",
    });
    expect(errorOf(await evaluate('=WFP.PAY(5, "highest")')).message).toMatch(/point "highest" is not a pay point/);
    expect(errorOf(await evaluate('=WFP.PAY("Consultant", 1, "2025/26")')).message).toBe(
      "Consultant pay for 2025/26 is not held: held years for Consultant are 2024/25, 2023/24",
    );
  });
});

describe("WFP.HCAS, WFP.ONCOSTS and WFP.COST", () => {
  it("HCAS is the percentage bounded by the minimum and maximum (2023/24; 2024/25 by default, the newest held)", async () => {
    expect(await evaluate('=WFP.HCAS(34581, "inner", "2023/24")')).toBeCloseTo(6916.2, 10);
    expect(await evaluate('=WFP.HCAS(22383, "inner", "2023/24")')).toBe(5132);
    expect(await evaluate('=WFP.HCAS(57349, "inner", "2023-24")')).toBe(7745);
    expect(await evaluate('=WFP.HCAS(37796, "none")')).toBe(0);
    // 2024/25: inner 20%, £5,415 to £8,171; outer 15%, £4,552 to £5,735; fringe 5%, £1,258 to £2,121.
    expect(await evaluate('=WFP.HCAS(37796, "inner")')).toBeCloseTo(7559.2, 10);
    expect(await evaluate('=WFP.HCAS(60504, "inner")')).toBe(8171);
    expect(await evaluate('=WFP.HCAS(23615, "outer")')).toBe(4552);
    expect(await evaluate('=WFP.HCAS(50000, "fringe", "2024/25")')).toBe(2121);
    expect(errorOf(await evaluate('=WFP.HCAS(37796, "inner", "2025/26")'))).toEqual({
      code: "#VALUE!",
      message: "high cost area supplement rates for 2025/26 are not held: held years are 2024/25, 2023/24",
    });
    expect(errorOf(await evaluate('=WFP.HCAS(37796, "Leeds")')).code).toBe("#VALUE!");
  });
  it("ONCOSTS: band 5 top in 2025/26, by component", async () => {
    expect(await evaluate("=WFP.ONCOSTS(37796)")).toBeCloseTo(14096.2688, 8);
    expect(await evaluate('=WFP.ONCOSTS(37796, "2025/26", "ni")')).toBeCloseTo(4919.4, 10); // 15% x (37,796 - 5,000)
    expect(await evaluate('=WFP.ONCOSTS(37796, "2025/26", "pension_local")')).toBeCloseTo(5435.0648, 10);
    expect(await evaluate('=WFP.ONCOSTS(36483, "2024/25", "ni")')).toBeCloseTo(3778.854, 10); // 13.8% x (36,483 - 9,100)
    expect(await evaluate('=WFP.ONCOSTS(4000, "2025/26", "ni")')).toBe(0);
    expect(errorOf(await evaluate('=WFP.ONCOSTS(37796, , "bonus")')).message).toMatch(/component "bonus" is not an on-cost/);
  });
  it("COST: band 5 top, whole-time, 2025/26 = £51,892.2688; and a group of 2.5 FTE", async () => {
    expect(await evaluate('=WFP.COST("5", 1, "top", "2025/26")')).toBeCloseTo(51892.2688, 8);
    const half = 18898 + 0.15 * (18898 - 5000) + 0.2378 * 18898 + 0.005 * 18898;
    expect(await evaluate("=WFP.COST(5, 2.5)")).toBeCloseTo(2 * 51892.2688 + half, 6);
    // 2023/24, inner London: 34,581 + 6,916.20, plus 13.8% NI above £9,100, 20.68% pension, 0.5% levy
    expect(await evaluate('=WFP.COST(5, 1, , "2023/24", "inner")')).toBeCloseTo(54757.12056, 6);
  });
  it("COST spills over a workforce extract", async () => {
    const result = (await evaluate("=WFP.COST(Data!A1:A2, Data!B1:B2)", [
      ["Band 5", 1],
      ["Band 3", 1],
    ])) as number[][];
    expect(result[0]![0]).toBeCloseTo(51892.2688, 8);
    expect(result[1]![0]).toBeCloseTo(36295.6944, 8);
  });
});

describe("WFP.UPLIFT and WFP.ACTIVITY_FTE", () => {
  it("headroom, additive and compound", async () => {
    expect(await evaluate("=WFP.UPLIFT(Data!A1:A4)", [[0.15], [0.04], [null], [0.03]])).toBeCloseTo(0.22, 12);
    expect(await evaluate('=WFP.UPLIFT({0.15,0.04,0.03}, "compound")')).toBeCloseTo(1 / 0.78 - 1, 12);
    expect(errorOf(await evaluate("=WFP.UPLIFT(Data!A1:A2)", [[15], [4]])).code).toBe("#NUM!");
  });
  it("activity-based FTE", async () => {
    expect(await evaluate("=WFP.ACTIVITY_FTE(10000, 20, 1500)")).toBeCloseTo(2.2222222222, 9);
    expect(await evaluate("=WFP.ACTIVITY_FTE(10000, 20, 1500, 0.22)")).toBeCloseTo(2.7111111111, 9);
    expect(await evaluate("=WFP.ACTIVITY_FTE(0, 20)")).toBe(0);
  });
});

describe("WHO WISN", () => {
  it("AWT and required staff (HIV clinic, Human Resources for Health 2017, Table 3: 17.46)", async () => {
    expect(await evaluate("=WFP.WISN_AWT(260, 8, 27, 10, 5, 7.5)")).toBe(1575);
    expect(await evaluate("=WFP.WISN(100000, 15, 1432)")).toBeCloseTo(17.46, 2);
    // Two activities: 5,728 and 2,864 units of 15 and 30 minutes = 1 + 1 staff; CAS 10%, IAS 143.2 h
    expect(
      await evaluate("=WFP.WISN(Data!A1:A2, Data!B1:B2, 1432, 10, 143.2)", [
        [5728, 15],
        [2864, 30],
      ]),
    ).toBeCloseTo(2 / 0.9 + 0.1, 10);
    expect(await evaluate("=WFP.WISN_RATIO(17, 17.46)")).toBeCloseTo(0.97365, 5);
    expect(
      errorOf(
        await evaluate("=WFP.WISN(Data!A1:A2, Data!B1:B3, 1432)", [
          [1, 1],
          [1, 1],
          [null, 1],
        ]),
      ).message,
    ).toMatch(/unit_minutes has 3 values but workloads has 2/);
  });
});

describe("nursing, skill mix, supply, vacancy and turnover", () => {
  it("CHPPD: NHS England's example 2,700 / 300 = 9.0; establishment for a target", async () => {
    expect(await evaluate("=WFP.CHPPD(2700, 300)")).toBe(9);
    expect(await evaluate("=WFP.NURSING_FTE(8, 28, 0.92, 0.22)")).toBeCloseTo(((8 * 28 * 0.92 * 365) / 1955.3625) * 1.22, 10);
    expect(errorOf(await evaluate("=WFP.NURSING_FTE(8, 28, 92)")).code).toBe("#NUM!");
  });
  it("skill mix share and the cost of moving from 70:30 to 60:40", async () => {
    const data = [
      [70, "RN", "Band 5"],
      [30, "HCA", "Band 3"],
    ];
    expect(await evaluate('=WFP.SKILLMIX(Data!A1:A2, Data!B1:B2, "rn")', data)).toBe(0.7);
    expect(await evaluate('=WFP.MIXCOST(Data!C1:C2, Data!A1:A2, "2025/26")', data)).toBeCloseTo(47213.29648, 6);
    expect(await evaluate('=WFP.MIXCOST({"5";"3"}, {60;40}, "2025/26")')).toBeCloseTo(45653.63904, 6);
  });
  it("supply takes its number of years from a cell holding a number", async () => {
    expect(await evaluate("=WFP.SUPPLY(100, 0.1, 8, Data!A1)", [[4]])).toEqual([
      [98, expect.closeTo(96.2, 10), expect.closeTo(94.58, 10), expect.closeTo(93.122, 10)],
    ]);
  });
  it("supply spills a row of year-end FTE", async () => {
    const row = (await evaluate("=WFP.SUPPLY(100, 0.1, 8, 3)")) as number[][];
    expect(row[0]).toEqual([98, expect.closeTo(96.2, 10), expect.closeTo(94.58, 10)]);
    const bad = (await evaluate("=WFP.SUPPLY(100, 1.5, 8, 3)")) as unknown[][];
    expect(errorOf(bad[0]![0])).toEqual({ code: "#NUM!", message: "" });
    expect(String(catalogue.SUPPLY!.run(100, 1.5, 8, 3)[0]![0])).toBe(
      "#NUM! leaver_rate must be a fraction from 0 to 1 (got 1.5; 25% is 0.25)",
    );
  });
  it("vacancy rate and turnover, element-wise", async () => {
    expect(await evaluate("=WFP.VACANCY_RATE(100, 90)")).toBeCloseTo(0.1, 12);
    expect(
      await evaluate("=WFP.VACANCY_RATE(Data!A1:A2, Data!B1:B2)", [
        [100, 90],
        [50, 50],
      ]),
    ).toEqual([[expect.closeTo(0.1, 12)], [0]]);
    expect(await evaluate("=WFP.TURNOVER(12, 120)")).toBe(0.1);
    expect(errorOf(await evaluate("=WFP.TURNOVER(12, 0)")).code).toBe("#DIV/0!");
  });
});

describe("errors flow like Excel's", () => {
  it("an error in an input cell passes through to its own result cell", async () => {
    const result = (await evaluate("=WFP.FTE(Data!A1:A2)", [["=1/0"], [30]])) as unknown[][];
    expect(errorOf(result[0]![0]).code).toBe("#DIV/0!");
    expect(result[1]![0]).toBe(0.8);
  });
  it("ranges of different sizes give #N/A beyond the shorter one", async () => {
    const result = (await evaluate("=WFP.FTE(Data!A1:A3, Data!B1:B2)", [
      [30, 37.5],
      [30, 37.5],
      [30, null],
    ])) as unknown[][];
    expect(result[0]![0]).toBe(0.8);
    expect(errorOf(result[2]![0]).code).toBe("#N/A");
  });
});

describe("arguments of every kind, as analysts will pass them", () => {
  it("refuses booleans where numbers are needed, naming the argument", async () => {
    expect(errorOf(await evaluate("=WFP.FTE(TRUE())"))).toEqual({ code: "#VALUE!", message: "hours must be a number, not TRUE" });
    expect(errorOf(await evaluate("=WFP.COST(5, FALSE())"))).toEqual({ code: "#VALUE!", message: "fte must be a number, not FALSE" });
  });
  it("broadcasts a row of points against a column of bands into a grid", async () => {
    expect(await evaluate('=WFP.PAY(Data!A1:A2, {"entry","top"}, "2025/26")', [["Band 5"], ["Band 6"]])).toEqual([
      [31049, 37796],
      [38682, 46580],
    ]);
  });
  it("takes a one-cell range where one value is expected, and refuses a larger one", async () => {
    expect(await evaluate("=WFP.SUPPLY(Data!A1, 0.1, 8, 2)", [[100]])).toEqual([[98, expect.closeTo(96.2, 10)]]);
    const bad = (await evaluate("=WFP.SUPPLY(Data!A1:A2, 0.1, 8, 2)", [[100], [50]])) as unknown[][];
    expect(errorOf(bad[0]![0]).message).toBe("start_fte takes one value, not a range of 2 cells");
  });
  it("reads percentages typed as text", async () => {
    expect(await evaluate('=WFP.UPLIFT({"15%","4%","3%"})')).toBeCloseTo(0.22, 12);
  });
  it("takes the default for a blank optional argument", async () => {
    expect(await evaluate("=WFP.FTE(30, Data!A1)", [[null]])).toBe(0.8); // blank standard_hours: 37.5
  });
});

describe("medical grades and pay tables in formulas", () => {
  it("pays 2024/25 band 8a at the top its source gives, £60,504", async () => {
    expect(await evaluate('=WFP.PAY("Band 8A","top","2024/25")')).toBe(60504);
  });
  it("pays and costs resident doctors by training grade and consultants by threshold or years completed", async () => {
    expect(await evaluate('=WFP.PAY("FY1")')).toBe(38831); // 2025/26, the newest year held
    expect(await evaluate('=WFP.PAY({"FY2","CT2","ST4","ST7"},,"2024/25")')).toEqual([[42008, 49909, 61825, 70425]]);
    expect(await evaluate('=WFP.PAY("Consultant","8 years")')).toBe(126018); // 2024/25, threshold 3
    expect(await evaluate('=WFP.PAY("Consultant","2b","2023/24")')).toBe(108390);
    expect(await evaluate('=WFP.COST("FY1",1)')).toBeCloseTo(53333.8168, 8);
    expect(await evaluate('=WFP.COST("Consultant",1,1,"2024/25")')).toBeCloseTo(144424.1232, 8);
    expect(errorOf(await evaluate('=WFP.PAY("ST4",5)')).message).toMatch(/^ST4 is paid on nodal point 4/);
  });
  it("costs in a high cost area in the newest year that holds both pay and the supplement (2024/25)", async () => {
    // Band 5 top 2024/25 36,483 + inner London 20% = 7,296.60, with on-costs at 2024/25 rates.
    const pay = 36483 + 7296.6;
    expect(await evaluate('=WFP.COST(5,1,"top",,"inner")')).toBeCloseTo(pay + 0.138 * (pay - 9100) + 0.2378 * pay + 0.005 * pay, 8);
  });
  it("takes a pay table from the workbook that overrides the built-in rows it holds, and names a missing row", async () => {
    // A trust's own figures, made up for the test.
    const data = [
      ["Year", "Band or grade", "Point", "Annual pay"],
      ["2026/27", "Band 5", "entry", 32000],
      ["2026/27", "Band 5", "top", 39000],
      ["2025/26", "Band 5", "top", 40000],
    ];
    expect(await evaluate('=WFP.PAY(5,"top","2026/27",Data!A1:D4)', data)).toBe(39000);
    expect(await evaluate("=WFP.PAY(5,,,Data!A1:D4)", data)).toBe(39000);
    expect(await evaluate('=WFP.PAY(5,{"entry","top"},"2025/26",Data!A1:D4)', data)).toEqual([[31049, 40000]]);
    expect(await evaluate('=WFP.COST(5,1,"top","2026/27",,Data!A1:D4)', data)).toBeCloseTo(39000 + 5100 + 9274.2 + 195, 8);
    expect(errorOf(await evaluate('=WFP.PAY(6,"top","2026/27",Data!A1:D4)', data)).message).toBe(
      "Band 6 pay for 2026/27 is not held (nor is there a row for 2026/27, Band 6 in the pay table pay_table): held years for Band 6 are 2025/26, 2024/25, 2023/24",
    );
    const bad = [...data, ["2026/27", "Band 7", "top", "tbc"]];
    expect(await evaluate('=WFP.PAY({5,6},"top","2026/27",Data!A1:D5)', bad)).toEqual([
      [expect.objectContaining({ message: expect.stringContaining('pay_table row 5: annual pay "tbc"') }), expect.anything()],
    ]);
  });
});

describe("WFP.MIXCOST with doctors", () => {
  it("costs a training grade at its nodal point: FY1 and FY2 half and half in 2025/26", async () => {
    const loaded = (annual: number) => annual + 0.15 * (annual - 5000) + 0.2378 * annual + 0.005 * annual;
    expect(await evaluate('=WFP.MIXCOST({"FY1","FY2"},{1,1},"2025/26")')).toBeCloseTo((loaded(38831) + loaded(44439)) / 2, 8);
  });
});
