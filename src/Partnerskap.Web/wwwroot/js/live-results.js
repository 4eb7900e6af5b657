// Live vote results for the chair's view (progressive enhancement: the page works without this script).
(function () {
    "use strict";
    var script = document.currentScript;
    var voteId = parseInt(script.getAttribute("data-vote"), 10);
    var root = document.querySelector("[data-vote-results='" + voteId + "']");
    if (!root || !window.signalR) { return; }
    var statusText = {
        draft: script.getAttribute("data-status-draft"),
        open: script.getAttribute("data-status-open"),
        closed: script.getAttribute("data-status-closed")
    };
    // Reload at most once, only on a page rendered before the close, and never while a form of the page is being sent
    // (the chair's own "close" form: its answer is the page to show, and a reload would cancel it).
    var reloadWanted = script.getAttribute("data-rendered-status") !== "closed";
    document.addEventListener("submit", function () { reloadWanted = false; });
    function set(field, value) {
        var el = root.querySelector("[data-field='" + field + "']");
        if (el && el.textContent !== String(value)) { el.textContent = value; }
    }
    function render(view) {
        set("cast", view.cast);
        set("eligible", view.eligible);
        set("status", statusText[view.status] || view.status);
        root.querySelectorAll("[data-option]").forEach(function (cell) {
            var option = cell.getAttribute("data-option");
            if (view.counts && Object.prototype.hasOwnProperty.call(view.counts, option)) {
                cell.textContent = view.counts[option];
            }
        });
        if (view.status === "closed" && reloadWanted) {
            // The frozen result (outcome text) is rendered by the server: reload once.
            reloadWanted = false;
            window.location.reload();
        }
    }
    var connection = new signalR.HubConnectionBuilder().withUrl("/hubs/votes").withAutomaticReconnect().build();
    connection.on("results", render);
    connection.onreconnected(function () { connection.invoke("Watch", voteId); });
    connection.start().then(function () {
        var state = document.getElementById("live-state");
        if (state) { state.textContent = script.getAttribute("data-live-text"); }
        return connection.invoke("Watch", voteId);
    }).catch(function () { /* stays a plain page with the "Oppdater" link */ });
})();
