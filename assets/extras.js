/*
 * Ask for the context-structure menu's options (see dashboard/views/controls.py).
 *
 * Dash's Dropdown indexes every option for search when it receives them:
 * 0.2 to 0.4 s for the 265 atlas structures. Asked for here once the 3D
 * scene is drawn and the browser is idle, or as soon as the pointer or the
 * keyboard focus reaches the menu, so the first view is not kept waiting.
 */
(function () {
  "use strict";
  var MENU = "extra-select";
  var WANTED = "extra-options-wanted";
  var SCENE = "brain3d-graph";
  var LATEST_MS = 8000;  // if the scene never draws (no WebGL), ask anyway
  var asked = false;

  function ask() {
    var api = window.dash_clientside;
    if (asked || !api || typeof api.set_props !== "function" || !document.getElementById(MENU)) return;
    asked = true;
    api.set_props(WANTED, { data: true });
  }

  function whenIdle() {
    if (window.requestIdleCallback) window.requestIdleCallback(ask, { timeout: 1000 });
    else window.setTimeout(ask, 200);
  }

  function nearMenu(event) {
    if (event.target && event.target.closest && event.target.closest("#" + MENU)) ask();
  }
  document.addEventListener("pointerover", nearMenu, true);
  document.addEventListener("focusin", nearMenu, true);

  var observer = new MutationObserver(function () {
    var plot = document.querySelector("#" + SCENE + " .js-plotly-plot");
    if (!plot || typeof plot.on !== "function") return;
    observer.disconnect();
    if (plot._fullLayout && plot._fullLayout.scene) whenIdle();
    else plot.on("plotly_afterplot", whenIdle);
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  window.setTimeout(ask, LATEST_MS);
})();
