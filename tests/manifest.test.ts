import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { OfficeAddinManifest } from "office-addin-manifest";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../engine/metadata.ts";

/*
 * `office-addin-manifest validate` posts the manifest to a Microsoft service
 * this machine cannot reach (`npm run validate` still runs it where the
 * internet is). These are the structural checks, offline, against the build
 * (dist/ is built once by tests/globalSetup.ts).
 */
const manifestPath = join(projectRoot, "manifest.xml");
const xml = readFileSync(manifestPath, "utf8");
const dist = join(projectRoot, "dist");

const attributeValues = (name: string) => [...xml.matchAll(new RegExp(`${name}="([^"]*)"`, "g"))].map((m) => m[1]!);
const elementText = (name: string) => [...xml.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, "g"))].map((m) => m[1]!.trim());

describe("manifest.xml", () => {
  it("is well-formed and read by office-addin-manifest", async () => {
    const info = await OfficeAddinManifest.readManifestFile(manifestPath);
    expect(info.id).toBe("423ecff5-293b-4598-b05c-dfca770bdeb8");
    expect(info.version).toBe("0.1.0.0");
    expect(info.displayName).toBe("wfplan");
    expect(info.hosts).toEqual(["Workbook"]);
  });

  it("has a stable GUID id and a four-part version matching package.json", () => {
    expect(elementText("Id")).toEqual(["423ecff5-293b-4598-b05c-dfca770bdeb8"]);
    const pkg = JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")) as { version: string };
    expect(elementText("Version")).toEqual([`${pkg.version}.0`]);
  });

  it("asks for ReadWriteDocument and no more", () => {
    expect(elementText("Permissions")).toEqual(["ReadWriteDocument"]);
  });

  it("declares the shared runtime and custom functions requirement sets", () => {
    expect(xml).toMatch(/<Set Name="SharedRuntime" MinVersion="1.1"\/>/);
    expect(xml).toMatch(/<Set Name="CustomFunctionsRuntime" MinVersion="1.2"\/>/);
    expect(xml).toMatch(/<Set Name="ExcelApi" MinVersion="1.7"\/>/);
    expect(xml).toMatch(/<Runtime resid="Taskpane.Url" lifetime="long"\/>/);
  });

  it("puts the custom functions in the WFP namespace and a 'Workforce plan' button on the ribbon", () => {
    expect(xml).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="WFP"\/>/);
    expect(xml).toMatch(/<bt:String id="WorkforcePlanButton.Label" DefaultValue="Workforce plan"\/>/);
  });

  it("points every URL at https://localhost:3000 and a file the build produces", () => {
    const urls = [...attributeValues("DefaultValue").filter((v) => v.startsWith("http")), ...elementText("AppDomain")];
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) {
      expect(url.startsWith("https://localhost:3000"), url).toBe(true);
      const path = new URL(url).pathname;
      if (path === "/") continue; // the AppDomain
      expect(existsSync(join(dist, path)), `${url} -> dist${path}`).toBe(true);
    }
  });

  it("has its icons at 16, 32, 64 and 80 px, as real PNGs of that size", () => {
    for (const size of [16, 32, 64, 80]) {
      const png = readFileSync(join(dist, "assets", `icon-${size}.png`));
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });

  it("is copied into the build, and functions.json is generated there", () => {
    expect(readFileSync(join(dist, "manifest.xml"), "utf8")).toBe(xml);
    const metadata = JSON.parse(readFileSync(join(dist, "functions.json"), "utf8")) as { functions: unknown[] };
    expect(metadata.functions).toHaveLength(18);
  });

  it("links each function to its section of the generated help page", () => {
    const { functions } = JSON.parse(readFileSync(join(dist, "functions.json"), "utf8")) as {
      functions: { id: string; helpUrl?: string }[];
    };
    const help = readFileSync(join(dist, "help.html"), "utf8");
    for (const fn of functions) {
      expect(fn.helpUrl).toBe(`https://localhost:3000/help.html#${fn.id}`);
      expect(help).toContain(`<section id="${fn.id}">`);
    }
    expect(help).toContain("<code>=WFP.COST(band, fte, [point], [year], [area], [pay_table])</code>");
  });
});

describe("a production build", () => {
  it("swaps the origin in the manifest and loads office.js from Microsoft's CDN (WFP_ORIGIN=... npm run build)", async () => {
    const { build } = await import("vite");
    const { mkdtempSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const outDir = mkdtempSync(join(tmpdir(), "wfplan-prod-"));
    process.env.WFP_ORIGIN = "https://wfplan.example.nhs.uk/addin";
    try {
      await build({ root: projectRoot, logLevel: "silent", build: { outDir, emptyOutDir: true, sourcemap: false } });
    } finally {
      delete process.env.WFP_ORIGIN;
    }
    const manifest = readFileSync(join(outDir, "manifest.xml"), "utf8");
    expect(manifest).not.toContain("localhost");
    expect(manifest).toContain('<bt:Url id="Taskpane.Url" DefaultValue="https://wfplan.example.nhs.uk/addin/taskpane.html"/>');
    expect(manifest).toContain("<AppDomain>https://wfplan.example.nhs.uk</AppDomain>");
    const page = readFileSync(join(outDir, "taskpane.html"), "utf8");
    expect(page).toContain('<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>');
    expect(page).toContain('src="/addin/functions.js"');
    expect(existsSync(join(outDir, "functions.js"))).toBe(true);
    const { functions } = JSON.parse(readFileSync(join(outDir, "functions.json"), "utf8")) as { functions: { helpUrl: string }[] };
    expect(functions[0]!.helpUrl).toBe("https://wfplan.example.nhs.uk/addin/help.html#FTE");
  }, 120_000);
});
