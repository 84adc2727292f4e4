import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

/*
 * Which Office requirement sets the add-in's code uses, read from the types
 * it is checked against: every member of Excel, Office and CustomFunctions
 * that the pane, its adapter and the functions touch, with the `[Api set: …]`
 * tag @types/office-js or @types/custom-functions-runtime gives it. The
 * manifest's test (tests/safety/requirementSets.test.ts) holds the manifest
 * to it, so a member from a newer set cannot ship undeclared.
 */

export interface MemberUse {
  /** "Excel.PageLayout.zoom". */
  member: string;
  set: string;
  version: string;
  /** "taskpane/adapter/board.ts:118". */
  where: string;
}

/** Code that runs inside Office: not the workbench's emulation of it, nor the engine or tests. */
export const CODE_IN_OFFICE = ["taskpane", "functions"];

function sourceFiles(root: string, folders: readonly string[]): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry) && !entry.endsWith(".d.ts")) found.push(path);
    }
  };
  for (const folder of folders) walk(join(root, folder));
  return found;
}

const API_SET = /\[Api set: ([A-Za-z]+) ([\d.]+)/;

/** Every use of a member that has an Api set tag, in the given folders of the project. */
export function apiSetsUsed(root: string, folders: readonly string[] = CODE_IN_OFFICE): MemberUse[] {
  const config = ts.readConfigFile(join(root, "tsconfig.json"), ts.sys.readFile).config as { compilerOptions: object };
  const { options } = ts.convertCompilerOptionsFromJson(config.compilerOptions, root);
  const files = sourceFiles(root, folders);
  const program = ts.createProgram(files, { ...options, noEmit: true });
  const checker = program.getTypeChecker();
  const uses: MemberUse[] = [];
  const setOf = (symbol: ts.Symbol | undefined): [string, string] | undefined => {
    if (!symbol) return undefined;
    const resolved = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const declaration = resolved.declarations?.[0];
    if (!declaration || !/@types[\\/](office-js|custom-functions-runtime)/.test(declaration.getSourceFile().fileName)) return undefined;
    for (const tag of resolved.getJsDocTags(checker)) {
      const match = API_SET.exec(ts.displayPartsToString(tag.text));
      if (match) return [match[1]!, match[2]!];
    }
    const match = API_SET.exec(ts.displayPartsToString(resolved.getDocumentationComment(checker)));
    return match ? [match[1]!, match[2]!] : undefined;
  };
  const nameOf = (symbol: ts.Symbol) => {
    const parent = (symbol as ts.Symbol & { parent?: ts.Symbol }).parent;
    return parent ? `${checker.getFullyQualifiedName(parent)}.${symbol.name}` : symbol.name;
  };
  for (const file of program.getSourceFiles()) {
    if (!files.includes(file.fileName)) continue;
    const visit = (node: ts.Node) => {
      const at = ts.isPropertyAccessExpression(node) ? node.name : ts.isNewExpression(node) ? node.expression : undefined;
      if (at) {
        const symbol = checker.getSymbolAtLocation(at);
        const set = setOf(symbol);
        if (set) {
          const line = file.getLineAndCharacterOfPosition(node.getStart()).line + 1;
          uses.push({ member: nameOf(symbol!), set: set[0], version: set[1], where: `${relative(root, file.fileName)}:${line}` });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return uses;
}

/** "1.10" is above "1.9". */
export function compareVersions(a: string, b: string): number {
  const [x, y] = [a.split(".").map(Number), b.split(".").map(Number)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

/** The highest version of each set used. */
export function highestBySet(uses: readonly MemberUse[]): Record<string, MemberUse> {
  const highest: Record<string, MemberUse> = {};
  for (const use of uses) if (!highest[use.set] || compareVersions(use.version, highest[use.set]!.version) > 0) highest[use.set] = use;
  return highest;
}
