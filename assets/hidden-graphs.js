// A graph in a hidden view is first drawn when its view is shown.
//
// Dash's Graph draws its figure (blank, for a hidden view) as soon as it
// mounts, and eight graphs sit in views hidden at load: the slices, the
// circuit diagram, the document charts and the comparison. Drawing them cost
// 0.1 s before the first 3D view, for plots nobody sees, laid out at a
// default size. Until a graph's view is shown (no ancestor with an inline
// `display: none`, as dashboard/views/panes.py hides views), Plotly.react
// on a graph never drawn only records its latest figure, and draws it once
// the view is shown. Graph queues its later figures behind that first call,
// and graphs already drawn are not affected, nor is the main 3D view, which
// is kept drawn behind the others (class always-drawn, views/brain3d.py).
(function () {
  "use strict";

  var HIDING = '[style*="display: none"]';
  var ALWAYS_DRAWN = ".always-drawn";
  var waiting = new WeakMap(); // graph div -> {args, settle: [[resolve, reject]]}

  function drawWhenShown(react, div, args) {
    var entry = waiting.get(div);
    if (!entry) {
      entry = { args: args, settle: [] };
      waiting.set(div, entry);
      var observer = new MutationObserver(function () {
        var hiding = div.closest(HIDING);
        if (hiding) {
          // shown here but hidden further up: watch that ancestor instead
          observer.disconnect();
          observer.observe(hiding, { attributes: true, attributeFilter: ["style"] });
          return;
        }
        observer.disconnect();
        waiting.delete(div);
        Promise.resolve(react.apply(window.Plotly, entry.args)).then(
          function (value) { entry.settle.forEach(function (pair) { pair[0](value); }); },
          function (error) { entry.settle.forEach(function (pair) { pair[1](error); }); }
        );
      });
      observer.observe(div.closest(HIDING), { attributes: true, attributeFilter: ["style"] });
    }
    entry.args = args;
    return new Promise(function (resolve, reject) { entry.settle.push([resolve, reject]); });
  }

  function deferHiddenFirstDraws(plotly) {
    var react = plotly.react;
    plotly.react = function (graph) {
      var div = typeof graph === "string" ? document.getElementById(graph) : graph;
      if (div && !div._fullLayout && !div.closest(ALWAYS_DRAWN) && (waiting.has(div) || div.closest(HIDING))) {
        return drawWhenShown(react, div, arguments);
      }
      return react.apply(this, arguments);
    };
  }

  // Deferred scripts (our plotly.js bundle) have run by now, and Dash, which
  // starts on the same event (dashboard/app.py), has not: its listener comes later.
  document.addEventListener("DOMContentLoaded", function () {
    if (window.Plotly && typeof window.Plotly.react === "function") deferHiddenFirstDraws(window.Plotly);
  });
})();
