// Benchmark: the publisher's CLI on the national synthetic dataset, against
// docs/BUDGETS.md: `validate` ≤ 3 s and `build` ≤ 10 s. Builds the release CLI and
// generates the dataset (`cundi-data generate national`, about a minute) if they are missing,
// then prints the median of several runs of each, with the dataset's rows and the bundle's size.
//   node bench/cli.mjs [runs=3]
// The machine is shared and its speed varies from day to day, so with BASELINE_CLI=path (an
// earlier cundi-data binary) each run of the baseline is taken beside each run of this one, and
// the ratio of the medians is printed as well.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[2] || 3);
const cli = path.join(root, 'target/cli/cundi-data');
const pkg = path.join(root, 'target/national');
const bundle = path.join(root, 'target/national-bundle');

execFileSync('cargo', ['build', '--profile', 'cli', '--quiet', '-p', 'cundi-data'], { cwd: root, stdio: 'inherit' });
if (!existsSync(path.join(pkg, 'datapackage.json'))) {
  const t = Date.now();
  execFileSync(cli, ['generate', 'national', '--out', pkg], { cwd: root, stdio: 'inherit' });
  console.log(`generated in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}

const rows = (file) => readFileSync(path.join(pkg, file), 'utf8').split('\n').filter(Boolean).length - 1;
const counts = { divisions: rows('divisions.csv'), stations: rows('stations.csv'), villages: rows('villages.csv') };
const total = counts.divisions + counts.stations + counts.villages;

const baseline = process.env.BASELINE_CLI;
const time = (args, bin = cli) => {
  const start = process.hrtime.bigint();
  const r = spawnSync(bin, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LANG: 'C' } });
  const s = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) throw new Error(`cundi-data ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return s;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const base = { validate: [], build: [] };
const validate = Array.from({ length: runs }, () => {
  if (baseline) base.validate.push(time(['validate', pkg], baseline));
  return time(['validate', pkg]);
});
// Each build writes into a new directory of its own, and the bundles are removed at the end
// (timed on its own: it is the file system's work, not the build's). A build right after a
// bundle was removed is not what a publisher sees: ext4 passes over the inodes freed in the last
// minutes one at a time, and with a bundle's 18,650 just freed, each file created cost a scan
// of them (6–8 s more in the kernel on 2026-12-03).
const runsDir = path.join(root, 'target/cli-bench');
rmSync(runsDir, { recursive: true, force: true });
const fresh = (name) => path.join(runsDir, name);
const build = Array.from({ length: runs }, (_, i) => {
  if (baseline) base.build.push(time(['build', pkg, fresh(`baseline-${i}`)], baseline));
  return time(['build', pkg, fresh(`run-${i}`)]);
});
// The last bundle is kept where bench/national.mjs reads it.
rmSync(bundle, { recursive: true, force: true });
renameSync(fresh(`run-${runs - 1}`), bundle);
const removalStart = process.hrtime.bigint();
rmSync(runsDir, { recursive: true, force: true });
const removal = Number(process.hrtime.bigint() - removalStart) / 1e9;
const removed = runs - 1 + (baseline ? runs : 0);

const du = (dir) => readdirSync(dir, { withFileTypes: true })
  .reduce((n, e) => n + (e.isDirectory() ? du(path.join(dir, e.name)) : statSync(path.join(dir, e.name)).size), 0);
const mb = (n) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const summary = JSON.parse(readFileSync(path.join(bundle, 'summary.json'), 'utf8'));
const v = median(validate);
const bm = median(build);
console.log(`national dataset: ${counts.divisions} divisions + ${counts.stations} stations + ${counts.villages} villages = ${total} rows, ${mb(du(pkg))}`);
console.log(`validate, median of ${runs} (${validate.map((x) => x.toFixed(2)).join(', ')} s): ${v.toFixed(2)} s (budget 3 s) — ${v <= 3 ? 'within budget' : 'OVER budget'}`);
console.log(`build, median of ${runs} (${build.map((x) => x.toFixed(2)).join(', ')} s): ${bm.toFixed(2)} s (budget 10 s) — ${bm <= 10 ? 'within budget' : 'OVER budget'}`);
if (baseline) {
  for (const what of ['validate', 'build']) {
    const b = median(base[what]);
    const mine = what === 'validate' ? v : bm;
    console.log(`${what} with the baseline ${baseline}, median of ${runs} (${base[what].map((x) => x.toFixed(2)).join(', ')} s): ${b.toFixed(2)} s; this one ÷ baseline: ${(mine / b).toFixed(2)}`);
  }
}
console.log(`removing the other ${removed} bundles at the end: ${removal.toFixed(2)} s, ${(removal / Math.max(removed, 1)).toFixed(2)} s each (not counted in the builds)`);
console.log(`bundle: ${mb(du(bundle))}, summary.json ${mb(statSync(path.join(bundle, 'summary.json')).size)} with ${summary.areas.length} areas, ${summary.areas.filter((a) => a.chunk).length} county chunks`);
