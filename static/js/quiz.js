/* Knowledge checks without a page reload. Progressive enhancement only: the forms post and
   the server redirects back with the feedback when this file is absent. The server marks the
   answer and returns the question's new HTML; nothing here knows the right answer. */
(function () {
  "use strict";
  if (!window.fetch || !window.FormData) return;

  function enhance(form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var question = form.closest(".quiz-question");
      var button = form.querySelector("button[type=submit]");
      if (button) button.disabled = true;
      // getAttribute: the form has a field named "action", which form.action would return.
      fetch(form.getAttribute("action"), {
        method: "POST",
        body: new FormData(form),
        headers: { Accept: "application/json" },
        credentials: "same-origin"
      })
        .then(function (response) {
          return response.json().then(function (data) { return data; });
        })
        .then(function (data) {
          if (!data.html) {
            form.submit();
            return;
          }
          var holder = document.createElement("div");
          holder.innerHTML = data.html;
          var fresh = holder.firstElementChild;
          question.replaceWith(fresh);
          var next = fresh.querySelector(".quiz-form");
          if (next) enhance(next);
          var status = fresh.querySelector(".quiz-feedback");
          if (status) {
            status.setAttribute("tabindex", "-1");
            status.focus();
          }
        })
        .catch(function () {
          form.submit();
        });
    });
  }

  document.querySelectorAll(".quiz-form").forEach(enhance);
})();
