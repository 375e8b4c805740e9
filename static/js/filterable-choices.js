// Filter field of core.widgets.FilterableCheckboxSelectMultiple (admin only): shows the field,
// then hides the tick boxes whose label does not contain what was typed. Chosen boxes stay.
(function () {
  "use strict";
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function setUp(root) {
    if (root.dataset.filterableReady) return;
    root.dataset.filterableReady = "1";
    var filter = root.querySelector(".filterable-choices__filter");
    var input = root.querySelector("[data-filterable-choices-input]");
    var status = root.querySelector("[data-filterable-choices-status]");
    var items = Array.prototype.slice.call(root.querySelectorAll(".filterable-choices__list li"));
    filter.hidden = false;
    input.addEventListener("input", function () {
      var query = fold(input.value.trim());
      var shown = 0;
      items.forEach(function (item) {
        var box = item.querySelector("input");
        var match = !query || (box && box.checked) || fold(item.textContent).indexOf(query) !== -1;
        item.hidden = !match;
        if (match) shown += 1;
      });
      status.textContent = query
        ? status.dataset.template.replace("{shown}", shown).replace("{total}", items.length)
        : "";
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") event.preventDefault(); // never submit the page form
    });
  }
  function setUpAll() {
    document.querySelectorAll("[data-filterable-choices]").forEach(setUp);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
})();
