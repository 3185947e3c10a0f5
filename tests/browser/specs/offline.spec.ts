// Works with no network: offline after the first visit, updates on the team's word, no request
// leaves the app's own origin, a strict security policy, and the one-file kit from disk.
import { test, expect, type Page } from "@playwright/test";
import { createHash } from "node:crypto";
import { cp, mkdtemp, readdir, readFile, rename, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { DIST, Workbook, controlled, downloadText, host, siteCopy } from "../fixtures/workbook";

const MEANING = "What does personalized learning mean at your school";

test("after one visit the app loads, edits and exports with no network", async ({ page, context }) => {
  const wb = new Workbook(page);
  await wb.openHome();
  await controlled(page);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Plan your school/);
  await wb.startDraft("Offline draft");
  await page.getByLabel("School name").fill("Written on a bus");
  await wb.waitUntilSaved();
  await page.reload();
  await expect(page.getByLabel("School name")).toHaveValue("Written on a bus");
  const exported = JSON.parse(await downloadText(await wb.exportAs("JSON")));
  expect(exported.draft.answers["profile.school"]).toEqual({ text: "Written on a bus" });
  await context.setOffline(false);
});

test("the app is installable: manifest, icons and a service worker that answers offline", async ({ playwright }) => {
  // A persistent profile, as a person's browser has: installability is not judged in incognito.
  const profile = await mkdtemp(join(tmpdir(), "crossroads-profile-"));
  const use = test.info().project.use;
  const context = await playwright.chromium.launchPersistentContext(profile, { ...use.launchOptions, baseURL: use.baseURL });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const wb = new Workbook(page);
    await wb.openHome();
    await controlled(page);
    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send("Page.getAppManifest");
    expect(manifest.errors).toEqual([]);
    const data = JSON.parse(manifest.data!);
    expect(data.name).toContain("Crossroads");
    expect(data.icons.map((i: any) => i.sizes)).toEqual(["192x192", "512x512", "512x512"]);
    const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
    expect(installabilityErrors).toEqual([]);
    for (const icon of data.icons) {
      const response = await page.request.get(new URL(icon.src, page.url()).href);
      expect(response.headers()["content-type"]).toBe("image/png");
    }
  } finally {
    await context.close();
  }
});

test("no request leaves the app's own origin while using every screen", async ({ page }) => {
  const elsewhere: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (!["data:", "blob:"].includes(url.protocol) && url.origin !== new URL(test.info().project.use.baseURL!).origin) elsewhere.push(request.url());
  });
  const wb = new Workbook(page);
  await wb.openHome();
  await wb.startDraft("Everywhere");
  for (const section of [/Problems to solve/, /Flexibility/, /Adult learning/, /New or adapted model/, /Readiness check/, "Export proposal", "History"]) {
    await wb.goToSection(section);
    await expect(wb.sectionHeading()).toBeVisible();
  }
  await downloadText(await wb.exportAs("HTML"));
  await page.getByRole("link", { name: "All drafts" }).click();
  const backup = page.waitForEvent("download");
  await page.getByRole("button", { name: "Back up all drafts" }).click();
  await backup;
  await page.goto("/#/nowhere");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(elsewhere).toEqual([]);
});

test("the security policy blocks an injected inline script, and the app still runs", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") violations.push(message.text());
  });
  const wb = new Workbook(page);
  await wb.openHome();
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(policy).toContain("default-src 'self'");
  expect(policy).toContain("'wasm-unsafe-eval'");
  expect(policy).not.toContain("unsafe-inline");
  const ran = await page.evaluate(async () => {
    const blocked = new Promise((done) => document.addEventListener("securitypolicyviolation", done, { once: true }));
    const script = document.createElement("script");
    script.textContent = "window.__injected = true;";
    document.body.appendChild(script);
    await blocked;
    return (window as any).__injected === true;
  });
  expect(ran).toBe(false);
  await expect.poll(() => violations.join("\n")).toContain("Content Security Policy");
  await wb.startDraft("Still works");
  await page.getByLabel("School name").fill("Lincoln");
  await wb.waitUntilSaved();
  expect(violations.filter((v) => !v.includes("inline script"))).toEqual([]);
});

test("a newly deployed build is offered, and drafts survive the update", async ({ page }) => {
  // A static host of our own, serving a copy of the build that the test can redeploy.
  const site = await siteCopy();
  const port = 4300 + test.info().workerIndex;
  const server = await host(site, port);
  try {
    const base = `http://127.0.0.1:${port}/`;
    await page.goto(base);
    const wb = new Workbook(page);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await controlled(page);
    await wb.startDraft("Across an update");
    await page.getByLabel("School name").fill("Saved before the update");
    await wb.waitUntilSaved();
    await expect(page.getByTestId("update")).toHaveCount(0);

    // Redeploy: a changed build (here, its service worker names a new version).
    const sw = await readFile(join(site, "sw.js"), "utf8");
    await writeFile(join(site, "sw.js"), sw.replace(/const VERSION = "([^"]+)"/, 'const VERSION = "$1-next"'));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    const offer = page.getByTestId("update");
    await expect(offer).toContainText("A new version of Crossroads is ready.");
    await wb.expectAccessible();

    // Typing right before updating loses nothing.
    await page.getByLabel("School name").fill("Typed just before updating");
    const reloaded = page.waitForEvent("load");
    await offer.getByRole("button", { name: "Update now" }).click();
    await reloaded;
    await expect(page.getByLabel("School name")).toHaveValue("Typed just before updating");
    const version = await page.evaluate(async () => {
      const names = await caches.keys();
      return names.join(",");
    });
    expect(version).toMatch(/-next$/);
    await expect(page.getByTestId("update")).toHaveCount(0);
  } finally {
    server.kill();
  }
});

test("the one-file kit runs from disk, keeps a draft across a reload, and exports it", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(pathToFileURL(join(DIST, "crossroads-kit.html")).href);
  const wb = new Workbook(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Plan your school/);
  await wb.startDraft("From a USB stick");
  await page.getByLabel("School name").fill("Kit school");
  await wb.next();
  await page.getByLabel(MEANING).fill("Written in the one-file kit.");
  await wb.waitUntilSaved();
  await page.reload();
  await expect(page.getByLabel(MEANING)).toHaveValue("Written in the one-file kit.");
  const exported = JSON.parse(await downloadText(await wb.exportAs("JSON")));
  expect(exported.draft.answers["profile.school"]).toEqual({ text: "Kit school" });
  const html = await downloadText(await wb.exportAs("HTML"));
  expect(html).toContain("Written in the one-file kit.");
  expect(errors).toEqual([]);
  await context.close();
});

/**
 * Deploys a newer build into `folder` as a host would: the script and WebAssembly get new names
 * (the old files are gone), the page names them, and its policy and the service worker follow.
 */
async function redeployRenamed(folder: string) {
  const names = await readdir(folder);
  const js = names.find((n) => /^crossroads-[0-9a-f]+\.js$/.test(n))!;
  const hash = js.slice("crossroads-".length, -".js".length);
  const next = hash.split("").reverse().join("");
  for (const suffix of [".js", "_bg.wasm"]) {
    await rename(join(folder, `crossroads-${hash}${suffix}`), join(folder, `crossroads-${next}${suffix}`));
  }
  let index = (await readFile(join(folder, "index.html"), "utf8")).replaceAll(hash, next);
  const loader = index.match(/<script type="module">([\s\S]*?)<\/script>/)![1];
  const digest = createHash("sha256").update(loader).digest("base64");
  index = index.replace(/'sha256-[^']+'/, `'sha256-${digest}'`);
  await writeFile(join(folder, "index.html"), index);
  const sw = await readFile(join(folder, "sw.js"), "utf8");
  await writeFile(join(folder, "sw.js"), sw.replaceAll(hash, next).replace(/const VERSION = "([^"]+)"/, 'const VERSION = "$1-next"'));
}

test("on a host that lets files be cached, an update still installs the new page and works offline", async ({ page, context }) => {
  const site = await siteCopy();
  const port = 4340 + test.info().workerIndex;
  const server = await host(site, port, "--max-age=600");
  try {
    await page.goto(`http://127.0.0.1:${port}/`);
    const wb = new Workbook(page);
    await controlled(page);
    await wb.startDraft("Cached host");
    await page.getByLabel("School name").fill("Before the update");
    await wb.waitUntilSaved();

    await redeployRenamed(site);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    const reloaded = page.waitForEvent("load");
    await page.getByTestId("update").getByRole("button", { name: "Update now" }).click();
    await reloaded;
    await expect(page.getByLabel("School name")).toHaveValue("Before the update", { timeout: 15_000 });
    const script = await page.evaluate(() => [...document.scripts].map((s) => s.textContent).join(""));
    expect(script).toContain((await readdir(site)).find((n) => n.endsWith(".js"))!);

    await context.setOffline(true);
    await page.reload();
    await expect(page.getByLabel("School name")).toHaveValue("Before the update");
  } finally {
    await context.setOffline(false);
    server.kill();
  }
});

test("two copies of Crossroads on one host keep their own offline caches", async ({ page, context }) => {
  const site = await mkdtemp(join(tmpdir(), "crossroads-two-"));
  await cp(DIST, join(site, "crossroads"), { recursive: true });
  await cp(DIST, join(site, "crossroads-beta"), { recursive: true });
  await writeFile(join(site, "index.html"), "<!DOCTYPE html><title>District</title>");
  const port = 4360 + test.info().workerIndex;
  const server = await host(site, port);
  try {
    const base = `http://127.0.0.1:${port}`;
    const beta = await context.newPage();
    for (const [p, path] of [[page, "/crossroads/"], [beta, "/crossroads-beta/"]] as const) {
      await p.goto(base + path);
      await expect(p.getByRole("heading", { level: 1 })).toHaveText(/Plan your school/);
      await controlled(p);
    }
    const before = await page.evaluate(() => caches.keys());
    expect(before).toHaveLength(2);

    // The main copy is updated; the beta copy's cache must survive its activation.
    await redeployRenamed(join(site, "crossroads"));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    const reloaded = page.waitForEvent("load");
    await page.getByTestId("update").getByRole("button", { name: "Update now" }).click();
    await reloaded;
    await expect.poll(() => page.evaluate(() => caches.keys()), { timeout: 15_000 }).toEqual(
      expect.arrayContaining([expect.stringContaining("/crossroads-beta/"), expect.stringMatching(/\/crossroads\/:.*-next$/)]),
    );
    expect((await page.evaluate(() => caches.keys())).length).toBe(2);

    await context.setOffline(true);
    await beta.reload();
    await expect(beta.getByRole("heading", { level: 1 })).toHaveText(/Plan your school/);
  } finally {
    await context.setOffline(false);
    server.kill();
  }
});
