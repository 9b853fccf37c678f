// What dist/cli.cjs starts: `npm run build` bundles this module, with everything it imports up
// front, into dist/cli/launch.cjs (scripts/bundle-cli.mjs), which code-cache.cts loads.
export { main } from './program.js';
export { processIo } from './process-io.js';
