// As fast for a newcomer as on a real host: the app's files arrive compressed (Brotli or gzip),
// the build ships precompressed copies for hosts that serve them, and those copies are exactly
// the files they stand for, never listed for the service worker nor served by their own names.
import { test, expect, type Response } from "@playwright/test";
import { readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { DIST, Workbook, host, siteCopy } from "../fixtures/workbook";

const COMPRESSED = ["br", "gzip"];

async function wasmName(): Promise<string> {
  const name = (await readdir(DIST)).find((n) => /^crossroads-[0-9a-f]+_bg\.wasm$/.test(n));
  expect(name, "dist/ has the app's WebAssembly").toBeTruthy();
  return name!;
}

test("the app's WebAssembly, script and page arrive compressed, and the app works", async ({ page }) => {
  const responses: Response[] = [];
  page.on("response", (r) => responses.push(r));
  const wb = new Workbook(page);
  await wb.openHome();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Plan your school/);
  await wb.startDraft("Compressed");
  await page.getByLabel("School name").fill("Served small");
  await wb.waitUntilSaved();

  const find = (pattern: RegExp) => {
    const found = responses.find((r) => pattern.test(new URL(r.url()).pathname));
    expect(found, `a response for ${pattern}`).toBeTruthy();
    return found!;
  };
  for (const response of [find(/_bg\.wasm$/), find(/\/crossroads-[0-9a-f]+\.js$/), find(/\/main-[0-9a-f]+\.css$/), find(/\/$/)]) {
    const headers = await response.allHeaders();
    expect(response.status(), response.url()).toBe(200);
    expect(COMPRESSED, `${response.url()} is compressed`).toContain(headers["content-encoding"]);
    expect(headers["vary"]).toMatch(/accept-encoding/i);
  }
  // What the browser decoded is the build's file, byte for byte.
  const wasm = await wasmName();
  expect((await find(/_bg\.wasm$/).body()).equals(await readFile(join(DIST, wasm)))).toBe(true);
});

test("the build has gzip and Brotli copies of its WebAssembly that decompress to it exactly", async () => {
  const wasm = await wasmName();
  const raw = await readFile(join(DIST, wasm));
  const gz = await readFile(join(DIST, `${wasm}.gz`));
  const br = await readFile(join(DIST, `${wasm}.br`));
  expect(gunzipSync(gz).equals(raw)).toBe(true);
  expect(brotliDecompressSync(br).equals(raw)).toBe(true);
  expect(br.length).toBeLessThan(gz.length);
  expect(gz.length).toBeLessThan(raw.length / 2);
  // The page, script and style have copies too; images do not.
  const names = await readdir(DIST);
  for (const name of names.filter((n) => /\.(html|js|css|webmanifest)$/.test(n))) {
    expect(names, `${name} has copies`).toEqual(expect.arrayContaining([`${name}.gz`, `${name}.br`]));
  }
  expect((await readdir(join(DIST, "icons"))).filter((n) => /\.(gz|br)$/.test(n))).toEqual([]);
  // The service worker caches the files themselves, never their copies.
  const sw = await readFile(join(DIST, "sw.js"), "utf8");
  expect(sw).toContain(wasm);
  expect(sw).not.toMatch(/\.(gz|br)["']/);
});

test("the host sends the build's own copies, never a stale one, and not under their own names", async ({ request }) => {
  const site = await siteCopy();
  const port = 4380 + test.info().workerIndex;
  const server = await host(site, port);
  try {
    const base = `http://127.0.0.1:${port}/`;
    const wasm = await wasmName();
    // Asked for Brotli, the host answers with the build's quality-11 copy, as a static host does.
    const brotli = await fetch(base + wasm, { headers: { "accept-encoding": "br" } });
    expect(brotli.headers.get("content-encoding")).toBe("br");
    expect(Number(brotli.headers.get("content-length"))).toBe((await readFile(join(site, `${wasm}.br`))).length);
    expect(Buffer.from(await brotli.arrayBuffer()).equals(await readFile(join(site, wasm)))).toBe(true);
    // gzip when Brotli is not accepted, and the file as it is when nothing is.
    const gzip = await request.get(base + wasm, { headers: { "accept-encoding": "gzip" } });
    expect(gzip.headers()["content-encoding"]).toBe("gzip");
    const plain = await request.get(base + wasm, { headers: { "accept-encoding": "identity" } });
    expect(plain.headers()["content-encoding"]).toBeUndefined();
    expect(Number(plain.headers()["content-length"])).toBe((await readFile(join(site, wasm))).length);
    // A copy is not a file of the app.
    expect((await request.get(`${base}${wasm}.br`)).status()).toBe(404);
    expect((await request.get(`${base}${wasm}.gz`)).status()).toBe(404);

    // Redeployed without new copies: the host compresses the new file, not the old copy.
    const sw = (await readFile(join(site, "sw.js"), "utf8")) + "\n// redeployed\n";
    await writeFile(join(site, "sw.js"), sw);
    for (const encoding of COMPRESSED) {
      const response = await fetch(base + "sw.js", { headers: { "accept-encoding": encoding } });
      expect(response.headers.get("content-encoding")).toBe(encoding);
      expect(await response.text()).toBe(sw);
    }
  } finally {
    server.kill();
  }
});
