#!/usr/bin/env node
// Runs the TypeScript CLI straight from the sources through tsx, so `npx wfplan`
// works on a fresh clone after `npm install`, with no build step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../cli/main.ts");
process.exitCode = await main(process.argv.slice(2), process.stdout, process.stderr);
