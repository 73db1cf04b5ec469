'use strict';
// plotly.js with the trace types brain-circuits draws (see TRACES in build.js).
var Plotly = require('plotly.js/lib/core');

Plotly.register([
    require('plotly.js/lib/bar'),
    require('plotly.js/lib/heatmap'),
    require('plotly.js/lib/image'),
    require('plotly.js/lib/scatter3d'),
    require('plotly.js/lib/mesh3d'),
]);

module.exports = Plotly;
