// Crossroads service worker: keeps every file of this build so the app works offline.
// `cargo xtask build` writes the list of files and the build's version below; never edit the
// copy in dist/ by hand.
const VERSION = "__VERSION__";
const FILES = __FILES__;
const CACHE = `crossroads-${VERSION}`;

self.addEventListener("install", (event) => {
  // Everything or nothing: a half-cached build would fail offline.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith("crossroads-") && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

// The page asks the waiting worker to take over once the team chooses to update.
self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      // Every page of the app is index.html: the place lives in the URL's hash.
      const key = request.mode === "navigate" ? "./" : request;
      const cached = await cache.match(key, { ignoreSearch: request.mode === "navigate" });
      return cached ?? fetch(request);
    })(),
  );
});
