/*
 * Keep the two 3D views' cameras together in compare mode.
 *
 * Rotation fires many relayout events a second: mirroring them in the
 * browser keeps the server out of it.
 */
(function () {
  "use strict";
  var IDS = ["brain3d-graph", "brain3d-compare-graph"];
  var mirroring = false;

  function plotOf(id) {
    var holder = document.getElementById(id);
    return holder && holder.querySelector(".js-plotly-plot");
  }

  function attach(gd, otherId) {
    if (!gd || gd.__cameraSync || typeof gd.on !== "function") return;
    gd.__cameraSync = true;
    gd.on("plotly_relayout", function (update) {
      var camera = update && update["scene.camera"];
      var other = plotOf(otherId);
      if (!camera || mirroring || !other || !other._fullLayout || !other._fullLayout.scene) return;
      mirroring = true;
      Promise.resolve(window.Plotly.relayout(other, { "scene.camera": camera })).finally(function () {
        mirroring = false;
      });
    });
  }

  function scan() {
    attach(plotOf(IDS[0]), IDS[1]);
    attach(plotOf(IDS[1]), IDS[0]);
  }

  new MutationObserver(scan).observe(document.documentElement, { childList: true, subtree: true });
})();
