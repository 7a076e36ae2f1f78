// Small progressive enhancements for the CaseBridge console. Every page works without this script.
(function () {
  "use strict";

  // Note the browser's time zone, so the node shows times in it (a cookie, not a URL parameter).
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && document.cookie.indexOf("casebridge_tz=" + encodeURIComponent(zone)) < 0) {
      document.cookie = "casebridge_tz=" + encodeURIComponent(zone) + "; path=/; max-age=31536000; SameSite=Strict"
        + (location.protocol === "https:" ? "; Secure" : "");
    }
  } catch (e) {
    // Without Intl the node uses the agency's time zone.
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  }, true);

  document.addEventListener("change", function (event) {
    var field = event.target;
    if (field.hasAttribute && field.hasAttribute("data-autosubmit") && field.form) {
      field.form.requestSubmit ? field.form.requestSubmit() : field.form.submit();
    }
  });

  // Put the keyboard focus on a refusal, so screen readers announce it and the user sees where to look.
  document.addEventListener("DOMContentLoaded", function () {
    var problem = document.getElementById("problem");
    var firstInvalid = document.querySelector("[aria-invalid='true']");
    if (firstInvalid) {
      firstInvalid.focus();
    } else if (problem) {
      problem.focus();
    }
  });
})();
