// The entry form: live word counters, autosave every few seconds, and a copy in this browser so that
// nothing typed is lost when the connection drops. Progressive: the form works without this file.
(function () {
    "use strict";
    var form = document.querySelector("form.entry-form");
    if (!form) return;

    // --- Word counters: the same rule as PreventionPrize.Core.Entries.WordCount -------------------------
    // A word is a run of non-whitespace holding at least one letter or decimal digit.
    var letterOrDigit = /[\p{L}\p{Nd}]/u;
    function countWords(text) {
        return text.split(/\s+/).filter(function (token) { return letterOrDigit.test(token); }).length;
    }
    // Exposed so the browser tests can check that this counter and the server agree on the same texts.
    window.PreventionPrize = { countWords: countWords };
    function refreshCounter(textarea) {
        var counter = document.getElementById(textarea.id + "-count");
        if (!counter) return;
        var limit = parseInt(textarea.getAttribute("data-word-limit"), 10);
        var count = countWords(textarea.value);
        var over = count > limit;
        var template = counter.getAttribute(over ? "data-over-template" : "data-template");
        counter.textContent = template.replace("{0}", count.toLocaleString(document.documentElement.lang)).replace("{1}", limit.toLocaleString(document.documentElement.lang));
        counter.classList.toggle("over", over);
    }
    form.querySelectorAll("textarea[data-word-limit]").forEach(function (textarea) {
        textarea.addEventListener("input", function () { refreshCounter(textarea); });
    });

    // --- Another co-applicant row -----------------------------------------------------------------------
    var addButton = form.querySelector("[data-add-team-member]");
    if (addButton) {
        addButton.addEventListener("click", function () {
            var rows = form.querySelectorAll(".team-row");
            var last = rows[rows.length - 1];
            var index = rows.length;
            var copy = last.cloneNode(true);
            copy.querySelectorAll("input, label, span").forEach(function (el) {
                ["name", "id", "for", "data-valmsg-for"].forEach(function (attribute) {
                    var value = el.getAttribute(attribute);
                    if (value) el.setAttribute(attribute, value.replace(/TeamMembers(\[|_)\d+/, function (m, sep) { return "TeamMembers" + sep + index; }));
                });
                if (el.tagName === "INPUT") el.value = "";
                if (el.tagName === "SPAN") el.textContent = "";
            });
            copy.setAttribute("aria-label", last.getAttribute("aria-label").replace(/\d+/, String(index + 1)));
            last.after(copy);
            copy.querySelector("input").focus();
        });
    }

    // --- Autosave ---------------------------------------------------------------------------------------
    var url = form.getAttribute("data-autosave");
    var status = document.getElementById("autosave-status");
    var storageKey = "pp-entry-" + form.getAttribute("data-entry-id");
    var versionInput = form.querySelector("input[name=Version]");
    var timer = null;
    var saving = false;
    var inFlight = null; // the autosave under way, until its answer is in
    var waitingToSubmit = false;
    var dirty = false;

    function say(attribute, value) {
        var text = status.getAttribute(attribute);
        status.textContent = value === undefined ? text : text.replace("{0}", value);
    }
    function fields() {
        var data = new FormData(form);
        data.delete("SubmissionKey");
        return data;
    }
    function keepLocally() {
        var copy = {};
        fields().forEach(function (value, key) { (copy[key] = copy[key] || []).push(value); });
        try { localStorage.setItem(storageKey, JSON.stringify({ version: versionInput.value, fields: copy })); } catch (e) { /* storage full or off */ }
    }
    function save() {
        if (!url || saving || !dirty) return;
        saving = true;
        dirty = false;
        say("data-saving");
        inFlight = fetch(url, {
            method: "POST",
            body: fields(),
            headers: { "RequestVerificationToken": form.querySelector("input[name=__RequestVerificationToken]").value },
            credentials: "same-origin"
        }).then(function (response) {
            if (response.ok) return response.json().then(function (saved) {
                versionInput.value = saved.version;
                localStorage.removeItem(storageKey);
                var time = new Date(saved.savedAt).toLocaleTimeString(document.documentElement.lang, { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Paris" });
                say("data-saved", time);
            });
            if (response.status === 409) { say("data-conflict"); return; }
            throw new Error("HTTP " + response.status);
        }).catch(function () {
            dirty = true;
            say("data-offline");
        }).finally(function () { saving = false; inFlight = null; });
    }
    function changed() {
        dirty = true;
        keepLocally();
        clearTimeout(timer);
        timer = setTimeout(save, 3000);
    }
    if (url) {
        form.addEventListener("input", changed);
        form.addEventListener("change", changed);
        window.addEventListener("online", save);
        setInterval(save, 15000);

        // Text kept in this browser from a visit that could not save comes back into the form.
        var kept = null;
        try { kept = JSON.parse(localStorage.getItem(storageKey) || "null"); } catch (e) { kept = null; }
        if (kept && kept.version === versionInput.value) {
            Object.keys(kept.fields).forEach(function (name) {
                var values = kept.fields[name];
                form.querySelectorAll('[name="' + name + '"]').forEach(function (el) {
                    if (el.type === "checkbox" || el.type === "radio") el.checked = values.indexOf(el.value) >= 0;
                    else if (el.type !== "hidden") el.value = values[0];
                });
            });
            form.querySelectorAll("textarea[data-word-limit]").forEach(refreshCounter);
            say("data-restored");
            dirty = true;
            save();
        } else if (kept) {
            localStorage.removeItem(storageKey);
        }
    }
    // Leaving with a pending change: the browser asks first.
    window.addEventListener("beforeunload", function (event) {
        if (url && dirty) { event.preventDefault(); event.returnValue = ""; }
    });
    // Submitting while an autosave's answer is still on its way would send the version from before that save, and the
    // server would take the applicant's own save for someone else's change. The form waits for the answer (which
    // brings the new version), then goes, by the same button.
    form.addEventListener("submit", function (event) {
        clearTimeout(timer);
        if (inFlight) {
            event.preventDefault();
            if (waitingToSubmit) return; // a second click while waiting: one submission is enough
            waitingToSubmit = true;
            var button = event.submitter;
            inFlight.then(function () {
                waitingToSubmit = false;
                if (form.requestSubmit) form.requestSubmit(button); else if (button) button.click(); else form.submit();
            });
            return;
        }
        dirty = false;
        localStorage.removeItem(storageKey);
    });
})();
