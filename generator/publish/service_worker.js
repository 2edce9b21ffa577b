/* thutuc service worker: pages a citizen has opened stay readable without signal.
   - Pages: network first (a working network never gets a stale page), the saved copy when the
     network fails, and for a page never opened, a page listing those saved on this phone.
   - Files whose name holds a hash of their content (the theme's CSS, scripts and icons at
     the site root, assets/thutuc.<hash>.css; search data, search/s<hash>.js): from the cache
     at once, for ever; they never change under the same name. HASHED is generator/urls.py's
     HASHED_FILE, for a path from the site root (tests/test_one_build.py checks they agree).
   - Other files of the site (QR codes, forms): the cached copy at once, refreshed in the
     background.
   Files are kept in a cache named after this build (VERSION, written by service_worker.py);
   a new build's worker deletes the caches of older ones. Saved pages live in their own cache,
   which keeps the MAX_PAGES most recently read. Nothing from other origins is touched. */
"use strict";

const VERSION = "__VERSION__";
const TEXTS = __TEXTS__;  // {language folder: {title, lead, empty}}, "" is the source language
const PREFIX = "thutuc:" + self.registration.scope + ":";
const FILES = PREFIX + "files:" + VERSION;
const PAGES = PREFIX + "pages";
const SCOPE_PATH = new URL(self.registration.scope).pathname;  // the site root, "/xa-mau/"
const MAX_PAGES = 150;
const HASHED = /^(?:assets\/(?:[^/]+\/)*[^/]+\.|search\/[a-z]+)[0-9a-f]{12}\.[a-z0-9]+$/;

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(
  caches.keys().then((names) => Promise.all(names
    .filter((name) => name.startsWith(PREFIX + "files:") && name !== FILES)
    .map((name) => caches.delete(name))))
    .then(() => self.clients.claim())));

function inScope(request) {
  return request.method === "GET" && request.url.startsWith(self.registration.scope);
}

function store(cacheName, request, response) {
  if (!response.ok || response.type !== "basic") return Promise.resolve(response);
  const copy = response.clone();
  return caches.open(cacheName).then((cache) => cache.put(request, copy))
    .then(() => (cacheName === PAGES ? trimPages() : undefined))
    .then(() => response, () => response);  // a full disk must not break the page
}

/* Cache keys keep their insertion order: the first ones are the pages read longest ago. */
function trimPages() {
  return caches.open(PAGES).then((cache) => cache.keys().then((keys) =>
    Promise.all(keys.slice(0, Math.max(0, keys.length - MAX_PAGES))
      .map((key) => cache.delete(key)))));
}

function escapeHtml(text) {
  return text.replace(/[&<>"]/g, (ch) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;"})[ch]);
}

/* The language folder of an address ("en/" or ""), for the offline page's words. */
function languageOf(url) {
  const rest = url.slice(self.registration.scope.length);
  const folder = rest.split("/")[0] + "/";
  return Object.prototype.hasOwnProperty.call(TEXTS, folder) ? folder : "";
}

/* The page shown for an address that is neither online nor saved: the saved pages, those of
   the reader's language first, each under its own title. */
function offlinePage(request) {
  const lang = languageOf(request.url), text = TEXTS[lang] || TEXTS[""];
  return caches.open(PAGES).then((cache) => cache.keys().then((keys) =>
    Promise.all(keys.map((key) => cache.match(key).then((hit) => hit.text()).then((html) => {
      const title = (html.match(/<title>([^<]*)<\/title>/) || [])[1] || key.url;
      return {url: key.url, title: title, own: languageOf(key.url) === lang};
    }))))).then((pages) => {
    pages.sort((a, b) => (b.own - a.own) || a.title.localeCompare(b.title, "vi"));
    const items = pages.map((p) => "<li><a href=\"" + escapeHtml(p.url) + "\">" + p.title +
      "</a></li>").join("");
    const body = "<!doctype html><html lang=\"" + escapeHtml(text.lang) + "\"><head>" +
      "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">" +
      "<title>" + escapeHtml(text.title) + "</title><style>body{font:1.1rem/1.6 system-ui," +
      "sans-serif;margin:1rem;color:#111}a{color:#1a47b8;display:inline-block;padding:.5rem 0;" +
      "min-height:44px}li{margin:0}</style></head><body><h1>" + escapeHtml(text.title) +
      "</h1><p>" + escapeHtml(pages.length ? text.lead : text.empty) + "</p><ul>" + items +
      "</ul></body></html>";
    return new Response(body, {status: 503, headers: {"Content-Type": "text/html; charset=utf-8"}});
  });
}

function page(request) {
  return fetch(request)
    .then((response) => store(PAGES, request, response))
    .catch(() => caches.match(request, {cacheName: PAGES})
      .then((hit) => hit || offlinePage(request)));
}

function hashedFile(request) {
  return caches.match(request, {cacheName: FILES}).then((hit) => hit ||
    fetch(request).then((response) => store(FILES, request, response)));
}

function otherFile(event) {
  const request = event.request;
  const fresh = fetch(request).then((response) => store(FILES, request, response));
  return caches.match(request, {cacheName: FILES}).then((hit) => {
    if (hit) {
      event.waitUntil(fresh.catch(() => undefined));
      return hit;
    }
    return fresh;
  });
}

/* Recordings (nghe/ at the site root): players ask for byte ranges, which a cache cannot
   store. The first play fetches the whole file (what playing it costs anyway) into a cache of
   its own, which a new build never empties (a recording's name changes with its content);
   every range is then answered from that copy, also without signal. */
const RECORDINGS = "thutuc-nghe:" + self.registration.scope;
const RECORDING = /\/nghe\/[^/]+$/;

function recording(request) {
  return caches.open(RECORDINGS).then((cache) => cache.match(request.url).then((hit) => hit ||
    fetch(request.url).then((response) => {
      if (response.status !== 200 || response.type !== "basic") return response;
      return cache.put(request.url, response.clone()).then(() => response, () => response);
    }))).then((whole) => ranged(whole, request.headers.get("Range")));
}

function ranged(response, range) {
  const match = /^bytes=(\d*)-(\d*)$/.exec((range || "").trim());
  if (!match || response.status !== 200) return response;
  return response.blob().then((body) => {
    const size = body.size;
    const start = match[1] === "" ? Math.max(0, size - Number(match[2])) : Number(match[1]);
    const end = match[1] === "" || match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
    if (start >= size || start > end) {
      return new Response(null, {status: 416, headers: {"Content-Range": "bytes */" + size}});
    }
    return new Response(body.slice(start, end + 1), {status: 206, headers: {
      "Content-Type": response.headers.get("Content-Type") || "",
      "Content-Length": String(end - start + 1), "Accept-Ranges": "bytes",
      "Content-Range": "bytes " + start + "-" + end + "/" + size}});
  });
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (!inScope(request)) return;
  const path = new URL(request.url).pathname;
  if (RECORDING.test(path)) event.respondWith(recording(request));
  else if (request.mode === "navigate") event.respondWith(page(request));
  else if (HASHED.test(path.slice(SCOPE_PATH.length))) event.respondWith(hashedFile(request));
  else event.respondWith(otherFile(event));
});

/* The page that registered this worker was loaded before it ran: it sends its own address
   and its files, to be saved now rather than on the next visit. The browser has them
   already ("force-cache"): nothing is downloaded twice on a slow connection. */
self.addEventListener("message", (event) => {
  const data = event.data || {};
  const scope = self.registration.scope;
  const wanted = (list) => (list || []).filter((url) => typeof url === "string" && url.startsWith(scope));
  const save = (cacheName, url) => fetch(url, {cache: "force-cache"})
    .then((response) => store(cacheName, url, response)).catch(() => undefined);
  event.waitUntil(Promise.all([
    ...wanted(data.page ? [data.page] : []).map((url) => save(PAGES, url)),
    ...wanted(data.cache).map((url) => save(FILES, url))]));
});
