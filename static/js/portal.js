/* Progressive enhancement only: every page works fully without this file. */
(function () {
  "use strict";

  // Main navigation disclosures (<details>): close on Escape or a click elsewhere.
  var disclosures = document.querySelectorAll(".nav-disclosure");
  if (disclosures.length) {
    document.addEventListener("click", function (event) {
      disclosures.forEach(function (item) {
        if (item.open && !item.contains(event.target)) item.open = false;
      });
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") return;
      disclosures.forEach(function (item) {
        if (item.open) {
          item.open = false;
          item.querySelector("summary").focus();
        }
      });
    });
  }

  // "Copy citation" buttons, only where the clipboard API is available.
  if (navigator.clipboard && window.isSecureContext) {
    document.querySelectorAll("[data-copy-source]").forEach(function (source) {
      var button = document.createElement("button");
      var label = source.getAttribute("data-copy-label");
      var done = source.getAttribute("data-copied-label");
      var status = document.createElement("span");
      button.type = "button";
      button.className = "copy-button";
      button.textContent = label;
      status.className = "visually-hidden";
      status.setAttribute("role", "status");
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(source.innerText.trim()).then(function () {
          button.textContent = done;
          status.textContent = done;
          window.setTimeout(function () {
            button.textContent = label;
            status.textContent = "";
          }, 2500);
        });
      });
      source.insertAdjacentElement("afterend", button);
      button.insertAdjacentElement("afterend", status);
    });
  }
})();
