// The benchmark: sizes, speed and memory of the release build in headless Chromium on 127.0.0.1,
// beside a plain hand-written page of the same four areas (the floor any app could reach here).
// Run it with `cargo xtask bench` (which builds first); `--check` fails when a budget is missed.
// Prints a table and writes bench/results/latest.json.
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { cpus, totalmem, tmpdir, type as osType, release } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { args as chromiumArgs, executablePath } from "../tests/browser/chromium.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DIST = join(ROOT, "dist");
const args = process.argv.slice(2);
const CHECK = args.includes("--check");
const RUNS = Number(args[args.indexOf("--runs") + 1]) || 10;
const PORT = 4400;
const BASE = `http://127.0.0.1:${PORT}/`;
const KIT = "crossroads-kit.html";
const PAGES = [
  { name: "team", file: "index.html", label: "team's workbook (index.html)" },
  { name: "review", file: "review.html", label: "reviewer's desk (review.html)" },
  { name: "workshop", file: "workshop.html", label: "facilitator's workshop (workshop.html)" },
];
const ONE_MB = 1024 * 1024;
const LAUNCH = { executablePath, headless: true, args: chromiumArgs };

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const worst = (xs) => Math.max(...xs);
const round = (x, digits = 0) => Number(x.toFixed(digits));
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

// ---- the site: the build plus the plain page, served by the tests' static server ----

async function startSite() {
  const site = await mkdtemp(join(tmpdir(), "crossroads-bench-"));
  await cp(DIST, site, { recursive: true });
  await cp(join(ROOT, "bench/plain.html"), join(site, "plain.html"));
  const server = spawn("node", [join(ROOT, "tests/browser/serve.mjs"), site, String(PORT)], { stdio: "ignore" });
  for (let i = 0; i < 100; i++) {
    if ((await fetch(BASE).catch(() => null))?.ok) return server;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the static server did not start");
}

// ---- sizes ----

async function files(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await files(path)));
    else out.push(path);
  }
  return out;
}

async function sizes() {
  const rows = [];
  // The build's precompressed copies (X.gz, X.br) are other forms of X, not more to ship.
  for (const path of (await files(DIST)).filter((p) => !/\.(gz|br)$/.test(p)).sort()) {
    const bytes = await readFile(path);
    rows.push({ file: relative(DIST, path), raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
  }
  const shipped = rows.filter((r) => r.file !== KIT);
  const sum = (list, key) => list.reduce((n, r) => n + r[key], 0);
  // A page's download: its HTML and every file of the build it names (its loader, WebAssembly
  // and stylesheets), not the icons and manifest every page shares.
  const pages = {};
  for (const page of PAGES) {
    const html = await readFile(join(DIST, page.file), "utf8");
    const own = rows.filter((r) => r.file === page.file || (!r.file.includes("/") && r.file !== "manifest.webmanifest" && html.includes(r.file)));
    // What its scripts fetch only later (the team's rarely opened screens, split off): not part
    // of the first visit's download before the page works, so listed on their own. The service
    // worker fetches them after the page has started, for offline use.
    const later = [];
    for (let i = 0; i < own.length + later.length; i++) {
      const file = (own[i] ?? later[i - own.length]).file;
      if (!file.endsWith(".js")) continue;
      const text = await readFile(join(DIST, file), "utf8");
      for (const r of rows) {
        if (!r.file.includes("/") && text.includes(r.file) && !own.includes(r) && !later.includes(r)) later.push(r);
      }
    }
    pages[page.name] = {
      files: own.map((r) => r.file),
      raw: sum(own, "raw"),
      gzip: sum(own, "gzip"),
      later: { files: later.map((r) => r.file), raw: sum(later, "raw"), gzip: sum(later, "gzip") },
    };
  }
  const sw = rows.find((r) => r.file === "sw.js");
  const kit = rows.find((r) => r.file === KIT);
  return {
    files: rows,
    pages,
    total: { raw: sum(shipped, "raw"), gzip: sum(shipped, "gzip") },
    serviceWorker: sw && { raw: sw.raw, gzip: sw.gzip },
    kit: kit && { raw: kit.raw, gzip: kit.gzip },
  };
}

// ---- drafts for the measurements ----

const LONG_PROMPTS = [
  "problems.meaning", "problems.expectations", "problems.change", "problems.practice",
  "flexibility.outcomes", "flexibility.space", "flexibility.teaming", "flexibility.pipeline",
  "learning.coaching", "learning.evidence", "learning.collaboration", "learning.leaders", "learning.knowledge",
  "pathway.why", "pathway.community", "pathway.funding_plan", "pathway.support",
  "profile.school", "profile.competition", "profile.students", "profile.lead", "pathway.model",
];
const TYPED_PROMPT = "problems.practice";
const TYPED_LABEL = "What will teachers do differently, day to day?";

function text(length, seed) {
  const words = "students teachers coaching flexibility evidence prototype schedule mastery families rigor".split(" ");
  let out = "";
  let i = seed;
  while (out.length < length) out += words[(i++ * 7) % words.length] + (i % 13 === 0 ? ".\n" : " ");
  return out.slice(0, length);
}

/** A draft holding about 1 MB of text across 22 answers, as a proposal file. */
function largeProposal(id = "bench1mb") {
  const answers = {};
  LONG_PROMPTS.forEach((p, i) => (answers[p] = { text: text(Math.floor(ONE_MB / LONG_PROMPTS.length), i) }));
  const now = Date.now();
  return {
    format: "crossroads-proposal",
    version: 1,
    exported_ms: now,
    draft: { id, title: "One megabyte", created_ms: now, updated_ms: now, last_section: "problems", answers },
  };
}

function smallProposal(i) {
  const now = Date.now();
  return {
    draft: {
      id: `d${i}`,
      title: `Draft ${i}`,
      created_ms: now,
      updated_ms: now,
      last_section: "problems",
      answers: {
        "profile.school": { text: `School ${i}` },
        "problems.meaning": { text: text(2000, i) },
        "pathway.choice": { choice: "adapt" },
      },
    },
    history: {},
  };
}

/** The browser storage of a profile that holds `files`, brought in through the app's own import. */
async function profileWith(browser, importFiles) {
  const context = await browser.newContext({ baseURL: BASE });
  const page = await context.newPage();
  await page.goto("/");
  for (const [label, name, json] of importFiles) {
    await page.getByLabel(label).setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(json) });
    const outcome = page.locator('[data-testid="import-result"], [data-testid="restore-result"], [data-testid="import-error"], [data-testid="restore-error"]').first();
    await outcome.waitFor();
    const said = await outcome.innerText();
    if (!/added|Imported/.test(said)) throw new Error(`preparing ${name}: ${said}`);
  }
  const state = await context.storageState();
  await context.close();
  return state;
}

function plainState(megabyte) {
  const data = {};
  for (let i = 0; i < 22; i++) data[`f${i}`] = megabyte ? text(Math.floor(ONE_MB / 22), i) : "";
  return { cookies: [], origins: [{ origin: BASE.slice(0, -1), localStorage: [{ name: "plain-draft", value: JSON.stringify(data) }] }] };
}

// ---- ready: cold loads, each in a fresh browser ----

async function coldLoads(url, ready, storageState) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const browser = await chromium.launch(LAUNCH);
    const context = await browser.newContext({ storageState });
    const page = await context.newPage();
    await page.goto(url, { waitUntil: "commit" });
    const handle = await page.waitForFunction(ready, null, { polling: "raf", timeout: 30_000 });
    times.push(await handle.jsonValue());
    await browser.close();
  }
  return { median: round(median(times)), worst: round(worst(times)), runs: times.map((t) => round(t)) };
}

// `performance.now()` counts from the start of navigation: each returns it once the screen is there.
const HOME_READY = () => document.querySelector("main h1") && document.getElementById("new-draft-title") && performance.now();
const SECTION_READY = () => {
  const field = [...document.querySelectorAll("label")].find((l) => l.textContent.startsWith("What will teachers"));
  const input = field && document.getElementById(field.htmlFor);
  return input && input.value.length > 1000 && performance.now();
};
const REVIEW_READY = () => document.querySelector("main h1") && document.getElementById("proposal-files") && performance.now();
const WORKSHOP_READY = () => document.querySelectorAll('[data-testid="handout-link"]').length === 4 && performance.now();
const PLAIN_READY = () => document.querySelectorAll("textarea").length === 22 && performance.now();
const PLAIN_LARGE_READY = () => {
  const t = document.querySelectorAll("textarea");
  return t.length === 22 && t[3].value.length > 1000 && performance.now();
};

// ---- typing into a 1 MB draft ----

const KEY_EVENTS = ["keydown", "keypress", "keyup", "beforeinput", "input"];

async function typing(browser, url, field, storageState) {
  const context = await browser.newContext({ storageState });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__events = [];
    window.__writes = [];
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      const result = setItem.call(this, key, value);
      window.__writes.push({ at: performance.now(), marked: !!window.__marker && String(value).includes(window.__marker) });
      return result;
    };
    addEventListener("keydown", (e) => (window.__lastKey = e.timeStamp), true);
  });
  await page.goto(url);
  const input = field(page);
  await input.waitFor();
  await input.click();
  await input.press("Control+End");
  // The first keystrokes after opening pay for first-time work (WebAssembly compiled on first
  // use, the first layout of a large field); they are reported apart from steady typing.
  await page.evaluate(() =>
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__events.push({ name: e.name, duration: e.duration });
    }).observe({ type: "event", durationThreshold: 16, buffered: false }),
  );
  await page.keyboard.type(" Warm", { delay: 40 });
  await page.waitForTimeout(500);
  const firstKeys = (await page.evaluate(() => window.__events.splice(0))).filter((e) => KEY_EVENTS.includes(e.name));
  const saves = [];
  for (let round = 0; round < 5; round++) {
    const marker = ` mark${round}`;
    await page.evaluate((m) => (window.__marker = m), marker);
    await page.keyboard.type(` Teachers plan together on Tuesdays and run small groups.${marker}`, { delay: 40 });
    const latency = await page.waitForFunction(
      (marker) => {
        const write = window.__writes.find((w) => w.at > window.__lastKey && w.marked);
        return write && write.at - window.__lastKey;
      },
      marker,
      { timeout: 10_000 },
    );
    saves.push(await latency.jsonValue());
    await page.waitForTimeout(400);
  }
  const events = (await page.evaluate(() => window.__events)).filter((e) => KEY_EVENTS.includes(e.name));
  await context.close();
  return {
    // Event Timing reports only events of 16 ms or more: none means every keystroke was faster.
    longestInputMs: events.length ? worst(events.map((e) => e.duration)) : 16,
    firstKeystrokesMs: firstKeys.length ? worst(firstKeys.map((e) => e.duration)) : 16,
    slowKeystrokeEvents: events.length,
    saveMs: { median: round(median(saves)), worst: round(worst(saves)) },
  };
}

// ---- export and import of 1 MB ----

async function exportImport(browser, storageState) {
  const context = await browser.newContext({ storageState, baseURL: BASE });
  const page = await context.newPage();
  // The export runs inside the click handler and ends when the file's Blob URL is made.
  await page.addInitScript(() => {
    addEventListener("click", () => (window.__clicked = performance.now()), true);
    const create = URL.createObjectURL;
    URL.createObjectURL = function (blob) {
      window.__exported = performance.now() - window.__clicked;
      return create.call(this, blob);
    };
  });
  await page.goto("/#/drafts/bench1mb/export");
  const button = page.getByRole("button", { name: "Download the file" });
  await button.waitFor();
  const out = {};
  for (const [format, label] of [["html", "(HTML)"], ["json", "(JSON)"], ["markdown", "(Markdown)"]]) {
    await page.getByLabel(label, { exact: false }).check();
    const times = [];
    for (let i = 0; i < 5; i++) {
      await page.evaluate(() => (window.__exported = undefined));
      const download = page.waitForEvent("download", { timeout: 10_000 }).catch(() => null);
      await button.click();
      // The time is taken in the page; the download itself is the browser's business.
      const time = await page.waitForFunction(() => window.__exported, null, { timeout: 10_000 });
      times.push(await time.jsonValue());
      await download;
    }
    out[format] = { median: round(median(times), 1), worst: round(worst(times), 1) };
  }
  await context.close();
  const json = JSON.stringify(largeProposal("imported1mb"));
  const times = [];
  for (let i = 0; i < 5; i++) {
    const fresh = await browser.newContext({ baseURL: BASE });
    const p = await fresh.newPage();
    await p.goto("/");
    await p.getByLabel("Choose an HTML or JSON proposal file").waitFor();
    times.push(
      await p.evaluate(async (json) => {
        const dt = new DataTransfer();
        dt.items.add(new File([json], "big.json", { type: "application/json" }));
        const box = document.querySelector('[data-testid="import"]');
        const done = new Promise((resolve) =>
          new MutationObserver((_, observer) => {
            if (document.querySelector('[data-testid="import-result"]')) {
              observer.disconnect();
              resolve(performance.now());
            }
          }).observe(document.body, { childList: true, subtree: true }),
        );
        const t = performance.now();
        box.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
        return (await done) - t;
      }, json),
    );
    await fresh.close();
  }
  out.import = { median: round(median(times), 1), worst: round(worst(times), 1) };
  return out;
}

// ---- memory over 50 opened and closed drafts ----

async function memory(browser, storageState) {
  const context = await browser.newContext({ storageState, baseURL: BASE });
  const page = await context.newPage();
  await page.addInitScript(() =>
    addEventListener("TrunkApplicationStarted", (e) => (window.__wasmMemory = e.detail.wasm.memory)),
  );
  await page.goto("/");
  await page.locator("main h1").waitFor();
  const cdp = await context.newCDPSession(page);
  const measure = async () => {
    await cdp.send("HeapProfiler.collectGarbage");
    const { usedSize } = await cdp.send("Runtime.getHeapUsage");
    const wasm = await page.evaluate(() => window.__wasmMemory?.buffer.byteLength ?? 0);
    return { js: usedSize, wasm };
  };
  const cycle = async (i) => {
    await page.evaluate((id) => (location.hash = `#/drafts/${id}/problems`), `d${i}`);
    await page.waitForFunction((i) => document.querySelector('[data-testid="draft-title"]')?.textContent === `Draft ${i}`, i);
    await page.evaluate(() => (location.hash = "#/"));
    await page.locator("#new-draft-title").waitFor();
  };
  for (let i = 0; i < 5; i++) await cycle(i);
  const start = await measure();
  for (let i = 0; i < 50; i++) await cycle(i);
  const end = await measure();
  await context.close();
  const total = (m) => m.js + m.wasm;
  return {
    start,
    end,
    growthPercent: round(((total(end) - total(start)) / total(start)) * 100, 1),
  };
}

// ---- import and rank 500 proposals on the reviewer's page ----

const PROPOSALS = 500;
const BRIEF_FIXTURE = join(ROOT, "crates/exchange/tests/fixtures/brief-v1.json");

/** A proposal file answering the fixture brief, about 6 KB of answers. */
function reviewProposal(brief, i) {
  const school = `School ${i}`;
  const draft = {
    id: `p${String(i).padStart(3, "0")}`,
    title: `Proposal ${i}`,
    created_ms: 1_790_000_000_000,
    updated_ms: 1_790_000_000_000 + i,
    last_section: "problems",
    answers: {
      "profile.school": { text: school },
      "profile.lead": { text: `Lead ${i}, principal` },
      "profile.team": { rows: [{ name: `Lead ${i}`, role: "Principal", brings: "Twenty years here" }] },
      "problems.meaning": { text: text(2000, i) },
      "problems.practice": { text: text(2000, i + 1) },
      "pathway.why": { text: text(1500, i + 2) },
      "pathway.choice": { choice: "adapt" },
      "brief.signoff": { rows: [{ role: "Principal", name: `Lead ${i}`, date: "2027-02-20" }] },
    },
    brief,
  };
  return { format: "crossroads-proposal", version: 1, exported_ms: 1_790_000_000_000, draft };
}

/** Scores for proposal `i` at the written stage: every tenth left partly scored, every
 * twenty-fifth failing the requirement, the rest complete with varied levels. */
function plantedScores(i) {
  const levels = ["problems", "flexibility", "learning", "pathway", "equity", "feasibility"];
  const criteria = {};
  const partial = i % 10 === 9;
  levels.forEach((id, n) => {
    if (partial && n >= 3) return;
    criteria[id] = { value: 1 + ((i * (n + 3) + n) % 4), comment: "", confidence: null };
  });
  if (!partial) criteria.support = { value: i % 25 === 0 ? 0 : 1, comment: i % 25 === 0 ? "No letter of support" : "", confidence: null };
  return { criteria, bonus: {}, recommendation: null, recommendation_reason: "" };
}

/** The fixture brief's text and the 500 proposal files answering it, with how many of them
 * the planted scores leave ranked, incomplete and failing a requirement. */
async function reviewFiles() {
  const briefText = await readFile(BRIEF_FIXTURE, "utf8");
  const brief = JSON.parse(briefText).competition.brief;
  const proposals = Array.from({ length: PROPOSALS }, (_, i) => ({
    name: `proposal-${i}.json`,
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(reviewProposal(brief, i))),
  }));
  const partial = Array.from({ length: PROPOSALS }, (_, i) => i).filter((i) => i % 10 === 9).length;
  const failed = Array.from({ length: PROPOSALS }, (_, i) => i).filter((i) => i % 10 !== 9 && i % 25 === 0).length;
  return { briefText, proposals, expected: { ranked: PROPOSALS - partial - failed, incomplete: partial, failed } };
}

async function importAndRank(browser) {
  const { briefText, proposals, expected } = await reviewFiles();
  const runs = [];
  for (let run = 0; run < Math.min(RUNS, 3); run++) {
    const context = await browser.newContext({ baseURL: BASE });
    const page = await context.newPage();
    // A score sheet through the app's own start, then scores for every proposal planted in it.
    await page.goto("/review.html#/scoring");
    await page.getByLabel("Choose the competition’s brief file").setInputFiles({ name: "brief.json", mimeType: "application/json", buffer: Buffer.from(briefText) });
    await page.getByLabel("Your name").fill("Bench Reviewer");
    await page.getByRole("button", { name: "Start scoring" }).click();
    await page.getByTestId("sheet").waitFor();
    // Planted from another page of the site, so no open sheet of the app's writes over it.
    await page.goto("/plain.html");
    const planted = await page.evaluate(
      ({ scores }) => {
        const key = Object.keys(localStorage).find((k) => {
          try {
            const doc = JSON.parse(localStorage.getItem(k)).doc;
            return doc && doc.reviewer && doc.stages;
          } catch {
            return false;
          }
        });
        if (!key) return null;
        const record = JSON.parse(localStorage.getItem(key));
        record.doc.stages = { written: scores };
        record.doc.updated_ms = Date.now();
        record.saved_by = "bench";
        record.writer = "bench";
        localStorage.setItem(key, JSON.stringify(record));
        return key;
      },
      { scores: Object.fromEntries(Array.from({ length: PROPOSALS }, (_, i) => [`p${String(i).padStart(3, "0")}`, plantedScores(i)])) },
    );
    if (!planted) throw new Error("no score sheet found in local storage after starting to score");
    // The desk, freshly loaded with the planted sheet; the time runs from the files' arrival
    // (the input's change event) to the heading counting them all.
    await page.goto("/review.html#/");
    const input = page.getByLabel("Choose one or more proposal files");
    await input.waitFor();
    await page.getByRole("heading", { name: "No proposals open yet" }).waitFor();
    await page.evaluate(() => {
      document.getElementById("proposal-files").addEventListener("change", () => (window.__chosen = performance.now()), { capture: true, once: true });
    });
    await input.setInputFiles(proposals);
    const imported = await page.waitForFunction(
      (n) => window.__chosen !== undefined && document.getElementById("list-heading")?.textContent === `${n} proposals open` && performance.now() - window.__chosen,
      PROPOSALS,
      { polling: "raf", timeout: 120_000 },
    );
    const importMs = await imported.jsonValue();
    // The ranking, opened from the desk; the time runs until the table has every row.
    await page.waitForTimeout(300);
    const ranked = await page.evaluate(async (expected) => {
      const start = performance.now();
      location.hash = "#/ranking";
      return new Promise((resolve) => {
        const check = () => {
          const rows = document.querySelectorAll('[data-testid="ranking"] [data-testid="ranked"]').length;
          const incomplete = document.querySelectorAll('[data-testid="incomplete"]').length;
          if (rows === expected.ranked && incomplete === expected.incomplete) resolve({ ms: performance.now() - start, rows, incomplete });
          else if (performance.now() - start > 60_000) resolve({ ms: NaN, rows, incomplete });
          else requestAnimationFrame(check);
        };
        check();
      });
    }, expected);
    if (!Number.isFinite(ranked.ms)) throw new Error(`the ranking showed ${ranked.rows} rows and ${ranked.incomplete} incomplete, not ${expected.ranked} and ${expected.incomplete}`);
    runs.push({ import: importMs, rank: ranked.ms, total: importMs + ranked.ms });
    await context.close();
  }
  const summary = (key) => ({ median: round(median(runs.map((r) => r[key]))), worst: round(worst(runs.map((r) => r[key]))) });
  return {
    proposals: PROPOSALS,
    bytes: proposals.reduce((n, f) => n + f.buffer.length, 0),
    expected,
    import: summary("import"),
    rank: summary("rank"),
    total: summary("total"),
    runs: runs.map((r) => ({ import: round(r.import), rank: round(r.rank), total: round(r.total) })),
  };
}


// ---- the panel: assign 500 proposals to 20 reviewers, combine 20 reviewers' files ----

const PANEL_REVIEWERS = 20;

/** A reviewer's file scoring every one of the 500 proposals at the written stage, each
 * reviewer a little harsher or kinder than the next. */
function reviewerFile(r) {
  const written = {};
  for (let i = 0; i < PROPOSALS; i++) {
    const s = plantedScores(i);
    for (const c of Object.values(s.criteria)) if (c.value > 1 && c.value < 4 && (i + r) % 3 === 0) c.value += r % 2 ? 1 : -1;
    written[`p${String(i).padStart(3, "0")}`] = s;
  }
  const sheet = {
    id: `sheet-r${r}`, reviewer: { id: `r${r}`, name: `Reviewer ${r}` }, competition: "riverton-2027", version: 1,
    fingerprints: {}, blind: true, conflicts: {}, stages: { written }, updated_ms: 1_790_000_000_000 + r,
  };
  return { name: `reviewer-${r}.json`, mimeType: "application/json", buffer: Buffer.from(JSON.stringify({ format: "crossroads-review", version: 1, exported_ms: sheet.updated_ms, sheet })) };
}

async function panelBench(browser) {
  const { briefText, proposals, expected } = await reviewFiles();
  const files = Array.from({ length: PANEL_REVIEWERS }, (_, r) => reviewerFile(r));
  const rows = expected.ranked;
  const load = Math.ceil((PROPOSALS * 3) / PANEL_REVIEWERS);
  const runs = [];
  for (let run = 0; run < Math.min(RUNS, 3); run++) {
    const context = await browser.newContext({ baseURL: BASE });
    const page = await context.newPage();
    await page.goto("/review.html#/competitions");
    await page.getByLabel("Import a brief file").setInputFiles({ name: "brief.json", mimeType: "application/json", buffer: Buffer.from(briefText) });
    await page.getByTestId("competition-card").waitFor();
    await page.goto("/review.html#/");
    await page.getByLabel("Choose one or more proposal files").setInputFiles(proposals);
    await page.waitForFunction((n) => document.getElementById("list-heading")?.textContent === `${n} proposals open`, PROPOSALS, { timeout: 120_000 });
    await page.goto("/review.html#/panels");
    await page.getByRole("button", { name: "Start the panel" }).click();
    await page.getByRole("button", { name: "Take the proposals on the desk that answer this competition" }).click();
    for (let r = 0; r < PANEL_REVIEWERS; r++) {
      await page.getByLabel("Reviewer’s name").fill(`Reviewer ${r}`);
      await page.getByRole("button", { name: "Add the reviewer" }).click();
    }
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="panel-reviewer"]').length === n, PANEL_REVIEWERS);
    // Assigning: from the click to every reviewer's line showing its load.
    const assignMs = await page.evaluate(async ({ n, load }) => {
      const button = [...document.querySelectorAll("button")].find((b) => b.textContent === "Share out the reading");
      const start = performance.now();
      button.click();
      return new Promise((resolve) => {
        const check = () => {
          const lines = [...document.querySelectorAll('[data-testid="panel-reviewer"]')];
          const done = lines.length === n && lines.every((l) => /reads (\d+)/.test(l.textContent) && Math.abs(Number(l.textContent.match(/reads (\d+)/)[1]) - load) <= 1);
          if (done) resolve(performance.now() - start);
          else if (performance.now() - start > 60_000) resolve(NaN);
          else requestAnimationFrame(check);
        };
        check();
      });
    }, { n: PANEL_REVIEWERS, load });
    if (!Number.isFinite(assignMs)) throw new Error("the assignment did not show every reviewer's load");
    // Combining: from the files' arrival to the stage's table with every ranked proposal.
    await page.evaluate(() => {
      document.getElementById("reviewer-files").addEventListener("change", () => (window.__chosen = performance.now()), { capture: true, once: true });
    });
    await page.getByLabel("Load reviewers’ files").setInputFiles(files);
    const combined = await page.waitForFunction(
      (n) => {
        const table = document.querySelector('[data-testid="panel-ranking"]');
        return window.__chosen !== undefined && table && table.querySelectorAll('[data-testid="panel-row"]').length === n && performance.now() - window.__chosen;
      },
      rows,
      { polling: "raf", timeout: 120_000 },
    );
    runs.push({ assign: assignMs, combine: await combined.jsonValue() });
    await context.close();
  }
  const summary = (key) => ({ median: round(median(runs.map((r) => r[key]))), worst: round(worst(runs.map((r) => r[key]))) });
  return { proposals: PROPOSALS, reviewers: PANEL_REVIEWERS, rows, assign: summary("assign"), combine: summary("combine"), runs };
}

// ---- the run ----

const server = await startSite();
const results = { date: new Date().toISOString(), machine: {}, budgets: {} };
try {
  const browser = await chromium.launch(LAUNCH);
  results.machine = {
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    os: `${osType()} ${release()}`,
    chromium: browser.version(),
  };
  results.sizes = await sizes();

  process.stderr.write("preparing profiles…\n");
  const large = await profileWith(browser, [["Choose an HTML or JSON proposal file", "large.json", JSON.stringify(largeProposal())]]);
  const backup = { format: "crossroads-backup", version: 1, created_ms: Date.now(), drafts: Array.from({ length: 50 }, (_, i) => smallProposal(i)), unreadable: [] };
  const fifty = await profileWith(browser, [["Restore from a backup", "fifty.json", JSON.stringify(backup)]]);

  process.stderr.write(`cold loads (${RUNS} each)…\n`);
  results.ready = {
    home: await coldLoads(BASE, HOME_READY),
    largeSection: await coldLoads(`${BASE}#/drafts/bench1mb/problems`, SECTION_READY, large),
    plainHome: await coldLoads(`${BASE}plain.html`, PLAIN_READY, plainState(false)),
    review: await coldLoads(`${BASE}review.html`, REVIEW_READY),
    workshop: await coldLoads(`${BASE}workshop.html`, WORKSHOP_READY),
    plainLarge: await coldLoads(`${BASE}plain.html`, PLAIN_LARGE_READY, plainState(true)),
  };

  process.stderr.write("typing into 1 MB…\n");
  results.typing = await typing(browser, `${BASE}#/drafts/bench1mb/problems`, (p) => p.getByLabel(TYPED_LABEL), large);
  results.plainTyping = await typing(browser, `${BASE}plain.html`, (p) => p.locator("#f3"), plainState(true));

  process.stderr.write("export and import of 1 MB…\n");
  results.exchange = await exportImport(browser, large);

  process.stderr.write(`import and rank ${PROPOSALS} proposals…\n`);
  results.review = await importAndRank(browser);

  process.stderr.write(`assign ${PROPOSALS} proposals to ${PANEL_REVIEWERS} reviewers and combine their files…\n`);
  results.panel = await panelBench(browser);

  process.stderr.write("memory over 50 drafts…\n");
  results.memory = await memory(browser, fifty);
  await browser.close();
} finally {
  server.kill();
}

// ---- budgets and the table ----

const exportWorst = Math.max(results.exchange.html.median, results.exchange.json.median, results.exchange.markdown.median);
const budgets = [
  ["Team page, gzip", results.sizes.pages.team.gzip / 1024, 250, "KB"],
  ["Ready: home, median", results.ready.home.median, 2 * results.ready.plainHome.median, "ms"],
  ["Longest input event, 1 MB draft", results.typing.longestInputMs, 50, "ms"],
  ["Edit in storage after last keystroke (worst)", results.typing.saveMs.worst, 400, "ms"],
  ["Export 1 MB, slowest format (median)", exportWorst, 200, "ms"],
  ["Memory growth over 50 drafts", results.memory.growthPercent, 10, "%"],
  ["Import and rank 500 proposals", results.review.total.median, 2000, "ms"],
  ["Assign 500 proposals to 20 reviewers", results.panel.assign.median, 1000, "ms"],
  ["Combine 20 reviewers' files over 500 proposals", results.panel.combine.median, 1000, "ms"],
];
results.budgets = Object.fromEntries(budgets.map(([name, value, limit, unit]) => [name, { value: round(value, 1), limit: round(limit, 1), unit, pass: value < limit }]));

const ratio = (a, b) => (b > 0 ? `${(a / b).toFixed(2)}×` : "—");
const lines = [];
lines.push(`Crossroads benchmark, ${results.date.slice(0, 10)}, ${results.machine.cpu} (${results.machine.cores} cores, ${results.machine.memoryGiB} GiB), Chromium ${results.machine.chromium}`);
lines.push("");
lines.push("| file | raw | gzip |");
lines.push("| --- | ---: | ---: |");
for (const f of results.sizes.files) lines.push(`| ${f.file}${f.file === KIT ? " (not shipped to the hosted app)" : ""} | ${kb(f.raw)} | ${kb(f.gzip)} |`);
lines.push(`| **everything on the host (three pages)** | **${kb(results.sizes.total.raw)}** | **${kb(results.sizes.total.gzip)}** |`);
lines.push("");
lines.push("| page | files | raw | gzip | ready, median / worst |");
lines.push("| --- | --- | ---: | ---: | ---: |");
for (const page of PAGES) {
  const p = results.sizes.pages[page.name];
  const ready = { team: results.ready.home, review: results.ready.review, workshop: results.ready.workshop }[page.name];
  lines.push(`| ${page.label} | ${p.files.length} | ${kb(p.raw)} | ${kb(p.gzip)} | ${ready.median} / ${ready.worst} ms |`);
}
for (const page of PAGES) {
  const later = results.sizes.pages[page.name].later;
  if (later.files.length) {
    lines.push("");
    lines.push(`The ${page.label} fetches ${later.files.length} more files only when they are needed (its rarely opened screens and the work behind backup, restore and import, split off; once a draft opens, its screens are fetched in the background, and the service worker also keeps every part for offline use once the page runs): ${kb(later.raw)} (${kb(later.gzip)} gzip), not counted above.`);
  }
}
lines.push("");
lines.push(`The service worker adds ${kb(results.sizes.serviceWorker.raw)} (${kb(results.sizes.serviceWorker.gzip)} gzip); the one-file kit is a separate ${kb(results.sizes.kit.raw)} file (${kb(results.sizes.kit.gzip)} gzip).`);
lines.push("");
lines.push("| measure | Crossroads | plain page | ratio |");
lines.push("| --- | ---: | ---: | ---: |");
const r = results.ready;
lines.push(`| ready: home, median / worst of ${RUNS} cold loads | ${r.home.median} / ${r.home.worst} ms | ${r.plainHome.median} / ${r.plainHome.worst} ms | ${ratio(r.home.median, r.plainHome.median)} |`);
lines.push(`| ready: section of a 1 MB draft, median / worst | ${r.largeSection.median} / ${r.largeSection.worst} ms | ${r.plainLarge.median} / ${r.plainLarge.worst} ms | ${ratio(r.largeSection.median, r.plainLarge.median)} |`);
const t = results.typing;
const pt = results.plainTyping;
const below = (ms, n) => (n === 0 ? "< 16 ms" : `${ms} ms`);
lines.push(`| longest input event, typing into 1 MB (after 5 warm-up keys) | ${below(t.longestInputMs, t.slowKeystrokeEvents)} | ${below(pt.longestInputMs, pt.slowKeystrokeEvents)} | ${ratio(t.longestInputMs, pt.longestInputMs)} |`);
lines.push(`| longest of the first 5 keys after opening | ${t.firstKeystrokesMs} ms | ${pt.firstKeystrokesMs} ms | ${ratio(t.firstKeystrokesMs, pt.firstKeystrokesMs)} |`);
lines.push(`| last keystroke to storage, median / worst | ${t.saveMs.median} / ${t.saveMs.worst} ms | ${pt.saveMs.median} / ${pt.saveMs.worst} ms | ${ratio(t.saveMs.median, pt.saveMs.median)} |`);
const x = results.exchange;
lines.push(`| export 1 MB: HTML / JSON / Markdown, median | ${x.html.median} / ${x.json.median} / ${x.markdown.median} ms | — | — |`);
lines.push(`| import 1 MB (JSON), median / worst | ${x.import.median} / ${x.import.worst} ms | — | — |`);
const m = results.memory;
const mb = (b) => `${(b / ONE_MB).toFixed(1)} MB`;
lines.push(`| memory after 5 → 55 drafts opened and closed (JS heap + WebAssembly) | ${mb(m.start.js)} + ${mb(m.start.wasm)} → ${mb(m.end.js)} + ${mb(m.end.wasm)} (${m.growthPercent}%) | — | — |`);
const v = results.review;
lines.push(`| import ${v.proposals} proposals (${kb(v.bytes)} of files) into the reviewer's desk, median / worst of ${v.runs.length} | ${v.import.median} / ${v.import.worst} ms | — | — |`);
lines.push(`| rank them: open the ranking, ${v.expected.ranked} ranked and ${v.expected.incomplete} incomplete, median / worst | ${v.rank.median} / ${v.rank.worst} ms | — | — |`);
lines.push(`| import and rank ${v.proposals} proposals, median / worst | ${v.total.median} / ${v.total.worst} ms | — | — |`);
const pn = results.panel;
lines.push(`| assign ${pn.proposals} proposals to ${pn.reviewers} reviewers (3 each), median / worst | ${pn.assign.median} / ${pn.assign.worst} ms | — | — |`);
lines.push(`| combine ${pn.reviewers} reviewers' files over ${pn.proposals} proposals (${pn.rows} ranked), median / worst | ${pn.combine.median} / ${pn.combine.worst} ms | — | — |`);
lines.push("");
lines.push("| budget | measured | limit | |");
lines.push("| --- | ---: | ---: | --- |");
for (const [name, b] of Object.entries(results.budgets)) lines.push(`| ${name} | ${b.value} ${b.unit} | ${b.limit} ${b.unit} | ${b.pass ? "pass" : "**miss**"} |`);
const table = lines.join("\n");
console.log(table);

await mkdir(join(ROOT, "bench/results"), { recursive: true });
await writeFile(join(ROOT, "bench/results/latest.json"), JSON.stringify({ ...results, table }, null, 2));
process.stderr.write("\nwritten to bench/results/latest.json\n");
if (CHECK && Object.values(results.budgets).some((b) => !b.pass)) {
  process.stderr.write("budgets missed (see the table)\n");
  process.exit(1);
}
