// Builds ../plotly-custom-<version>.min.js with the settings of plotly.js's
// own esbuild-config.js (its CUSTOM_BUNDLE.md recipe, without cloning the
// repository), and copies ../regenerator-runtime-<version>.js, which stands
// in for Dash's Babel polyfill (see README.md). Run: npm install && npm run build
const fs = require('fs');
const path = require('path');
const esbuild = require('esbuild');
const { environmentPlugin } = require('esbuild-plugin-environment');
const { glsl } = require('esbuild-plugin-glsl');
const InlineCSSPlugin = require('esbuild-plugin-inline-css');

const version = require('plotly.js/package.json').version;
const traces = fs.readFileSync(path.join(__dirname, 'entry.js'), 'utf8').match(/lib\/(\w+)'\)/g).map((m) => m.slice(4, -2)).filter((name) => name !== 'core');
const outfile = path.join(__dirname, '..', `plotly-custom-${version}.min.js`);

esbuild
  .build({
    entryPoints: [path.join(__dirname, 'entry.js')],
    outfile,
    format: 'iife',
    globalName: 'Plotly',
    bundle: true,
    minify: true,
    legalComments: 'none',
    banner: {
      js: `/*! plotly.js v${version}, custom bundle: scatter, ${traces.join(', ')} | (c) Plotly Technologies Inc. | MIT License */`,
    },
    plugins: [InlineCSSPlugin(), glsl({ minify: true }), environmentPlugin({ NODE_DEBUG: false })],
    alias: { regl: '@plotly/regl', stream: 'stream-browserify' },
    define: { global: 'window', 'define.amd': 'false' },
    target: 'es2016',
    logLevel: 'info',
  })
  .then(() => console.log(`wrote ${outfile}`));

// Verbatim, with its licence header: Dash's components need only this part of
// the Babel polyfill in a current browser.
const runtimeVersion = require('regenerator-runtime/package.json').version;
const runtimeFile = path.join(__dirname, '..', `regenerator-runtime-${runtimeVersion}.js`);
fs.copyFileSync(require.resolve('regenerator-runtime/runtime.js'), runtimeFile);
console.log(`wrote ${runtimeFile}`);
