import v8 from 'node:v8';
v8.setFlagsFromString(`--min-semi-space-size=${process.env.S ?? 16}`);
await import('./bin/zonal.js');
