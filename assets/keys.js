// Keyboard for lecturers: ← → and Page Up/Down (what presentation clickers
// send) move through the guided tour; Escape leaves presentation mode.
// Keys typed into a control (a slider, a menu, a text box) are left alone.
//
// Presses are queued and sent one at a time, each after the previous one has
// changed the URL (or 1.5 s): Dash merges clicks that arrive while the same
// callback is pending, and a quick "next, previous" would lose one.
(function () {
  var queue = [];
  var busy = false;

  function inControl(target) {
    return target && target.closest && target.closest("input, textarea, select, [role='slider'], .Select, .dash-dropdown, .rc-slider");
  }

  function pump() {
    if (busy || queue.length === 0) { return; }
    var button = document.getElementById(queue.shift());
    if (!button) { pump(); return; }
    busy = true;
    var before = window.location.search;
    var started = Date.now();
    button.click();
    (function settle() {
      if (window.location.search !== before || Date.now() - started > 1500) { busy = false; pump(); }
      else { window.setTimeout(settle, 30); }
    })();
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || inControl(event.target)) { return; }
    // the URL, not the tour panel (drawn a moment later), says whether the tour is on
    var touring = new URLSearchParams(window.location.search).has("step");
    var target = null;
    if (touring && (event.key === "ArrowRight" || event.key === "PageDown")) { target = "tour-next"; }
    else if (touring && (event.key === "ArrowLeft" || event.key === "PageUp")) { target = "tour-previous"; }
    else if (event.key === "Escape" && document.querySelector(".app-shell.presenting")) { target = "present-toggle"; }
    if (target) {
      event.preventDefault();
      queue.push(target);
      pump();
    }
  });
})();
