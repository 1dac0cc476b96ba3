// Sanad stands on its own: a fresh clone in an empty folder must build, run and test. This fails when a
// tracked file imports, reads or links anything outside the repository — a relative import or path that
// climbs above the project root (such as the reference folder a developer may keep beside the checkout). CI runs it first.
// Run: node scripts/check-self-contained.mjs
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { root } from "./local-env.mjs";

const CODE = /\.(m?[jt]sx?|json|toml|md|sh|css)$|^\.ci\//;
// Quoted relative specifiers in code, and relative link targets in Markdown.
const RELATIVE = /["'`(](\.\.?\/[^"'`)\s]*)/g;

const files = execFileSync("git", ["ls-files"], { cwd: root, encoding: "utf8" })
  .split("\n")
  .filter((f) => f && CODE.test(f) && !f.endsWith("package-lock.json"));

export const outsideReferences = (file, text) => {
  const found = [];
  text.split("\n").forEach((line, i) => {
    if (/(^|[^.\w])\.\.\/shared\b/.test(line)) found.push(`${file}:${i + 1}: ${line.trim().slice(0, 160)}`);
    for (const m of line.matchAll(RELATIVE)) {
      const target = path.resolve(root, path.dirname(file), m[1]);
      if (target !== root && !target.startsWith(root + path.sep))
        found.push(`${file}:${i + 1}: ${m[1]} leaves the project`);
    }
  });
  return found;
};

const problems = files.flatMap((f) => outsideReferences(f, readFileSync(path.join(root, f), "utf8")));
if (problems.length) {
  console.error(
    `These tracked files reach outside the project (a fresh clone has nothing beside it):\n${[...new Set(problems)].join("\n")}`,
  );
  process.exit(1);
}
console.log(`self-contained: ${files.length} tracked files reference nothing outside the project`);
