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

// gl-mesh3d (inside plotly.js's stackgl_modules) compiles six WebGL programs
// for every Mesh3d: triangles, edges, points, contours and two for picking.
// A Mesh3d trace only ever draws triangles (contours when asked for), so the
// edge, point, point-picking and contour programs are built on first use.
// In SwiftShader that is about 0.1 s less before the first 3D view.
// The patch must match exactly once, or the build stops.
const LAZY_MESH_SHADERS = {
  file: /plotly\.js[\\/]stackgl_modules[\\/]index\.js$/,
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
};

const lazyMeshShaders = {
  name: 'lazy-mesh-shaders',
  setup(build) {
    build.onLoad({ filter: LAZY_MESH_SHADERS.file }, (args) => {
      const source = fs.readFileSync(args.path, 'utf8');
      const found = source.split(LAZY_MESH_SHADERS.from).length - 1;
      if (found !== 1) throw new Error(`lazy-mesh-shaders: expected the patched lines once in ${args.path}, found ${found}`);
      return { contents: source.replace(LAZY_MESH_SHADERS.from, LAZY_MESH_SHADERS.to), loader: 'js' };
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
      js: `/*! plotly.js v${version}, custom bundle: scatter, ${traces.join(', ')} | patched: lazy-mesh-shaders | (c) Plotly Technologies Inc. | MIT License */`,
    },
    plugins: [lazyMeshShaders, InlineCSSPlugin(), glsl({ minify: true }), environmentPlugin({ NODE_DEBUG: false })],
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
