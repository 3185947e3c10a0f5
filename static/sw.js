// Crossroads service worker: keeps every file of this build so the app works offline.
// `cargo xtask build` writes the list of files and the build's version below; never edit the
// copy in dist/ by hand.
const VERSION = "__VERSION__";
const FILES = __FILES__;
// Caches are named by scope: two copies of Crossroads on one host (say /crossroads/ and
// /crossroads-beta/) keep their own and never delete each other's.
const SCOPE = self.registration.scope;
const PREFIX = `crossroads:${SCOPE}:`;
const CACHE = PREFIX + VERSION;

self.addEventListener("install", (event) => {
  // Everything or nothing: a half-cached build would fail offline. Each file is fetched from the
  // host, past the browser's HTTP cache: a host that lets index.html be cached for minutes would
  // otherwise hand this build the old page, which names files that are gone.
  const fresh = FILES.map((file) => new Request(file, { cache: "reload" }));
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(fresh)));
});

/** Whether a cache from before caches were named by scope is this scope's: it holds this
 * scope's own page. */
async function legacyOfThisScope(name) {
  if (!name.startsWith("crossroads-")) return false;
  return (await (await caches.open(name)).keys()).some((r) => r.url === SCOPE);
}

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        const older = name.startsWith(PREFIX) && name !== CACHE;
        if (older || (await legacyOfThisScope(name))) await caches.delete(name);
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
      // A page is its own file (review.html, workshop.html) or, for any other address in the
      // scope, the team's index.html: the place within a page lives in the URL's hash.
      const navigate = request.mode === "navigate";
      let cached = await cache.match(request, { ignoreSearch: navigate });
      if (!cached && navigate) cached = await cache.match("./", { ignoreSearch: true });
      return cached ?? fetch(request);
    })(),
  );
});
