// Live pupil pages: when the server says a fact about this pupil arrived, fetch the
// facts again (htmx swaps them in). No inline script: the CSP allows only this file.
(function () {
  "use strict";
  function start() {
    var live = document.querySelector("[data-live]");
    if (!live || !window.EventSource || !window.htmx) { return; }
    var source = new EventSource(live.getAttribute("data-live"));
    source.addEventListener("changed", function () {
      window.htmx.ajax("GET", live.getAttribute("data-refresh"),
        { target: "#leerling-feiten", swap: "outerHTML" });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
