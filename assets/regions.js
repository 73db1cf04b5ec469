// The region list marks the selected region: see dashboard/views/regions.py.
// In the browser, so a selection costs no round trip for a class name.
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  regions: {
    highlight: function (state) {
      const select = state && state.select;
      const chosen = select && select.kind === "region" ? select.id : null;
      return window.dash_clientside.callback_context.outputs_list.map(function (output) {
        return output.id.region === chosen ? "region-item selected" : "region-item";
      });
    },
  },
});
