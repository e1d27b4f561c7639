import '../dist/cli/main.js';
