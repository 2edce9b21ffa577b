/* thutuc: small improvements on top of pages that work without JavaScript.
   - the documents checklist remembers its ticks on this phone (localStorage, no server);
   - "Chia sẻ" shares the page (Web Share API) or copies its link;
   - a service worker keeps pages already read available without signal;
   - what these pages used of Material's script (not loaded: 35 KB gzip): the back-to-top
     button, and the drawer and search closed when a page comes back from history. */
(function () {
  "use strict";
  var script = document.currentScript;
  var root = new URL(script.getAttribute("data-root") || "./", location.href);

  function checklists() {
    // A procedure's documents may be in two lists (always needed, "Chỉ cần khi…"): the ticks
    // are kept by document number (data-doc), the same in every language.
    var seen = {};
    document.querySelectorAll("ul.tt-checklist[data-procedure]").forEach(function (list) {
      var procedure = list.getAttribute("data-procedure");
      if (seen[procedure]) return;
      seen[procedure] = true;
      // Several communes may share one portal (one origin): the key includes the site root.
      var key = "thutuc:checklist:" + root.pathname + ":" + procedure;
      var boxes = document.querySelectorAll(
        "ul.tt-checklist[data-procedure='" + procedure + "'] input[data-doc]");
      var saved = [];
      try { saved = JSON.parse(localStorage.getItem(key) || "[]"); } catch (e) { saved = []; }
      boxes.forEach(function (box) {
        box.checked = saved.indexOf(+box.getAttribute("data-doc")) !== -1;
        box.addEventListener("change", function () {
          var ticked = [];
          boxes.forEach(function (b) { if (b.checked) ticked.push(+b.getAttribute("data-doc")); });
          try { localStorage.setItem(key, JSON.stringify(ticked)); } catch (e) { /* private mode */ }
        });
      });
    });
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // Plain http pages (most commune portals) have no clipboard API.
    var field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.style.position = "fixed";
    field.style.opacity = "0";
    document.body.appendChild(field);
    field.select();
    var done = document.execCommand("copy");
    document.body.removeChild(field);
    return done ? Promise.resolve() : Promise.reject(new Error("copy"));
  }

  function shareButtons() {
    var buttons = document.querySelectorAll("button.tt-share");
    Array.prototype.forEach.call(buttons, function (button) {
      var status = button.nextElementSibling;
      button.hidden = false;
      button.addEventListener("click", function () {
        var url = location.href.split("#")[0];
        if (navigator.share) {
          navigator.share({ title: document.title, url: url }).catch(function () {});
          return;
        }
        copy(url).then(function () {
          if (status) status.textContent = button.getAttribute("data-done");
        }, function () {
          window.prompt(button.textContent, url);
        });
      });
    });
  }

  function serviceWorker() {
    if (!script.hasAttribute("data-sw") || !("serviceWorker" in navigator)) return;
    if (location.protocol !== "https:" && location.protocol !== "http:") return;
    navigator.serviceWorker.register(new URL("sw.js", root).href, { scope: root.pathname })
      .then(function () { return navigator.serviceWorker.ready; })
      .then(function (registration) {
        // This page was loaded before the worker ran: hand it its address and files.
        var files = [];
        document.querySelectorAll("link[rel=stylesheet], link[rel=icon], script[src]")
          .forEach(function (el) { files.push(el.href || el.src); });
        registration.active.postMessage({ page: location.href.split("#")[0], cache: files });
      })
      .catch(function () { /* no worker: the site works as before */ });
  }

  function closedFromHistory() {
    // The browser may restore a page with the drawer or search still open (Material's
    // `autocomplete="off"` on those checkboxes is invalid HTML, so it is gone).
    window.addEventListener("pageshow", function (event) {
      if (!event.persisted) return;
      ["__drawer", "__search"].forEach(function (id) {
        var toggle = document.getElementById(id);
        if (toggle) toggle.checked = false;
      });
    });
  }

  function backToTop() {
    // Shown while scrolling back up, far from the top (as Material's `navigation.top`).
    var button = document.querySelector(".md-top");
    if (!button) return;
    // Not window.scrollY here: reading it lays the page out while it is still loading.
    var last = 0;
    window.addEventListener("scroll", function () {
      var y = window.scrollY;
      button.hidden = !(y < last && y > window.innerHeight);
      last = y;
    }, { passive: true });
    button.addEventListener("click", function () {
      button.hidden = true;
      window.scrollTo(0, 0);
      var heading = document.querySelector("h1");
      if (heading) {
        heading.setAttribute("tabindex", "-1");
        heading.focus({ preventScroll: true });
      }
    });
  }

  checklists();
  shareButtons();
  serviceWorker();
  closedFromHistory();
  backToTop();
})();
