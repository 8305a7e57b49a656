// Builds the web app (apps/web → apps/web/dist) unless the build is newer than every source file, so
// `npm start` on a fresh clone serves the UI and a restart does not rebuild for nothing.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = path.join(root, 'apps/web');
const builtIndex = path.join(web, 'dist/index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

const builtAt = fs.existsSync(builtIndex) ? fs.statSync(builtIndex).mtimeMs : 0;
if (builtAt > newestMtime(web) && process.argv[2] !== '--force') {
  process.stderr.write('web app is up to date\n');
} else {
  process.stderr.write('building the web app (vite build)…\n');
  execFileSync('npm', ['run', 'build', '-w', '@kechuang/web'], { cwd: root, stdio: 'inherit' });
}
