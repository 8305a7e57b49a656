// Measures the web app's initial JavaScript, gzipped: what a browser must fetch before the first screen
// (the entry script and every chunk it imports statically), and what each lazily loaded route adds on top.
// Budget (issue 2): initial JS <= 350 kB gzipped (1 kB = 1000 bytes), with ECharts only in lazy chunks.
//
//   node --import tsx bench/web-bundle-size.ts            build apps/web, then measure
//   node --import tsx bench/web-bundle-size.ts --no-build measure the existing apps/web/dist
//
// Exit code 1 when the budget is broken or ECharts leaks into the initial JS.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'vite';

const BUDGET_BYTES = 350_000;
const webRoot = fileURLToPath(new URL('../apps/web/', import.meta.url));
const dist = join(webRoot, 'dist');

type ManifestChunk = { file: string; src?: string; isEntry?: boolean; isDynamicEntry?: boolean; imports?: string[]; dynamicImports?: string[] };
type Manifest = Record<string, ManifestChunk>;

/** Records which source modules ended up in which output chunk, to check where ECharts went. */
function moduleCollector(into: Map<string, string[]>): Plugin {
  return {
    name: 'bench-module-collector',
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type === 'chunk') into.set(output.fileName, Object.keys(output.modules));
      }
    },
  };
}

/** The chunk keys reachable from `start` through static imports, `start` included. */
function staticClosure(manifest: Manifest, start: string): Set<string> {
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length > 0) {
    const key = stack.pop() as string;
    if (seen.has(key)) continue;
    seen.add(key);
    for (const next of manifest[key]?.imports ?? []) stack.push(next);
  }
  return seen;
}

/** What index.html makes the browser fetch: the module script and the modulepreload links. */
function filesNamedByIndexHtml(): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files: string[] = [];
  for (const m of html.matchAll(/<script[^>]+type="module"[^>]+src="\/?([^"]+)"/g)) files.push(m[1] as string);
  for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/?([^"]+)"/g)) files.push(m[1] as string);
  return files;
}

function sizes(files: Iterable<string>): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(join(dist, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 6 }).length; // zlib's default level, what servers and Vite's report use
  }
  return { raw, gzip };
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const isEcharts = (id: string) => /node_modules[\\/](echarts|zrender)[\\/]/.test(id);

const modulesByChunk = new Map<string, string[]>();
if (!process.argv.includes('--no-build')) {
  const started = performance.now();
  await build({ configFile: join(webRoot, 'vite.config.ts'), logLevel: 'warn', plugins: [moduleCollector(modulesByChunk)] });
  console.log(`built apps/web in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
const manifestPath = join(dist, '.vite', 'manifest.json');
if (!existsSync(manifestPath)) throw new Error('apps/web/dist/.vite/manifest.json is missing: build the web app first');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;

const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
if (!entryKey) throw new Error('the manifest has no entry chunk');
const initialKeys = staticClosure(manifest, entryKey);
const initialFiles = new Set([...initialKeys].map((key) => (manifest[key] as ManifestChunk).file).filter((f) => f.endsWith('.js')));
for (const file of filesNamedByIndexHtml()) if (file.endsWith('.js')) initialFiles.add(file);
const initial = sizes(initialFiles);

const routes = Object.entries(manifest)
  .filter(([, chunk]) => chunk.isDynamicEntry)
  .map(([key, chunk]) => {
    const files = [...staticClosure(manifest, key)].map((k) => (manifest[k] as ManifestChunk).file).filter((f) => f.endsWith('.js') && !initialFiles.has(f));
    const echarts = files.some((f) => (modulesByChunk.get(f) ?? []).some(isEcharts));
    return { route: chunk.src ?? key, files, echarts, ...sizes(files) };
  });

const echartsInInitial = [...initialFiles].filter((f) => (modulesByChunk.get(f) ?? []).some(isEcharts));
const known = modulesByChunk.size > 0;

console.log(`initial JS: ${initialFiles.size} file(s), ${kB(initial.raw)} raw, ${kB(initial.gzip)} gzip (budget ${kB(BUDGET_BYTES)})`);
for (const r of routes) {
  console.log(`  + lazy ${r.route}: ${r.files.length} file(s), ${kB(r.raw)} raw, ${kB(r.gzip)} gzip${known ? (r.echarts ? ', includes ECharts' : '') : ''}`);
}
if (known) console.log(`ECharts modules in the initial JS: ${echartsInInitial.length === 0 ? 'none' : echartsInInitial.join(', ')}`);
else console.log('ECharts placement not checked (--no-build: module lists come from the build)');

const result = { date: new Date().toISOString(), initial, budgetBytes: BUDGET_BYTES, routes: routes.map(({ route, raw, gzip, echarts }) => ({ route, raw, gzip, echarts })), echartsInInitial };
console.log(JSON.stringify(result));
if (initial.gzip > BUDGET_BYTES || echartsInInitial.length > 0) {
  console.error('web bundle budget broken');
  process.exitCode = 1;
}
