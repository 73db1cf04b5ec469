/*
 * Let hover and click reach the regions inside the glass brain.
 *
 * Plotly's 3D picking ignores hoverinfo "skip" (plotly.js#3905): the
 * translucent outer mesh is nearest to the camera, so it swallows every
 * hover and click meant for the meshes inside it. After each plot, take
 * traces whose meta is "glass-brain" out of picking; they are still drawn.
 */
(function () {
  "use strict";
  var GLASS_META = "glass-brain";

  function makeGlassUnpickable(gd) {
    var layout = gd._fullLayout;
    if (!layout || !gd._fullData) return;
    Object.keys(layout).forEach(function (key) {
      var scene = key.indexOf("scene") === 0 && layout[key] && layout[key]._scene;
      if (!scene || !scene.traces) return;
      gd._fullData.forEach(function (trace) {
        var drawn = trace.meta === GLASS_META && scene.traces[trace.uid];
        var mesh = drawn && drawn.mesh;
        if (!mesh) return;
        // Not drawn into the pick buffer, so it hides nothing behind it;
        // and never the answer to a pick.
        mesh.drawPick = null;
        mesh.pick = function () { return null; };
        // The pick buffer was drawn with the glass in it: redraw it.
        scene.glplot.update({});
      });
    });
  }

  function watch(gd) {
    if (gd.__glassPickWatched || typeof gd.on !== "function") return;
    gd.__glassPickWatched = true;
    gd.on("plotly_afterplot", function () { makeGlassUnpickable(gd); });
    makeGlassUnpickable(gd);
  }

  function scan() {
    document.querySelectorAll(".js-plotly-plot").forEach(watch);
  }

  new MutationObserver(scan).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", scan);
})();
