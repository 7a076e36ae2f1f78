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

  // Live notifications: a one-time ticket from this node, then the notification-service's event stream.
  function startNotifications() {
    var list = document.querySelector("[data-live-notifications]");
    var badge = document.querySelector("[data-unread]");
    var csrf = document.querySelector("meta[name='csrf-token']");
    if ((!list && !badge) || !csrf || !window.EventSource || !window.fetch) {
      return;
    }
    var unread = 0;
    var state = document.getElementById("notifications-state");
    function showUnread(count) {
      unread = count;
      if (badge) {
        badge.textContent = String(count);
        badge.hidden = count === 0;
      }
    }
    function add(notification) {
      if (!list) {
        return;
      }
      var item = document.createElement("li");
      item.className = "unread";
      var title = document.createElement("strong");
      title.textContent = notification.title;
      var when = document.createElement("span");
      when.className = "muted";
      when.textContent = " " + new Date(notification.occurredAt).toLocaleString();
      when.title = notification.occurredAt;
      item.appendChild(title);
      item.appendChild(when);
      list.insertBefore(item, list.firstChild);
    }
    function connect() {
      fetch("/notifications/stream-ticket", {
        method: "POST", credentials: "same-origin",
        headers: { "X-CSRF-Token": csrf.getAttribute("content"), "Accept": "application/json" }
      }).then(function (response) {
        if (!response.ok) {
          throw new Error("ticket " + response.status);
        }
        return response.json();
      }).then(function (answer) {
        var source = new EventSource(answer.streamUrl + "?ticket=" + encodeURIComponent(answer.ticket));
        source.addEventListener("ready", function (event) {
          showUnread(JSON.parse(event.data).unread);
          if (state) {
            state.textContent = list && list.getAttribute("data-empty") || "";
          }
        });
        source.addEventListener("notification", function (event) {
          add(JSON.parse(event.data));
          showUnread(unread + 1);
        });
        source.onerror = function () {
          // A ticket opens one stream only: reconnect with a new one.
          source.close();
          window.setTimeout(connect, 5000);
        };
      }).catch(function () {
        window.setTimeout(connect, 30000);
      });
    }
    connect();
  }

  document.addEventListener("DOMContentLoaded", startNotifications);

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
