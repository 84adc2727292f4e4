import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { README, readmeWithReference } from "../scripts/functionReference.ts";

describe("README.md", () => {
  const readme = readFileSync(README, "utf8");

  it("gives the two commands", () => {
    expect(readme).toContain("npm install && npm start");
    expect(readme).toContain("npm test");
  });

  it("has the function reference generated from functions.json (run `npm run docs` after changing a function's JSDoc)", async () => {
    expect(readme).toBe(await readmeWithReference(readme));
    expect(readme).toContain("### `WFP.COST(band, fte, [point], [year], [area], [pay_table])`");
  });
});
