// Three pages, one per user group: the team's workbook, the reviewer's desk and the facilitator's
// workshop. Each loads offline after one visit, passes axe, asks nothing of another origin, links
// to the other two, and carries only its own code.
import { test, expect, type Page } from "@playwright/test";
import { readdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { DIST, SCREENS_DIR, controlled, expectAccessible } from "../fixtures/workbook";

const FIXTURES = resolve(__dirname, "../../../crates/exchange/tests/fixtures");
const PAGES = [
  { path: "/", bin: "crossroads", h1: /Plan your school/, tagline: "Personalized learning design workbook" },
  { path: "/review.html", bin: "review", h1: "Proposals to review", tagline: "Reviewer’s desk" },
  { path: "/workshop.html", bin: "workshop", h1: "Plan and run a design workshop", tagline: "Facilitator’s workshop" },
];


/** The paths the service worker keeps, of files ending in `suffix`. */
async function cachedPaths(page: Page, suffix: string): Promise<string[]> {
  return page.evaluate(async (suffix) => {
    const out: string[] = [];
    for (const name of await caches.keys()) {
      for (const r of await (await caches.open(name)).keys()) {
        const path = new URL(r.url).pathname;
        if (path.endsWith(suffix)) out.push(path);
      }
    }
    return out.sort();
  }, suffix);
}

/** Two more proposals beside the pinned version-1 file: another school's, and a damaged file. */
async function proposalFiles() {
  const json = await readFile(join(FIXTURES, "proposal-v1.json"), "utf8");
  const html = await readFile(join(FIXTURES, "proposal-v1.html"), "utf8");
  const other = JSON.parse(json);
  other.draft.id = "fixture2";
  other.draft.title = "Flexible Fridays";
  other.draft.answers["profile.school"] = { text: "Roosevelt Middle School" };
  return [
    { name: "lincoln-learning-studios.html", mimeType: "text/html", buffer: Buffer.from(html) },
    { name: "roosevelt-flexible-fridays.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(other)) },
    { name: "notes.json", mimeType: "application/json", buffer: Buffer.from("{ this is not a proposal") },
  ];
}

for (const p of PAGES) {
  test(`${p.path} loads offline after one visit, with its name, no other origin and links to the other pages`, async ({ page, context }) => {
    const elsewhere: string[] = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (!["data:", "blob:"].includes(url.protocol) && url.origin !== new URL(test.info().project.use.baseURL!).origin) elsewhere.push(request.url());
    });
    await page.goto(p.path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(p.h1);
    await controlled(page);
    // Only this page's WebAssembly is kept: a visit to one page never downloads another's. The
    // team's page has parts its rarely opened screens fetch later; they are kept too, for offline.
    const ownWasm = (await readdir(DIST)).filter((f) => f.startsWith(p.bin + "-") && f.endsWith(".wasm"));
    expect(await cachedPaths(page, ".wasm")).toEqual(ownWasm.map((f) => `/${f}`).sort());
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(p.h1);
    await expect(page.locator(".app-header__tagline")).toHaveText(p.tagline);
    const others = page.getByRole("navigation", { name: "Other parts of Crossroads" }).getByRole("link");
    await expect(others).toHaveCount(2);
    const targets = await others.evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    const own = p.path === "/" ? "index.html" : p.path.slice(1);
    expect(targets.sort()).toEqual(["index.html", "review.html", "workshop.html"].filter((f) => f !== own));
    await context.setOffline(false);
    await page.goto(p.path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(p.h1);
    await expectAccessible(page);
    expect(elsewhere).toEqual([]);
  });
}

test("a second page visited once online is kept for offline use too, and the first still works", async ({ page, context }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Plan your school/);
  await controlled(page);
  await page.getByRole("link", { name: "Open the reviewer’s desk" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Proposals to review");
  await expect.poll(() => cachedPaths(page, "_bg.wasm")).toHaveLength(2);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Proposals to review");
  await page.getByRole("link", { name: "Open the design team’s workbook" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Plan your school/);
  await context.setOffline(false);
});

test("every page has the security policy, and the manifest offers the other two as shortcuts", async ({ request }) => {
  for (const file of ["index.html", "review.html", "workshop.html"]) {
    const html = await readFile(join(DIST, file), "utf8");
    expect(html, file).toContain(`http-equiv="Content-Security-Policy"`);
    expect(html, file).toContain("default-src 'self'");
  }
  const manifest = await (await request.get("/manifest.webmanifest")).json();
  expect(manifest.shortcuts.map((s: { url: string }) => s.url)).toEqual(["./review.html", "./workshop.html"]);
  const sw = await readFile(join(DIST, "sw.js"), "utf8");
  for (const file of ["./review.html", "./workshop.html", "./index.html"]) expect(sw).toContain(`"${file}": [`);
});

test("the team's WebAssembly holds no reviewer or workshop code, and each page loads its own", async ({ page }) => {
  const files = await readdir(DIST);
  const wasm = (prefix: string) => files.find((f) => f.startsWith(prefix) && f.endsWith("_bg.wasm"))!;
  const team = (await readFile(join(DIST, wasm("crossroads-")))).toString("latin1");
  const review = (await readFile(join(DIST, wasm("review-")))).toString("latin1");
  const workshop = (await readFile(join(DIST, wasm("workshop-")))).toString("latin1");
  // Words only the reviewer's and the facilitator's screens show.
  for (const words of ["proposals open", "Choose one or more proposal files", "Previous and next proposal"]) {
    expect(review, words).toContain(words);
    expect(team, words).not.toContain(words);
    expect(workshop, words).not.toContain(words);
  }
  for (const words of ["Print this handout", "Previous and next handout"]) {
    expect(workshop, words).toContain(words);
    expect(team, words).not.toContain(words);
    expect(review, words).not.toContain(words);
  }
  // And the team's own words stay out of the others.
  expect(team).toContain("Back up all drafts");
  expect(review).not.toContain("Back up all drafts");
  const loaded: string[] = [];
  page.on("request", (r) => r.url().endsWith(".wasm") && loaded.push(new URL(r.url()).pathname));
  await page.goto("/review.html");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Proposals to review");
  expect(loaded).toEqual([`/${wasm("review-")}`]);
});

test("the reviewer opens many proposal files at once, sees them listed, and reads them one by one", async ({ page }) => {
  await page.goto("/review.html");
  await expect(page.getByRole("heading", { name: "No proposals open yet" })).toBeVisible();
  await page.getByLabel("Choose one or more proposal files").setInputFiles(await proposalFiles());
  await expect(page.getByRole("heading", { name: "2 proposals open" })).toBeVisible();
  const cards = page.getByTestId("proposal");
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(0)).toContainText("Learning studios – grade 6");
  await expect(cards.nth(0)).toContainText("from lincoln-learning-studios.html");
  await expect(cards.nth(1)).toContainText("Flexible Fridays");
  await expect(cards.nth(1)).toContainText("Roosevelt Middle School");
  // The damaged file is named, with why, and nothing else is lost.
  await expect(page.getByTestId("refused")).toContainText("notes.json");
  await expectAccessible(page);

  // The same file again is not a second proposal.
  await page.getByLabel("Choose one or more proposal files").setInputFiles((await proposalFiles()).slice(0, 1));
  await expect(page.getByTestId("refused")).toContainText("already open on the desk");
  await expect(cards).toHaveCount(2);

  await cards.nth(0).getByRole("link").click();
  const reading = page.getByTestId("reading");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Learning studios – grade 6");
  await expect(reading).toContainText("Proposal 1 of 2");
  await expect(reading.getByRole("heading", { name: /^1\. / })).toBeVisible();
  // The answer as the team wrote it, markup and all, as text.
  await expect(reading).toContainText('"Mastery" & <pace>');
  await expect(reading).toContainText("85% by June 2027");
  await expectAccessible(page);
  await page.screenshot({ path: `${SCREENS_DIR}/review-reading.png`, fullPage: true });

  await page.getByRole("link", { name: /^Next: Flexible Fridays/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Flexible Fridays");
  // The next proposal is read from its top, with the keyboard's place on its heading.
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await expect(reading).toContainText("Proposal 2 of 2");
  await page.getByRole("link", { name: /^Back: Learning studios/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Learning studios – grade 6");
  await page.getByRole("link", { name: "All proposals" }).click();
  await expect(cards).toHaveCount(2);

  // The desk keeps the proposals (IndexedDB): after a reload the address of a proposal still
  // shows it, and the list is all there.
  await page.getByTestId("proposal").nth(1).getByRole("link").click();
  await expect(page).toHaveURL(/#\/proposals\/fixture2$/);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Flexible Fridays");
  await expect(reading).toContainText("Proposal 2 of 2");
  await page.getByRole("link", { name: "All proposals" }).click();
  await expect(cards).toHaveCount(2);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Proposals to review");
});

test("the reviewer's desk refuses a file too large before reading it, and a drop of several files opens each", async ({ page }) => {
  await page.goto("/review.html");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Proposals to review");
  const files = await proposalFiles();
  await page.evaluate(async (files) => {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([f.text], f.name, { type: f.type }));
    // A file past the 64 MB limit, never read.
    const huge = new File([new Uint8Array(64 * 1024 * 1024 + 1)], "huge.json", { type: "application/json" });
    dt.items.add(huge);
    const zone = document.querySelector('[data-testid="open-proposals"]')!;
    zone.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files.map((f) => ({ name: f.name, type: f.mimeType, text: f.buffer.toString("utf8") })));
  await expect(page.getByTestId("proposal")).toHaveCount(2);
  await expect(page.getByTestId("refused")).toContainText("huge.json");
  await expect(page.getByTestId("refused")).toContainText(/too large|larger/i);
});

test("the facilitator prints a handout per focus area, its prompts with room to write", async ({ page }) => {
  await page.goto("/workshop.html");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Plan and run a design workshop");
  await expect(page.getByTestId("handout-link")).toHaveCount(4);
  await expectAccessible(page);
  await page.getByRole("link", { name: /^2\. / }).click();
  const handout = page.getByTestId("handout");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^2\. /);
  await expect(handout.locator(".handout__prompt").first()).toBeVisible();
  const prompts = await handout.locator(".handout__prompt h3").count();
  expect(prompts).toBeGreaterThan(1);
  expect(await handout.locator(".handout__line").count()).toBeGreaterThan(prompts);
  await expectAccessible(page);
  await page.screenshot({ path: `${SCREENS_DIR}/workshop-handout.png`, fullPage: true });

  // On paper: the header, the buttons and the links are gone; the sheet stays.
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".app-header")).toBeHidden();
  await expect(page.getByRole("button", { name: "Print this handout" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Other parts of Crossroads" })).toBeHidden();
  await expect(handout.locator(".handout__prompt").first()).toBeVisible();
  const pdf = await page.pdf({ format: "A4" });
  const pageCount = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pageCount).toBeGreaterThanOrEqual(1);
  await page.emulateMedia({ media: "screen" });

  await page.getByRole("link", { name: /^Next: / }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^3\. /);
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
});

test("the first paint shows each page's heading and purpose before the WebAssembly arrives", async ({ page }) => {
  for (const p of PAGES) {
    // The WebAssembly never arrives: what stays is the page's own first paint.
    await page.route("**/*.wasm", (route) => route.abort());
    await page.goto(p.path);
    await expect(page.locator(".first-paint__title")).toBeVisible();
    await expect(page.locator(".first-paint .app-header__tagline")).toHaveText(p.tagline);
    await page.unroute("**/*.wasm");
  }
});

test("leaving the reviewer's desk never asks: the proposals stay on it", async ({ context }) => {
  let asked = 0;
  const desk = await context.newPage();
  desk.on("dialog", async (dialog) => {
    if (dialog.type() === "beforeunload") asked++;
    await dialog.dismiss();
  });
  await desk.goto("/review.html");
  await desk.getByLabel("Choose one or more proposal files").setInputFiles((await proposalFiles()).slice(0, 1));
  await expect(desk.getByTestId("proposal")).toHaveCount(1);
  // Chromium asks only for a page the person has interacted with.
  await desk.getByRole("heading", { level: 1 }).click();
  await desk.close({ runBeforeUnload: true });
  await expect.poll(() => desk.isClosed()).toBe(true);
  expect(asked).toBe(0);
  const again = await context.newPage();
  await again.goto("/review.html");
  await expect(again.getByTestId("proposal")).toHaveCount(1);
});
