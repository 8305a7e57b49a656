#!/usr/bin/env node
// The `kechuang` command. Sources are TypeScript; tsx compiles them on load (cached), so there is no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
