// Attachments panel (Features/Attachments/_Attachments.cshtml): upload with a progress bar, then refresh the
// list in place. Progressive enhancement: without this file the form posts and the page reloads.
(function () {
    "use strict";
    if (window.ppAttachments) return; // the partial may appear more than once
    window.ppAttachments = true;

    function say(panel, text) {
        var status = panel.querySelector("[data-attachments-status]");
        // Cleared first, so the same message twice is announced twice.
        status.textContent = "";
        setTimeout(function () { status.textContent = text; }, 50);
    }

    function refresh(panel, message) {
        var request = new XMLHttpRequest();
        request.open("GET", panel.getAttribute("data-list-url"));
        request.setRequestHeader("X-Requested-With", "XMLHttpRequest");
        request.onload = function () {
            if (request.status !== 200) { window.location.reload(); return; }
            var fresh = new DOMParser().parseFromString(request.responseText, "text/html").querySelector("[data-attachments-body]");
            var body = panel.querySelector("[data-attachments-body]");
            if (!fresh || !body) { window.location.reload(); return; }
            body.replaceWith(document.importNode(fresh, true));
            panel.querySelector("h2").focus(); // the button that had focus is gone
            say(panel, message);
        };
        request.onerror = function () { window.location.reload(); };
        request.send();
    }

    document.addEventListener("submit", function (event) {
        var form = event.target;
        if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-attachments-upload") || !window.FormData) return;
        var panel = form.closest("[data-attachments]");
        var input = form.querySelector("input[type=file]");
        if (!panel || !input || !input.files || input.files.length !== 1) return; // the server's message will say why
        event.preventDefault();

        var progress = form.querySelector("[data-attachments-progress]");
        var button = form.querySelector("button[type=submit]");
        var generic = panel.getAttribute("data-error-generic");
        var request = new XMLHttpRequest();
        request.open("POST", form.action);
        request.setRequestHeader("X-Requested-With", "XMLHttpRequest");
        request.responseType = "json";
        request.upload.onprogress = function (e) {
            if (!e.lengthComputable) return;
            progress.value = Math.round(100 * e.loaded / e.total);
            progress.textContent = progress.value + " %";
        };
        function done() {
            button.disabled = false;
            progress.hidden = true;
        }
        request.onload = function () {
            done();
            var answer = request.response;
            if (request.status === 200 && answer && answer.message) refresh(panel, answer.message);
            else say(panel, (answer && answer.error) || generic);
        };
        request.onerror = function () { done(); say(panel, generic); };

        button.disabled = true;
        progress.value = 0;
        progress.hidden = false;
        say(panel, panel.getAttribute("data-uploading").replace("{name}", input.files[0].name));
        request.send(new FormData(form));
    });
})();
