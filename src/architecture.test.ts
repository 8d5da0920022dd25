/// <reference types="node" />
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = dirname(fileURLToPath(import.meta.url));

/*
 * The house rules (README, "Repository layout"), held against the import graph and the stylesheets.
 * Runs with the unit tests: a wrong import fails `npx vitest run --project unit` at once.
 */

const SHARED = ['config', 'shared', 'ui'];
const FEATURES = ['auth', 'token', 'request', 'realm', 'integrate', 'identities'];

/** What each top folder of src/ may import besides itself. Features import shared code only. */
const MAY_IMPORT: Record<string, readonly string[]> = {
  config: [],
  shared: ['config'],
  ui: ['config', 'shared'],
  ...Object.fromEntries(FEATURES.map((feature) => [feature, SHARED])),
  // The shell: the one place where features meet.
  app: [...SHARED, ...FEATURES],
  // main.tsx, which starts the shell.
  '.': ['app', 'ui'],
  // The unit-test helpers: fixtures typed by the config they stand for.
  test: ['config'],
};

/** Inside a feature, its stages in order: a stage imports only the stages before it. */
const STAGES: Record<string, readonly string[]> = {
  request: ['report', 'editor', 'outgoing', 'history', 'flow', 'response'],
  token: ['inspect', 'session'],
};

/** Every static import, re-export, side-effect import and dynamic import() of a source text. */
const importsOf = (text: string) => ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
const files = walk(SRC).map((path) => relative(SRC, path).split(sep).join('/'));
const isTest = (file: string) => /\.test\.tsx?$/.test(file);
const sources = files.filter((file) => /\.tsx?$/.test(file) && !isTest(file));
const topOf = (file: string) => (file.includes('/') ? (file.split('/')[0] ?? '') : '.');
const stageOf = (file: string) => file.split('/')[1] ?? '';

const edges = sources.flatMap((file) =>
  importsOf(readFileSync(join(SRC, file), 'utf8')).map((target) => ({
    file,
    target,
    // Where a relative import lands, as a path inside src/ (`..` when it leaves src/).
    lands: target.startsWith('.')
      ? relative(SRC, resolve(SRC, dirname(file), target))
          .split(sep)
          .join('/')
      : null,
  })),
);
const relativeEdges = edges.filter((edge): edge is typeof edge & { lands: string } => edge.lands !== null);

describe('the portal source', () => {
  it('sees every kind of import, dynamic import() included', () => {
    expect(
      importsOf(
        "import a from './a.ts';\nimport './b.css';\nexport { c } from './c.ts';\nawait import('./d.tsx');",
      ),
    ).toEqual(['./a.ts', './b.css', './c.ts', './d.tsx']);
    expect(
      relativeEdges.some(
        ({ file, target }) => file === 'app/sections/chunks.ts' && target.includes('RequestPane'),
      ),
    ).toBe(true);
  });

  it('imports across folders only as the layers allow: features use shared code, the shell meets them', () => {
    const wrong = relativeEdges
      .filter(({ file, lands }) => {
        const from = topOf(file);
        const to = topOf(lands);
        return from !== to && !(MAY_IMPORT[from] ?? []).includes(to);
      })
      .map(({ file, target }) => `${file} -> ${target}`);
    expect(wrong).toEqual([]);
  });

  it("goes through a feature's stages one way", () => {
    const wrong = relativeEdges
      .filter(({ file, lands }) => {
        const stages = STAGES[topOf(file)];
        if (!stages || topOf(lands) !== topOf(file)) return false;
        const from = stages.indexOf(stageOf(file));
        const to = stages.indexOf(stageOf(lands));
        // The feature's own root files (its panel) may use every stage; a stage never uses them.
        return from === -1 ? false : to === -1 || to > from;
      })
      .map(({ file, target }) => `${file} -> ${target}`);
    expect(wrong).toEqual([]);
  });

  it('keeps test helpers, the Node-only devstack and the browser tests out of the app', () => {
    const wrong = relativeEdges.filter(({ lands }) => lands.startsWith('..') || topOf(lands) === 'test');
    expect(wrong.map(({ file, target }) => `${file} -> ${target}`)).toEqual([]);
  });
});

/** Each feature's stylesheet names its classes with its prefix, so no rule leaks into another. */
const PREFIXES: Record<string, RegExp> = {
  app: /^app-/,
  auth: /^au-/,
  token: /^tk-/,
  request: /^rq(-|$)/,
  realm: /^rl-/,
  integrate: /^ig-/,
  identities: /^id-/,
};
/** The one stylesheet of shared looks: the design tokens and the components every feature uses. */
const DESIGN_SYSTEM = 'ui/ui.css';

const stylesheets = files.filter((file) => file.endsWith('.css'));
const cssOf = (file: string) => readFileSync(join(SRC, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

/** Rules as [context, selector, body]; the rules inside an @media block get its query as context. */
function rulesOf(css: string, context = ''): Array<[string, string, string]> {
  const rules: Array<[string, string, string]> = [];
  let depth = 0;
  let start = 0;
  let head = '';
  for (let i = 0; i < css.length; i += 1) {
    if (css[i] === '{') {
      if (depth === 0) {
        head = css.slice(start, i).trim();
        start = i + 1;
      }
      depth += 1;
    } else if (css[i] === '}') {
      depth -= 1;
      if (depth === 0) {
        const body = css.slice(start, i);
        if (head.startsWith('@')) rules.push(...rulesOf(body, head));
        else rules.push([context, head, body]);
        start = i + 1;
      }
    }
  }
  return rules;
}

const classesIn = (selector: string) =>
  [...selector.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((m) => m[1] ?? '');
const sourceText = sources.map((file) => readFileSync(join(SRC, file), 'utf8')).join('\n');
/** A class is used when a source names it, or builds it from a prefix (`tone-${tone}`). */
const used = (name: string) =>
  new RegExp(`["'\` ]${name}(?![\\w-])`).test(sourceText) ||
  [...name.matchAll(/-/g)].some((m) => sourceText.includes(`${name.slice(0, (m.index ?? 0) + 1)}\${`));

describe('the stylesheets', () => {
  const all = stylesheets.flatMap((file) => rulesOf(cssOf(file)).map((rule) => ({ file, rule })));

  it('keep every colour in the design tokens (:root of ui.css)', () => {
    const literals = all
      .filter(({ file, rule: [, selector] }) => !(file === DESIGN_SYSTEM && selector === ':root'))
      .filter(({ rule: [, , body] }) => /#[0-9a-f]{3,8}\b|\b(rgba?|hsla?)\(/i.test(body))
      .map(({ file, rule: [, selector] }) => `${file}: ${selector}`);
    expect(literals).toEqual([]);
  });

  it('size type and round corners only from the scale (var(--text-*), var(--radius-*))', () => {
    const off = all
      .filter(({ rule: [, selector] }) => selector !== ':root')
      .flatMap(({ file, rule: [, selector, body] }) =>
        [...body.matchAll(/(font-size|border-radius):\s*([^;]+)/g)]
          .filter(
            ([, , value]) =>
              !(value ?? '')
                .trim()
                .split(/\s+/)
                .every((v) => /^(0|var\(--(text|radius)-[\w-]+\))$/.test(v)),
          )
          .map(([declaration]) => `${file}: ${selector} { ${declaration} }`),
      );
    expect(off).toEqual([]);
  });

  it("name a feature's classes with its prefix", () => {
    const unprefixed = all
      .filter(({ file }) => file !== DESIGN_SYSTEM)
      .flatMap(({ file, rule: [, selector] }) =>
        classesIn(selector)
          .filter((name) => !PREFIXES[topOf(file)]?.test(name))
          .map((name) => `${file}: .${name}`),
      );
    expect(unprefixed).toEqual([]);
  });

  it('have no dead rules: every class is used by a component', () => {
    const dead = all.flatMap(({ file, rule: [, selector] }) =>
      classesIn(selector)
        .filter((name) => !used(name))
        .map((name) => `${file}: .${name}`),
    );
    expect([...new Set(dead)]).toEqual([]);
  });

  it('define each selector once per stylesheet', () => {
    const seen = new Set<string>();
    const twice = all
      .map(({ file, rule: [context, selector] }) => `${file} ${context} ${selector.replace(/\s+/g, ' ')}`)
      .filter((key) => seen.has(key) || !seen.add(key));
    expect(twice).toEqual([]);
  });
});
