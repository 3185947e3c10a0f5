// Crossroads service worker: keeps the files of this build so the app works offline.
// `cargo xtask build` writes the lists of files and the build's version below; never edit the
// copy in dist/ by hand.
//
// Three pages share it (the team's workbook, the reviewer's desk, the facilitator's workshop),
// but a browser keeps only the pages it uses: a school team never downloads the reviewer's
// WebAssembly. A page's files are cached when it is open as the worker installs, when this
// browser kept that page in an earlier build, and whenever it is visited online.
const VERSION = "__VERSION__";
/** Every file of the build: what may be cached at all. */
const FILES = __FILES__;
/** What every page needs (icons, manifest). */
const SHARED = __SHARED__;
/** Each page's own files, by the page's address. */
const PAGES = __PAGES__;
// Caches are named by scope: two copies of Crossroads on one host (say /crossroads/ and
// /crossroads-beta/) keep their own and never delete each other's.
const SCOPE = self.registration.scope;
const PREFIX = `crossroads:${SCOPE}:`;
const CACHE = PREFIX + VERSION;

/** The page an address within the scope belongs to ("./index.html" for the scope itself). */
function pageOf(url) {
  const path = "./" + new URL(url).pathname.slice(new URL(SCOPE).pathname.length);
  return path === "./" ? "./index.html" : path;
}

/** The pages to keep: those open now, and those an earlier build of this scope kept. */
async function pagesInUse() {
  const pages = new Set();
  for (const client of await self.clients.matchAll({ includeUncontrolled: true, type: "window" })) {
    if (PAGES[pageOf(client.url)]) pages.add(pageOf(client.url));
  }
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX) || name === CACHE) continue;
    const older = await caches.open(name);
    for (const page of Object.keys(PAGES)) if (await older.match(page)) pages.add(page);
  }
  if (pages.size === 0) pages.add("./index.html");
  return pages;
}

self.addEventListener("install", (event) => {
  // Everything or nothing: a half-cached page would fail offline. Each file is fetched from the
  // host, past the browser's HTTP cache: a host that lets index.html be cached for minutes would
  // otherwise hand this build the old page, which names files that are gone.
  event.waitUntil(
    (async () => {
      const files = new Set(SHARED);
      for (const page of await pagesInUse()) for (const file of PAGES[page]) files.add(file);
      const fresh = [...files].map((file) => new Request(file, { cache: "reload" }));
      await (await caches.open(CACHE)).addAll(fresh);
    })(),
  );
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
      const url = new URL(request.url);
      const known = FILES.includes(pageOf(url.href));
      if (!cached && navigate && !PAGES[pageOf(url.href)]) cached = await cache.match("./", { ignoreSearch: true });
      if (cached) return cached;
      const response = await fetch(request);
      // A page of this build visited online, and its files, are kept for offline use.
      if (known && response.ok && !url.search) await cache.put(request, response.clone());
      return response;
    })(),
  );
});
