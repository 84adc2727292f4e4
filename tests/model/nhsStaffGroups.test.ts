import { describe, expect, it } from "vitest";
import { NHS_STAFF_GROUPS, nhsGroupOf } from "../../src/reference/index.ts";

describe("NHS staff groups", () => {
  it("maps the sample trust's own groups to the NHS Workforce Statistics groups", () => {
    expect(nhsGroupOf("Registered nursing and midwifery")).toBe("Nurses & health visitors");
    expect(nhsGroupOf("Healthcare support workers")).toBe("Support to doctors, nurses & midwives");
    expect(nhsGroupOf("Allied health professionals")).toBe("Scientific, therapeutic & technical staff");
    expect(nhsGroupOf("Scientific and technical")).toBe("Scientific, therapeutic & technical staff");
    expect(nhsGroupOf("Administrative and clerical")).toBe("Central functions");
    expect(nhsGroupOf("Medical and dental")).toBe("HCHS doctors");
  });

  it("reads ESR's own group names and common short forms", () => {
    expect(nhsGroupOf("Estates and Ancillary")).toBe("Hotel, property & estates");
    expect(nhsGroupOf("Add Prof Scientific and Technic")).toBe("Scientific, therapeutic & technical staff");
    expect(nhsGroupOf("Additional Clinical Services")).toBe("Support to doctors, nurses & midwives");
    expect(nhsGroupOf("Midwives")).toBe("Midwives");
    expect(nhsGroupOf("Paramedics")).toBe("Ambulance staff");
    expect(nhsGroupOf("Ambulance support")).toBe("Support to ambulance staff");
    expect(nhsGroupOf("Senior managers")).toBe("Senior managers");
  });

  it("says Unknown where the name does not say, and only names a group on the list", () => {
    expect(nhsGroupOf("Ward 7")).toBe("Unknown");
    expect(nhsGroupOf("")).toBe("Unknown");
    for (const name of ["Nursing", "Doctors", "Porters", "HR"]) expect(NHS_STAFF_GROUPS).toContain(nhsGroupOf(name));
  });
});
