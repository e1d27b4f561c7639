#!/usr/bin/env node
// The bundled command line (scripts/bundle.mjs, part of `npm run build`): a few files to load instead of hundreds.
import '../dist/bundle/main.js';
