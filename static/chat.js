// suoja's one script: live chat pages. Without it every page works by its
// buttons; with it, lines arrive by server-sent events, sending does not
// reload the page, and the counsellor's console keeps itself current.
// Everything received is put in the page as text, never as markup, except
// the console's live part, which is HTML this origin rendered and escaped.
(function () {
  "use strict";

  var chat = document.getElementById("chat");
  if (chat && window.EventSource && window.fetch) {
    liveChat(chat);
  }
  var live = document.getElementById("console-live");
  if (live && window.EventSource && window.fetch) {
    liveConsole(live);
  }

  function liveChat(root) {
    var log = document.getElementById("chat-log");
    var status = document.getElementById("chat-status");
    var form = document.getElementById("chat-form");
    var text = document.getElementById("message");
    var error = document.getElementById("chat-error");
    var empty = document.getElementById("chat-empty");
    var last = parseInt(root.getAttribute("data-after"), 10) || 0;
    var ended = false;

    // The "check" button is for pages without the script.
    each(root.querySelectorAll("[data-no-js]"), function (el) { el.hidden = true; });

    function add(line) {
      if (line.n <= last) { return; }
      last = line.n;
      if (empty) { empty.hidden = true; }
      var li = document.createElement("li");
      li.className = "line " + line.class;
      var who = document.createElement("p");
      who.className = "who";
      who.textContent = line.who + " ";
      var time = document.createElement("span");
      time.className = "day";
      time.textContent = line.time;
      who.appendChild(time);
      var body = document.createElement("div");
      body.className = "message";
      // Typed text keeps its own direction (Latin text on an Arabic page).
      body.dir = "auto";
      body.textContent = line.text;
      li.appendChild(who);
      li.appendChild(body);
      log.appendChild(li);
    }

    var events = new EventSource(root.getAttribute("data-events") + "?after=" + last);
    events.addEventListener("line", function (e) {
      try { add(JSON.parse(e.data)); } catch (_) { /* a broken event is skipped */ }
    });
    events.addEventListener("state", function (e) {
      var s;
      try { s = JSON.parse(e.data); } catch (_) { return; }
      if (s.text && status.textContent !== s.text) { status.textContent = s.text; }
      each(root.querySelectorAll("[data-hide-when]"), function (el) {
        if (el.getAttribute("data-hide-when") === s.state) { el.hidden = true; }
      });
      if (s.state === "ended" || s.state === "moved") {
        ended = true;
        events.close();
      }
    });
    events.addEventListener("error", function () {
      if (!ended && events.readyState === EventSource.CLOSED) {
        error.textContent = root.getAttribute("data-lost");
      }
    });

    form.addEventListener("submit", function (e) {
      var button = e.submitter;
      var action = button ? button.value : "send";
      // Ending, turning into a written message, notes and hand-overs load
      // their page as without the script.
      if (action !== "send" || ended) { return; }
      e.preventDefault();
      if (!text.value.trim()) { text.focus(); return; }
      var body = new URLSearchParams(new FormData(form));
      body.set("do", "send");
      body.set("js", "1");
      error.textContent = "";
      button.disabled = true;
      fetch(form.action, {
        method: "POST",
        body: body,
        credentials: "same-origin",
        headers: { "content-type": "application/x-www-form-urlencoded" }
      }).then(function (r) {
        if (r.status === 204) {
          // Sent: the line comes back by the event stream. Only now is the
          // text cleared, so a failed send never loses it.
          text.value = "";
          text.removeAttribute("aria-invalid");
          return;
        }
        return r.text().then(function (why) {
          error.textContent = r.status === 422 ? why : root.getAttribute("data-lost");
          text.setAttribute("aria-invalid", "true");
        });
      }).catch(function () {
        error.textContent = root.getAttribute("data-lost");
      }).then(function () {
        button.disabled = false;
        // Disabling the pressed button dropped the focus to the page: it
        // goes back to the text, ready for the next line (or to fix it).
        text.focus();
      });
    });
  }

  function liveConsole(root) {
    var busy = false;
    var again = false;
    function reload() {
      if (busy) { again = true; return; }
      busy = true;
      fetch(root.getAttribute("data-live"), { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (html) {
          // Markup rendered (and escaped) by this origin; focus is kept
          // where it was unless its element was replaced.
          if (html !== null) { root.innerHTML = html; }
        })
        .catch(function () { /* the next event tries again */ })
        .then(function () {
          busy = false;
          if (again) { again = false; reload(); }
        });
    }
    var events = new EventSource(root.getAttribute("data-console-events"));
    events.addEventListener("refresh", reload);
  }

  function each(list, f) {
    for (var i = 0; i < list.length; i++) { f(list[i]); }
  }
})();
