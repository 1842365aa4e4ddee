// Translations complete (issue 7): every message exists in zh-CN and in en with the same
// arguments, every key the site's code asks for (tr!/move_tr!) exists and every one defined is
// asked for, and every text index.html's first paint names exists. (build.rs refuses a message
// in one language only, and a key no message has does not compile.)
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { root } from './support.mjs';

const LANGS = ['zh-CN', 'en'];

/** Every message of a language: id → the sorted names of its `{ $arguments }`. */
function messages(lang) {
  const dir = path.join(root, 'locales', lang);
  const out = new Map();
  // The site's messages, and the first paint's own (index.html, `cundi-data csp`).
  const files = [
    ...readdirSync(dir).filter((f) => f.endsWith('.ftl')).map((f) => path.join(dir, f)),
    path.join(root, 'locales', `frame.${lang}.ftl`),
  ];
  for (const file of files) {
    let id = null;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const start = line.match(/^([a-z][a-z0-9_-]*)\s*=(.*)$/);
      if (start) {
        id = start[1];
        expect(out.has(id), `${lang}: ${id} defined twice`).toBe(false);
        out.set(id, new Set());
      } else if (!/^\s/.test(line)) {
        id = null;
      }
      if (id) for (const m of line.matchAll(/\{\s*\$([a-z_]+)/g)) out.get(id).add(m[1]);
    }
  }
  return new Map([...out].map(([k, v]) => [k, [...v].sort().join(',')]));
}

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sources(file);
    return file.endsWith('.rs') ? [readFileSync(file, 'utf8')] : [];
  });
}

test('every message is in both languages, with the same arguments', () => {
  const [zh, en] = LANGS.map(messages);
  expect(zh.size).toBeGreaterThan(300);
  expect([...zh.keys()].filter((k) => !en.has(k)), 'in zh-CN, not in en').toEqual([]);
  expect([...en.keys()].filter((k) => !zh.has(k)), 'in en, not in zh-CN').toEqual([]);
  const differ = [...zh].filter(([k, args]) => en.get(k) !== args).map(([k, args]) => `${k}: {${args}} / {${en.get(k)}}`);
  expect(differ, 'arguments that differ').toEqual([]);
});

test('every key the code asks for exists', () => {
  const [zh] = LANGS.map(messages);
  const used = new Set();
  for (const text of sources(path.join(root, 'src'))) {
    for (const m of text.matchAll(/\b(?:move_)?tr!\(\s*"([a-z0-9_-]+)"/g)) used.add(m[1]);
  }
  expect(used.size).toBeGreaterThan(300);
  expect([...used].filter((k) => !zh.has(k)).sort(), 'asked for, never defined').toEqual([]);
  // And every message of the site's files is used (the first paint's are checked below), but
  // a column's label (`column-<name>`), which the site finds by the column's name
  // (i18n::column; crates/datatool/tests/column_labels.rs checks each plain column has one), and
  // what a column means (`about-<file>-<column>`, i18n::about), checked just below.
  const site = new Set(readdirSync(path.join(root, 'locales', 'zh-CN')).flatMap((f) => [
    ...readFileSync(path.join(root, 'locales', 'zh-CN', f), 'utf8').matchAll(/^([a-z][a-z0-9_-]*)\s*=/gm),
  ].map((m) => m[1])));
  expect(
    [...site].filter((k) => !used.has(k) && !k.startsWith('column-') && !k.startsWith('about-')).sort(),
    'defined, never asked for',
  ).toEqual([]);
  // The data dictionary says what every column of the two tables means, and each column has
  // a label, in both languages (the catalogue refuses a message in one only).
  for (const file of ['stations', 'villages']) {
    const header = readFileSync(path.join(root, 'data', `${file}.csv`), 'utf8').split('\n')[0].trim().split(',');
    expect(header.filter((c) => !site.has(`about-${file}-${c}`)), `${file}: columns the dictionary does not explain`).toEqual([]);
    expect(header.filter((c) => !site.has(`column-${c}`)), `${file}: columns with no label`).toEqual([]);
  }
  expect([...site].filter((k) => k.startsWith('about-') && !/^about-(stations|villages)-/.test(k)), 'about a file the dictionary does not show').toEqual([]);
});

test('every text the first paint (index.html) names exists in both languages', () => {
  const [zh, en] = LANGS.map(messages);
  const html = readFileSync(path.join(root, 'index.html'), 'utf8');
  const used = [...html.matchAll(/\bdata-t(?:z|e|-aria-label|-placeholder)?="([a-z0-9-]+)"/g)].map((m) => m[1]);
  expect(used.length).toBeGreaterThan(15);
  expect(used.filter((k) => !zh.has(k) || !en.has(k)), 'named in index.html, not defined').toEqual([]);
});
