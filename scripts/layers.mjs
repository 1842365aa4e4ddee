// The import floors: no module of a crate is in an import loop. Run by the test command:
//   node scripts/layers.mjs
//
// For each crate (crates/core, crates/datatool and the site in src/), every `crate::…` path in a
// file's code (comments and a trailing `#[cfg(test)] mod tests` left out; `use` groups such as
// `crate::{a::B, c}` expanded) is an edge from the file's module to the deepest module the path
// names. A module is a file: `pages/map.rs` is `pages::map`, `pages/mod.rs` is `pages`. The
// crate root (lib.rs, main.rs) is the top floor and not counted. Any strongly connected set of
// two or more modules is printed, with one edge of each pair, and fails the run.
//
// The rule it holds (README, "How the code is laid out"): modules import downward — the core's
// vocabulary (`model`) at the bottom, the pages and the chunks that name them at the top.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CRATES = ['crates/messages/src', 'crates/core/src', 'crates/datatool/src', 'src'];

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.rs') ? [p] : [];
  });
}

/** The module a file is, as `a::b` ('' for the crate root). */
function moduleOf(srcDir, file) {
  const parts = path.relative(srcDir, file).replace(/\.rs$/, '').split(path.sep);
  if (['mod', 'lib', 'main'].includes(parts[parts.length - 1])) parts.pop();
  return parts.join('::');
}

/** The code of a file without comments, string contents, and its unit tests. */
function code(text) {
  let out = '';
  for (let i = 0; i < text.length; ) {
    if (text.startsWith('//', i)) {
      i = text.indexOf('\n', i);
      if (i < 0) break;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else if (text[i] === '"' && text[i - 1] !== "'") {
      // A string literal (raw strings hold no quote that ends them early in this code base).
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += '""';
      i = j + 1;
    } else {
      out += text[i++];
    }
  }
  const tests = out.search(/#\[cfg\(test\)\]\s*mod tests\b/);
  return tests < 0 ? out : out.slice(0, tests);
}

/** Every path `crate::` leads to in `text`, with `{…}` groups expanded. */
function cratePaths(text) {
  const found = [];
  const re = /\bcrate::/g;
  let m;
  while ((m = re.exec(text))) tree(text, m.index + m[0].length, [], found);
  return found;
}

/** Reads a use-tree at `i` below `prefix`; pushes each full path; returns where it ends. */
function tree(text, i, prefix, found) {
  const skip = () => { while (/\s/.test(text[i] || '')) i++; };
  skip();
  if (text[i] === '{') {
    i++;
    for (;;) {
      skip();
      if (text[i] === '}') return i + 1;
      i = tree(text, i, prefix, found);
      skip();
      if (text[i] === ',') i++;
      else if (text[i] === '}') return i + 1;
      else return i;
    }
  }
  const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
  if (!id) {
    found.push(prefix);
    return i;
  }
  i += id[0].length;
  const here = [...prefix, id[0]];
  if (text.startsWith('::', i)) return tree(text, i + 2, here, found);
  found.push(here);
  return i;
}

let failed = false;
for (const dir of CRATES) {
  const srcDir = path.join(root, dir);
  const modules = new Map(files(srcDir).map((f) => [moduleOf(srcDir, f), f]));
  const edges = new Map([...modules.keys()].map((m) => [m, new Set()]));
  for (const [mod, file] of modules) {
    if (mod === '') continue;
    for (const segs of cratePaths(code(readFileSync(file, 'utf8')))) {
      let target = null;
      for (let k = segs.length; k > 0 && target === null; k--) {
        const cand = segs.slice(0, k).join('::');
        if (modules.has(cand)) target = cand;
      }
      // `crate::tr!` and the like: the root's, which is not a floor.
      if (target === null || target === '' || target === mod) continue;
      // A module reaching into its own child is not a loop by itself (the parent declares it).
      edges.get(mod).add(target);
    }
  }
  // Tarjan's strongly connected components.
  let index = 0;
  const idx = new Map(), low = new Map(), stack = [], on = new Set(), loops = [];
  const visit = (v) => {
    idx.set(v, index); low.set(v, index); index++;
    stack.push(v); on.add(v);
    for (const w of edges.get(v) || []) {
      if (!idx.has(w)) { visit(w); low.set(v, Math.min(low.get(v), low.get(w))); }
      else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const comp = [];
      let w;
      do { w = stack.pop(); on.delete(w); comp.push(w); } while (w !== v);
      if (comp.length > 1) loops.push(comp.sort());
    }
  };
  for (const v of edges.keys()) if (!idx.has(v)) visit(v);
  const count = [...edges.values()].reduce((n, s) => n + s.size, 0);
  if (loops.length === 0) {
    console.log(`${dir}: ${modules.size} modules, ${count} imports between them, no loop`);
    continue;
  }
  failed = true;
  for (const comp of loops) {
    console.error(`${dir}: an import loop among ${comp.join(', ')}:`);
    for (const a of comp) {
      for (const b of edges.get(a)) if (comp.includes(b)) console.error(`  ${a} → ${b}`);
    }
  }
}
process.exit(failed ? 1 : 0);
