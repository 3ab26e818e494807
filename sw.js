// Nutshell's service worker: the page works offline after the first visit.
// scripts/post-build.sh stamps the version and the list of built files.
const VERSION = "__NUTSHELL_VERSION__";
const FILES = ["__NUTSHELL_FILES__"];
const CACHE = `nutshell-${VERSION}`;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      // `reload`: never fill a new cache from the HTTP cache (the worker's
      // files keep their names from build to build).
      .then((cache) => cache.addAll(["./", ...FILES].map((url) => new Request(url, { cache: "reload" }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((key) => key.startsWith("nutshell-") && key !== CACHE)
            .map((key) => caches.delete(key)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  if (request.mode === "navigate") {
    // Network first, so a new deploy shows at once; the cached page offline.
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put("./", copy));
          }
          return response;
        })
        .catch(() => caches.match("./", { ignoreSearch: true })),
    );
    return;
  }
  // Built files are hashed or versioned with the cache: cache first.
  event.respondWith(
    caches.match(request, { ignoreSearch: true }).then((cached) => cached || fetch(request)),
  );
});
