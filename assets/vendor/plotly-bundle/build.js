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

// Changes to plotly.js's stackgl_modules. Each edit is a few lines that must
// match exactly once, or the build stops (README.md, "Patches"):
// - lazy-mesh-shaders: gl-mesh3d compiles six WebGL programs for every
//   Mesh3d, which only ever draws triangles (and contours when asked for);
//   the edge, point, point-picking and contour programs are built on first use.
// - no-empty-axis-text: gl-axes3d turns every axis title into a WebGL text
//   mesh through a canvas, even an empty one (our hidden axes).
// - trusted-shader-cache: gl-shader asks the GPU (isShader, isProgram: a
//   synchronous round trip, which also waits for all queued GPU work) whether
//   each cached shader and program is still valid, for every Shader object;
//   the cache is emptied when the context is lost instead. (A program's key
//   names its shaders' unique ids, so a deleted program is never a hit.)
// - one-reflection-per-shader-pair: a Shader made without a list of uniforms
//   links a throwaway program to read them, once per Shader object (each
//   Mesh3d and Scatter3d makes several); now once per pair of shaders.
// - no-error-at-load: gl-shader's GLError took \`new Error\` as its prototype,
//   an Error built while the bundle loads. With a DevTools client attached
//   (as in every Playwright run) V8 records a detailed stack trace for each
//   Error it builds, and so re-parses the whole 1.9 MB bundle for its source
//   positions: 0.2 to 0.3 s. Object.create(Error.prototype) is the same
//   prototype chain without an Error.
const STACKGL = /plotly\.js[\\/]stackgl_modules[\\/]index\.js$/;
const PATCHES = [
  {
    name: 'lazy-mesh-shaders',
    edits: [
      {
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
    ],
  },
  {
    name: 'no-empty-axis-text',
    edits: [
      {
        from: `  function addItem(t, text, font, size, lineSpacing, styletags) {
`,
        to: `  function addItem(t, text, font, size, lineSpacing, styletags) {
    // brain-circuits patch (assets/vendor/plotly-bundle/build.js): nothing to draw
    if (!text) return
`,
      },
    ],
  },
  {
    name: 'trusted-shader-cache',
    edits: [
      {
        from: `function ContextCache(gl) {
  this.gl       = gl
  this.shaders  = [{}, {}]
  this.programs = {}
}
`,
        to: `function ContextCache(gl) {
  this.gl       = gl
  this.shaders  = [{}, {}]
  this.programs = {}
  // brain-circuits patch (assets/vendor/plotly-bundle/build.js): a lost context
  // empties the cache, so that a hit needs no isShader/isProgram round trip
  var cache = this
  if(gl.canvas && gl.canvas.addEventListener) {
    gl.canvas.addEventListener('webglcontextlost', function() {
      cache.shaders  = [{}, {}]
      cache.programs = {}
    })
  }
}
`,
      },
      { from: `  if(!shader || !gl.isShader(shader.shader)) {`, to: `  if(!shader) {` },
      { from: `  if(!prog || !this.gl.isProgram(prog)) {`, to: `  if(!prog) {` },
    ],
  },
  {
    name: 'one-reflection-per-shader-pair',
    edits: [
      {
        from: `  //If uniforms/attributes is not specified, use RT reflection
  if(!uniforms || !attributes) {
`,
        to: `  // brain-circuits patch (assets/vendor/plotly-bundle/build.js): a pair of shaders
  // is linked once to read its uniforms and attributes, not once per Shader
  var reflections = wrapper._vref.reflections || (wrapper._vref.reflections = {})
  var reflected = reflections[wrapper._fref.id]
  if(reflected) {
    uniforms   = uniforms   || reflected.uniforms
    attributes = attributes || reflected.attributes
  }
  //If uniforms/attributes is not specified, use RT reflection
  if(!uniforms || !attributes) {
`,
      },
      {
        from: `    //Load data from runtime
    uniforms   = uniforms   || runtime.uniforms(gl, testProgram)
    attributes = attributes || runtime.attributes(gl, testProgram)
`,
        to: `    //Load data from runtime
    reflected = reflections[wrapper._fref.id] = {
      uniforms:   runtime.uniforms(gl, testProgram),
      attributes: runtime.attributes(gl, testProgram)
    }
    uniforms   = uniforms   || reflected.uniforms
    attributes = attributes || reflected.attributes
`,
      },
    ],
  },
  {
    name: 'no-error-at-load',
    edits: [
      {
        from: `GLError.prototype = new Error
`,
        to: `// brain-circuits patch (assets/vendor/plotly-bundle/build.js): no Error built at load
GLError.prototype = Object.create(Error.prototype)
`,
      },
    ],
  },
];

const stackglPatches = {
  name: 'stackgl-patches',
  setup(build) {
    build.onLoad({ filter: STACKGL }, (args) => {
      let source = fs.readFileSync(args.path, 'utf8');
      for (const patch of PATCHES) {
        patch.edits.forEach((edit, index) => {
          const pieces = source.split(edit.from);
          if (pieces.length !== 2) throw new Error(`${patch.name}, edit ${index + 1}: expected the patched lines once in ${args.path}, found ${pieces.length - 1}`);
          source = pieces.join(edit.to);
        });
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
