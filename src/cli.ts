#!/usr/bin/env node
import module from 'node:module';
import { fileURLToPath } from 'node:url';
import { loadBundle } from './cli/code-cache.js';

// Node 22.8+ can keep V8's compiled code on disk (in os.tmpdir() by default, or NODE_COMPILE_CACHE;
// NODE_DISABLE_COMPILE_CACHE turns it off): it covers what the bundle loads on demand, and the
// whole CLI where the build made no bundle.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

const { main, processIo } = loadBundle(fileURLToPath(new URL('./cli/', import.meta.url)))?.launch ?? await import('./cli/launch.js');
process.exitCode = await main(process.argv.slice(2), processIo());
