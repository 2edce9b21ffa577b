/* thutuc service worker: pages a citizen has opened stay readable without signal.
   Pages: network first (a working network never gets a stale page), the cached copy only
   when the network fails. Other files of the site (CSS, JS, images): the cached copy at
   once, refreshed in the background. Nothing from other origins is touched. */
"use strict";

const CACHE = "thutuc:" + self.registration.scope;

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

function inScope(request) {
  return request.method === "GET" && request.url.startsWith(self.registration.scope);
}

function remember(request, response) {
  if (response.ok && response.type === "basic") {
    const copy = response.clone();
    return caches.open(CACHE).then((cache) => cache.put(request, copy)).then(() => response);
  }
  return Promise.resolve(response);
}

function page(request) {
  return fetch(request)
    .then((response) => remember(request, response))
    .catch(() => caches.match(request, { cacheName: CACHE })
      .then((hit) => hit || Response.error()));
}

function asset(event) {
  const request = event.request;
  const fresh = fetch(request).then((response) => remember(request, response));
  return caches.match(request, { cacheName: CACHE }).then((hit) => {
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
  if (!inScope(event.request)) return;
  if (RECORDING.test(new URL(event.request.url).pathname)) {
    event.respondWith(recording(event.request));
    return;
  }
  event.respondWith(event.request.mode === "navigate" ? page(event.request) : asset(event));
});

/* The page that registered this worker was loaded before it ran: it sends its own address
   and its files, to be cached now rather than on the next visit. The browser has them
   already ("force-cache"): nothing is downloaded twice on a slow connection. */
self.addEventListener("message", (event) => {
  const urls = (event.data && event.data.cache) || [];
  const wanted = urls.filter((url) => typeof url === "string" && url.startsWith(self.registration.scope));
  event.waitUntil(caches.open(CACHE).then((cache) => Promise.all(
    wanted.map((url) => fetch(url, { cache: "force-cache" }).then((response) => response.ok && cache.put(url, response))
      .catch(() => undefined)))));
});
