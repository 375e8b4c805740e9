/* Search page enhancements; the page works fully without this file.
 * - Title suggestions in the search box's <datalist>, from /<lang>/search/suggest/.
 * - A ticked or unticked facet applies at once instead of waiting for "Apply filters".
 */
(function () {
  "use strict";

  var form = document.querySelector("form[data-suggest-url]");
  var input = form && form.querySelector('input[name="q"]');
  var list = document.getElementById("search-suggestions");
  if (form && input && list && window.fetch) {
    var timer = null;
    var last = "";
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        var text = input.value.trim();
        if (text.length < 2 || text === last) return;
        last = text;
        var scope = form.querySelector('input[name="scope"]:checked');
        var url = form.getAttribute("data-suggest-url") + "?q=" + encodeURIComponent(text) +
          (scope && scope.value === "all" ? "&scope=all" : "");
        fetch(url, { headers: { Accept: "application/json" } })
          .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
          .then(function (data) {
            if (input.value.trim() !== text) return;
            list.textContent = "";
            (data.suggestions || []).forEach(function (item) {
              var option = document.createElement("option");
              option.value = item.title;
              list.appendChild(option);
            });
          })
          .catch(function () { /* suggestions are optional */ });
      }, 200);
    });
  }

  var facets = document.querySelector(".facet-form");
  if (facets) {
    facets.addEventListener("change", function (event) {
      if (event.target.type === "checkbox") facets.submit();
    });
  }
})();
