#!/usr/bin/env node
// The command line (package.json's bin). CommonJS, so that a run finding the bundle never starts
// Node's ES module loader, which costs a pre-commit run about 10 ms (README, "Start-up time").
import nodeModule = require('node:module');
import path = require('node:path');
import codeCache = require('./cli/code-cache.cjs');

// Node 22.8+ can keep V8's compiled code on disk (in os.tmpdir() by default, or NODE_COMPILE_CACHE;
// NODE_DISABLE_COMPILE_CACHE turns it off): it covers what the bundle loads on demand, and the
// whole CLI where the build made no bundle.
(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();

async function run(): Promise<number> {
  const { main, processIo } = codeCache.loadBundle(path.join(__dirname, 'cli'))?.launch ?? await import('./cli/launch.js');
  return main(process.argv.slice(2), processIo());
}

// main() reports its own errors; one before it (loading speclint) is an error too, not a finding.
run().then((code) => {
  process.exitCode = code;
}, (error: unknown) => {
  process.stderr.write(`speclint: cannot start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 2;
});
