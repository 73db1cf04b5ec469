// Sets the performance mark "first-3d" once plotly has drawn a 3D scene, and
// records the moment on the top window as `firstDrawAt` (epoch ms): nilearn's
// standalone page draws inside a srcdoc iframe, whose timeline starts later.
// Injected before any page script, in every frame, so it works the same for
// the dashboard (plotly loaded by Dash) and nilearn's page (plotly inline).
(() => {
  let plotly;
  const wrap = (library) => {
    for (const name of ["newPlot", "plot", "react"]) {
      const original = library && library[name];
      if (typeof original !== "function" || original.firstDrawWrapped) continue;
      library[name] = function (...args) {
        const drawn = original.apply(this, args);
        Promise.resolve(drawn).then((graph) => {
          const div = typeof graph === "string" ? document.getElementById(graph) : graph;
          const has3d = div && div._fullLayout && Object.keys(div._fullLayout).some((key) => /^scene\d*$/.test(key));
          if (has3d && performance.getEntriesByName("first-3d").length === 0) {
            // the frame after the promise: the WebGL scene is on screen
            requestAnimationFrame(() => {
              performance.mark("first-3d");
              const at = performance.timeOrigin + performance.now();
              if (!window.top.firstDrawAt) window.top.firstDrawAt = at;
            });
          }
        });
        return drawn;
      };
      library[name].firstDrawWrapped = true;
    }
  };
  Object.defineProperty(window, "Plotly", {
    configurable: true,
    get() { return plotly; },
    set(value) { plotly = value; wrap(value); },
  });
})();
