// Builds web/src into a deployable folder: every asset renamed with a hash of its content (so it can be cached
// forever), imports and links rewritten to those names, uPlot copied in from node_modules. No bundler: the app is
// plain ES modules, and the browser loads them as they are. Usage: node web/build.mjs [--out DIR] (default web/dist).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const src = join(here, 'src');
const outArg = process.argv.indexOf('--out');
const out = resolve(outArg > 0 ? process.argv[outArg + 1] : join(here, 'dist'));
const vendor = {
  'vendor/uPlot.esm.js': join(here, '..', 'node_modules', 'uplot', 'dist', 'uPlot.esm.js'),
  'vendor/uPlot.min.css': join(here, '..', 'node_modules', 'uplot', 'dist', 'uPlot.min.css'),
};

/** Every file under src, by its path relative to src ("pages/tracked.js"). */
function sources(dir, prefix = '') {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name), `${prefix}${entry.name}/`)
      : [`${prefix}${entry.name}`]);
}

const files = new Map(sources(src).map((name) => [name, readFileSync(join(src, name))]));
for (const [name, path] of Object.entries(vendor)) {
  if (!existsSync(path)) {
    console.error(`web build: ${path} is missing; run ./pulse setup (npm ci) first`);
    process.exit(1);
  }
  files.set(name, readFileSync(path));
}

// A module's hashed name depends on its imports' hashed names, so names are settled depth first.
const IMPORT = /(\bfrom\s*|\bimport\s*\(?\s*)(['"])(\.{1,2}\/[^'"]+)\2/g;
const hashed = new Map();
function hashedName(name, seen = new Set()) {
  if (hashed.has(name)) return hashed.get(name).name;
  if (seen.has(name)) throw new Error(`import cycle through ${name}`);
  seen.add(name);
  let body = files.get(name);
  if (!body) throw new Error(`web build: ${name} is imported but does not exist`);
  if (name.endsWith('.js')) {
    body = Buffer.from(body.toString('utf8').replace(IMPORT, (all, lead, quote, spec) => {
      const target = join(dirname(name), spec).replaceAll('\\', '/');
      const rel = relative(dirname(join('assets', name)), join('assets', hashedName(target, seen)));
      return `${lead}${quote}${rel.startsWith('.') ? rel : `./${rel}`}${quote}`;
    }));
  }
  const digest = createHash('sha256').update(body).digest('hex').slice(0, 10);
  const dot = name.lastIndexOf('.');
  const finalName = `${name.slice(0, dot)}.${digest}${name.slice(dot)}`;
  hashed.set(name, { name: finalName, body });
  return finalName;
}

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'assets'), { recursive: true });
let html = files.get('index.html').toString('utf8');
html = html.replace(/(href|src)="\/assets\/([^"]+)"/g, (all, attr, name) => `${attr}="/assets/${hashedName(name)}"`);
for (const { name, body } of hashed.values()) {
  mkdirSync(dirname(join(out, 'assets', name)), { recursive: true });
  writeFileSync(join(out, 'assets', name), body);
}
writeFileSync(join(out, 'index.html'), html);
// The local runtime's sign-in; the CDK deployment writes its own config.json (Cognito hosted UI).
writeFileSync(join(out, 'config.json'), `${JSON.stringify({ auth: { mode: 'local' } }, null, 2)}\n`);
console.log(`web build: ${hashed.size} assets and index.html in ${out}`);
