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

self.addEventListener("fetch", (event) => {
  if (!inScope(event.request)) return;
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
