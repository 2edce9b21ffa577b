/* thutuc search box: runs the search box of partials/tt-search.html with engine.js (joined
 * before this file). Index files are scripts calling thutucSearch(name, data), loaded with
 * <script> tags (works from http(s) and file://) and kept in memory once loaded, so a second
 * search on a broken connection still works for what was loaded. */
(function () {
  "use strict";
  var search = window.thutucEngine.search;

  /* ---- loading index files ---- */
  var box = document.querySelector(".tt-search");
  var manifestUrl = box.getAttribute("data-tt-manifest");
  var manifestName = manifestUrl.replace(/^.*\/|\.js$/g, "");
  var folder = manifestUrl.replace(/[^/]*$/, "");
  var loaded = {}, waiting = {};

  window.thutucSearch = function (name, data) {
    loaded[name] = data;
  };

  function loadFile(name) {
    if (name in loaded) return Promise.resolve(loaded[name]);
    if (!waiting[name]) {
      waiting[name] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = folder + name + ".js";
        script.onload = function () {
          delete waiting[name];
          script.remove();
          if (name in loaded) resolve(loaded[name]); else reject(new Error(name));
        };
        script.onerror = function () {
          delete waiting[name];  // the next search tries again
          script.remove();
          reject(new Error(name));
        };
        document.head.appendChild(script);
      });
    }
    return waiting[name];
  }

  /* ---- the search box ---- */
  var toggle = document.getElementById("__search");
  var input = box.querySelector(".md-search__input");
  var meta = box.querySelector(".md-search-result__meta");
  var list = box.querySelector(".md-search-result__list");
  var root = box.getAttribute("data-tt-root");
  var pages = box.getAttribute("data-tt-pages");
  var latest = 0;
  var TYPING_PAUSE = 150;  // milliseconds

  function text(name) { return box.getAttribute("data-tt-" + name); }

  /* Show the box's text `name` in `element`, said to be Vietnamese when it is (the page's
     language lacks it: `data-tt-NAME-lang`). */
  function say(element, name, count) {
    var lang = text(name + "-lang");
    element.textContent = text(name).replace("{count}", count);
    if (lang) element.setAttribute("lang", lang); else element.removeAttribute("lang");
  }

  function item(doc) {
    var li = document.createElement("li"), a = document.createElement("a");
    var article = document.createElement("article"), icon = document.createElement("div");
    var h1 = document.createElement("h1"), p = document.createElement("p");
    li.className = "md-search-result__item";
    a.className = "md-search-result__link";
    a.href = root + pages.replace("{id}", doc[0]);
    article.className = "md-search-result__article md-typeset";
    icon.className = "md-search-result__icon md-icon";
    h1.textContent = doc[1];
    // The title first, as people read it; the code after, for staff who look codes up.
    p.textContent = doc[3] + (doc[2] ? " · " + doc[2] : "");
    article.append(icon, h1, p);
    a.append(article);
    li.append(a);
    return li;
  }

  function show(result) {
    list.replaceChildren.apply(list, result ? result.docs.map(item) : []);
    if (!result) meta.textContent = "";
    else say(meta, result.incomplete ? "incomplete" : result.count ? "results" : "none",
             result.count);
  }

  /* Search for what is in the box; when done, `data-tt-shown` on the box says for what. */
  function run() {
    var id = ++latest, query = input.value;
    if (!loaded[manifestName]) say(meta, "loading");
    search(query, manifestName, loadFile).then(function (result) {
      if (id === latest) show(result);
    }, function () {
      if (id === latest) { list.replaceChildren(); say(meta, "failed"); }
    }).then(function () {
      if (id === latest) box.setAttribute("data-tt-shown", query);
    });
  }

  var timer = 0;
  input.addEventListener("input", function () {
    // Wait for a pause in typing: no downloads for the words typed on the way.
    clearTimeout(timer);
    timer = setTimeout(run, TYPING_PAUSE);
  });
  box.querySelector("form").addEventListener("reset", function () {
    setTimeout(function () { show(null); input.focus(); });
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      var first = list.querySelector("a");
      if (first) first.click();
    } else if (event.key === "Escape") {
      toggle.checked = false;
      input.blur();
    }
  });
  if (input.value) run();  // typed before this script arrived
})();
