// A static file server for the browser tests: serves a folder on 127.0.0.1 with no caching,
// so each test sees the build as it is. Usage: node serve.mjs <folder> <port> [--max-age=N]
// With --max-age, every response may be cached for N seconds, as many hosts do.
//
// Like static hosts, it compresses text-like files (and WebAssembly) for browsers that accept
// it, Brotli before gzip: it sends the build's precompressed copy `X.br` or `X.gz` when there is
// one and it still matches `X` (a test may have rewritten `X`), and otherwise compresses `X`
// itself, once, keeping the result in memory. The copies are never served under their own names.
import { createServer } from "node:http";
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from "node:zlib";

const root = resolve(process.argv[2] ?? "dist");
const port = Number(process.argv[3] ?? 4173);
const maxAge = process.argv.find((a) => a.startsWith("--max-age="))?.slice("--max-age=".length);
const cacheControl = maxAge ? `max-age=${Number(maxAge)}` : "no-store";
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
};
const compressible = new Set([".html", ".js", ".mjs", ".css", ".wasm", ".json", ".webmanifest", ".svg"]);

// The encodings, in the order a host prefers them, with how to make and undo each.
const encodings = [
  {
    name: "br",
    suffix: ".br",
    // Quality 5, as hosts use when they compress as they answer; the build's copies use 11.
    compress: (bytes) =>
      brotliCompressSync(bytes, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
      }),
    decompress: brotliDecompressSync,
  },
  { name: "gzip", suffix: ".gz", compress: (bytes) => gzipSync(bytes, { level: 6 }), decompress: gunzipSync },
];

/** The encodings the request's Accept-Encoding allows, best first (by q, then br before gzip). */
function accepted(header) {
  const q = new Map();
  for (const part of String(header ?? "").split(",")) {
    const [token, ...params] = part.trim().toLowerCase().split(";");
    if (!token) continue;
    const weight = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const value = weight ? Number(weight.slice(2)) : 1;
    q.set(token, Number.isFinite(value) ? value : 0);
  }
  const weight = (name) => q.get(name) ?? q.get("*") ?? 0;
  return encodings
    .filter((e) => weight(e.name) > 0)
    .sort((a, b) => weight(b.name) - weight(a.name) || encodings.indexOf(a) - encodings.indexOf(b));
}

// Compressed bodies, by encoding and the file's content hash, so a rewritten file is never
// answered with its old bytes. Bounded, oldest first out.
const cache = new Map();
const CACHE_ENTRIES = 200;

/** `body` (the file `file`) in `encoding`: its precompressed copy if it matches, else compressed here. */
async function encoded(file, body, encoding) {
  const key = `${encoding.name}:${createHash("sha256").update(body).digest("hex")}`;
  let compressed = cache.get(key);
  if (!compressed) {
    const copy = await readFile(file + encoding.suffix).catch(() => null);
    compressed = copy && matches(copy, body, encoding) ? copy : encoding.compress(body);
    cache.set(key, compressed);
    if (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value);
  }
  return compressed;
}

function matches(copy, body, encoding) {
  try {
    return encoding.decompress(copy).equals(body);
  } catch {
    return false;
  }
}

/** Whether `file` is a precompressed copy of a file beside it, which is not served by its own name. */
async function isCopy(file) {
  const encoding = encodings.find((e) => file.endsWith(e.suffix));
  if (!encoding) return false;
  return (await stat(file.slice(0, -encoding.suffix.length)).catch(() => null))?.isFile() ?? false;
}

createServer(async (req, res) => {
  const url = new URL(req.url, "http://127.0.0.1");
  let path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, "");
  let file = join(root, path);
  try {
    if ((await stat(file)).isDirectory()) file = join(file, "index.html");
    if (await isCopy(file)) throw new Error("a precompressed copy");
    let body = await readFile(file);
    const headers = {
      "content-type": types[extname(file)] ?? "application/octet-stream",
      "cache-control": cacheControl,
    };
    if (compressible.has(extname(file))) {
      headers["vary"] = "Accept-Encoding";
      const [encoding] = accepted(req.headers["accept-encoding"]);
      const compressed = encoding && (await encoded(file, body, encoding));
      if (compressed && compressed.length < body.length) {
        headers["content-encoding"] = encoding.name;
        body = compressed;
      }
    }
    headers["content-length"] = body.length;
    res.writeHead(200, headers);
    res.end(body);
  } catch {
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("not found");
  }
}).listen(port, "127.0.0.1", () => console.log(`serving ${root} on http://127.0.0.1:${port}`));
