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

// Two changes to plotly.js's stackgl_modules, each a few lines that must
// match exactly once, or the build stops (README.md, "Patches"):
// - lazy-mesh-shaders: gl-mesh3d compiles six WebGL programs for every
//   Mesh3d, which only ever draws triangles (and contours when asked for);
//   the edge, point, point-picking and contour programs are built on first use.
// - no-empty-axis-text: gl-axes3d turns every axis title into a WebGL text
//   mesh through a canvas, even an empty one (our hidden axes).
// Together about 0.15 s less before the first 3D view in a software renderer.
const STACKGL = /plotly\.js[\\/]stackgl_modules[\\/]index\.js$/;
const PATCHES = [
  {
    name: 'lazy-mesh-shaders',
    from: `  var lineShader      = createWireShader(gl)
  var pointShader     = createPointShader(gl)
  var pickShader      = createPickShader(gl)
  var pointPickShader = createPointPickShader(gl)
  var contourShader   = createContourShader(gl)
`,
    to: `  // brain-circuits patch (assets/vendor/plotly-bundle/build.js): built on first use
  var lazyShader = function (create) {
    var shader = null
    var made = function () { return shader || (shader = create(gl)) }
    return new Proxy({}, {
      get: function (_, key) {
        if (key === 'dispose') return function () { if (shader) shader.dispose() }
        var value = made()[key]
        return typeof value === 'function' ? value.bind(shader) : value
      },
      set: function (_, key, value) { made()[key] = value; return true },
    })
  }
  var lineShader      = lazyShader(createWireShader)
  var pointShader     = lazyShader(createPointShader)
  var pickShader      = createPickShader(gl)
  var pointPickShader = lazyShader(createPointPickShader)
  var contourShader   = lazyShader(createContourShader)
`,
  },
  {
    name: 'no-empty-axis-text',
    from: `  function addItem(t, text, font, size, lineSpacing, styletags) {
`,
    to: `  function addItem(t, text, font, size, lineSpacing, styletags) {
    // brain-circuits patch (assets/vendor/plotly-bundle/build.js): nothing to draw
    if (!text) return
`,
  },
];

const stackglPatches = {
  name: 'stackgl-patches',
  setup(build) {
    build.onLoad({ filter: STACKGL }, (args) => {
      let source = fs.readFileSync(args.path, 'utf8');
      for (const patch of PATCHES) {
        const found = source.split(patch.from).length - 1;
        if (found !== 1) throw new Error(`${patch.name}: expected the patched lines once in ${args.path}, found ${found}`);
        source = source.replace(patch.from, patch.to);
      }
      return { contents: source, loader: 'js' };
    });
  },
};

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
      js: `/*! plotly.js v${version}, custom bundle: scatter, ${traces.join(', ')} | patched: ${PATCHES.map((patch) => patch.name).join(', ')} | (c) Plotly Technologies Inc. | MIT License */`,
    },
    plugins: [stackglPatches, InlineCSSPlugin(), glsl({ minify: true }), environmentPlugin({ NODE_DEBUG: false })],
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
