import type { FunctionMetadata } from "../engine/functionMetadata.ts";
import { contentSecurityPolicyMeta } from "./contentSecurityPolicy.ts";

const escape = (text = "") => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

/**
 * The help page Excel links to from each function ("Help on this function"):
 * every WFP function with its arguments, from the same metadata as
 * functions.json, each under an anchor named by its id.
 */
export function renderHelpPage(functions: readonly FunctionMetadata[]): string {
  const sections = functions.map((fn) => {
    const signature = fn.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ");
    const rows = fn.parameters
      .map((p) => `<tr><td><code>${escape(p.name)}</code>${p.optional ? " (optional)" : ""}</td><td>${escape(p.description)}</td></tr>`)
      .join("");
    return `<section id="${fn.id}"><h2><code>=WFP.${escape(fn.name)}(${escape(signature)})</code></h2><p>${escape(fn.description)}</p><table><tr><th>argument</th><th>meaning</th></tr>${rows}</table></section>`;
  });
  return `<!doctype html>
<html lang="en-GB">
<head>
${contentSecurityPolicyMeta()}
<meta charset="UTF-8" />
<meta name="viewport" content="width=device-width, initial-scale=1.0" />
<title>wfplan: WFP functions</title>
<style>
body { font-family: "Segoe UI", system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #201f1e; }
code { background: #f3f2f1; padding: 0 0.2em; }
table { border-collapse: collapse; width: 100%; }
td, th { border-bottom: 1px solid #e1dfdd; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
section { margin-top: 2rem; }
</style>
</head>
<body>
<h1>wfplan: WFP functions</h1>
<p>Open <strong>Workforce plan</strong> on the Home tab for the task pane, or type <code>=WFP.</code> in a cell. Every element-wise function takes a single value or a range for any argument and spills a result of the range's shape; blank cells give blank results; a bad argument gives <code>#VALUE!</code>, <code>#NUM!</code> or <code>#DIV/0!</code> with a message saying what is wrong. Every pay figure, rate and threshold comes with its source, listed in the project's docs (docs/reference/reference-data.md).</p>
${sections.join("\n")}
</body>
</html>
`;
}
