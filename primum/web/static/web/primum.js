/* Primum: small progressive enhancements. Every page works without this file.
 *
 * The composer's character counter counts the way the server does (primum.core.text):
 * NFC-normalised code points, after trimming trailing spaces on each line and the ends.
 * The server still decides; this only warns early.
 */
(function () {
  "use strict";

  function serverLength(text) {
    var t = text.replace(/\r\n?/g, "\n").normalize("NFC");
    t = t.split("\n").map(function (line) { return line.replace(/\s+$/u, ""); }).join("\n").trim();
    t = t.replace(/\n{3,}/g, "\n\n");
    return Array.from(t).length; // code points, not UTF-16 units: an emoji counts once
  }

  function update(textarea) {
    var form = textarea.form;
    var counter = form && form.querySelector('[data-counter-for="' + textarea.id + '"]');
    if (!counter) { return; }
    var max = parseInt(textarea.getAttribute("data-max-chars") || "500", 10);
    var left = max - serverLength(textarea.value);
    counter.textContent = left >= 0
      ? left + (left === 1 ? " character left" : " characters left")
      : -left + (left === -1 ? " character" : " characters") + " over the limit of " + max;
    counter.classList.toggle("over", left < 0);
    // Announce only near the limit, not on every keystroke.
    counter.setAttribute("aria-live", left <= 20 ? "polite" : "off");
  }

  function init(root) {
    root.querySelectorAll("textarea[data-max-chars]").forEach(update);
  }

  document.addEventListener("input", function (event) {
    var el = event.target;
    if (el.matches && el.matches("textarea[data-max-chars]")) { update(el); }
  });
  // The composer's PHI prompt: "Use redacted text" replaces the draft with the server's
  // suggested redaction. The button is hidden until this script shows it.
  function showRedactButtons(root) {
    root.querySelectorAll("button[data-use-redacted]").forEach(function (b) { b.hidden = false; });
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button[data-use-redacted]");
    if (!button) { return; }
    var box = document.getElementById(button.getAttribute("data-target"));
    if (!box) { return; }
    box.value = button.getAttribute("data-text");
    box.dispatchEvent(new Event("input", { bubbles: true }));
    box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
    box.focus();
  });
  document.addEventListener("htmx:afterSwap", function (event) {
    showRedactButtons(event.detail && event.detail.target ? event.detail.target : document);
  });

  document.addEventListener("DOMContentLoaded", function () { init(document); });
  document.addEventListener("htmx:afterSettle", function (event) {
    init(document);
    var target = event.detail && event.detail.target;
    // A reply box loaded in place: move the keyboard focus into it.
    if (target && target.classList && target.classList.contains("reply-slot")) {
      var box = target.querySelector("textarea");
      if (box) { box.focus(); }
    }
  });
})();
