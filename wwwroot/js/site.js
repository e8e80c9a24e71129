// Progressive enhancement only: every page works without this file.
(function () {
    "use strict";
    document.documentElement.classList.add("js");
    var lang = document.documentElement.lang || "en";

    // Countdowns: the server renders the text; this keeps it current while the page stays open.
    var relative = window.Intl && Intl.RelativeTimeFormat ? new Intl.RelativeTimeFormat(lang, { numeric: "auto" }) : null;
    function refreshCountdowns() {
        if (!relative) return;
        document.querySelectorAll(".countdown[data-until]").forEach(function (el) {
            var left = (Date.parse(el.getAttribute("data-until")) - Date.now()) / 60000;
            if (left <= 0) return; // the server's wording ("closed") stays until the next page load
            var text = left >= 2 * 1440 ? relative.format(Math.floor(left / 1440), "day")
                : left >= 120 ? relative.format(Math.floor(left / 60), "hour")
                : relative.format(Math.max(1, Math.floor(left)), "minute");
            if (el.textContent !== text) el.textContent = text;
        });
    }
    document.addEventListener("DOMContentLoaded", function () {
        refreshCountdowns();
        setInterval(refreshCountdowns, 30000);

        // "Select all / none" for checkbox groups.
        document.querySelectorAll("[data-check-all]").forEach(function (button) {
            button.addEventListener("click", function () {
                var name = button.getAttribute("data-check-all");
                var value = button.getAttribute("data-value") === "true";
                document.querySelectorAll('input[type=checkbox][name="' + name + '"]').forEach(function (box) { box.checked = value; });
            });
        });

        // Move focus to the error summary so keyboard and screen-reader users land on what to fix.
        var summary = document.querySelector("[data-autofocus]");
        if (summary) summary.focus();
    });
})();

// "Print this report": a link rather than inline script, which the CSP forbids.
document.addEventListener("click", (event) => {
    const link = event.target instanceof Element ? event.target.closest("[data-print]") : null;
    if (!link) return;
    event.preventDefault();
    window.print();
});
