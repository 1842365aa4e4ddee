// Every benchmark, one after the other, each printing its figures against
// docs/BUDGETS.md. Run after `trunk build --release --offline`:
//   node bench/all.mjs
// The national figures need the national synthetic dataset, which bench/cli.mjs generates the
// first time (about a minute) and bench/national.mjs then builds into a bundle.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
for (const [title, script, args] of [
  ['App shell size', 'shell-size.mjs', []],
  ['First visit to each page, in a browser', 'first-visit.mjs', []],
  ['Demo map, CPU 4× slower', 'map-load.mjs', ['7']],
  ['Publisher CLI, national dataset', 'cli.mjs', ['3']],
  ['Site at national scale', 'national.mjs', []],
  ['Lighthouse audits, phone profile', 'lighthouse.mjs', []],
  ['Long tasks on a county\'s page, CPU 4× slower', 'long-tasks.mjs', ['/area/140522', '5']],
]) {
  console.log(`\n## ${title} (bench/${script})`);
  execFileSync(process.execPath, [path.join(here, script), ...args], { cwd: path.join(here, '..'), stdio: 'inherit' });
}
