// Which main view is drawn: see dashboard/views/panes.py.
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  panes: {
    // the view state goes to a view's own store only while that view is shown
    gate: function (state) {
      const outputs = window.dash_clientside.callback_context.outputs_list;
      return outputs.map(function (output) {
        return state && state.pane === output.id.pane ? state : window.dash_clientside.no_update;
      });
    },
    // the comparison view is redrawn only while a comparison is asked for,
    // and once more to hide it
    compare: function (state, style) {
      const shown = !(style && style.display === "none");
      return state && (state.compare || shown) ? state : window.dash_clientside.no_update;
    },
    show: function (state) {
      const pane = (state && state.pane) || "3d";
      const outputs = window.dash_clientside.callback_context.outputs_list[0];
      const styles = outputs.map(function (output) {
        return output.id.pane === pane ? {} : { display: "none" };
      });
      const spatial = ["3d", "slices", "circuit"].indexOf(pane) >= 0;
      return [styles, spatial ? {} : { display: "none" }];
    },
  },
});
