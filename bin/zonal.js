#!/usr/bin/env node
// The bundled command line (scripts/bundle.mjs, part of `npm run build`): a few files to load instead of
// hundreds, through V8's code cache (src/cli/launch.ts). CommonJS (bin/package.json), as Node starts a
// CommonJS file with less work than an ES module.
require('../dist/bundle/launch.cjs');
