// Export a proposal reviewers can read and print, and bring it back into Crossroads.
import { test, expect, type Browser, type Download, type Page } from "@playwright/test";
import { join } from "node:path";
import { readFile, writeFile, mkdir } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { SCREENS_DIR, Workbook, downloadText } from "../fixtures/workbook";

const HOSTILE_SCRIPT = "</script><script>alert(1)</script>";
const HOSTILE_IMG = "<img src=x onerror=alert(1)>";
const HOSTILE_LINK = "javascript:alert(1)";

/** A draft with an answer of every kind in every area; returns what was typed. */
async function fillProposal(wb: Workbook) {
  const page = wb.page;
  await wb.openHome();
  await wb.startDraft("Learning Studios");
  await page.getByLabel("School name").fill("Lincoln Elementary");
  await page.getByLabel("Which design competition").fill("Springfield Design Challenge 2027");
  await wb.rowCell("profile.team", 1, "Name").fill("Ana Ruiz");
  await wb.rowCell("profile.team", 1, "Role").fill("Principal");
  await wb.next();
  await page.getByLabel("What does personalized learning mean at your school").fill("Students move on when they show mastery.\n\nTeachers coach small groups — שלום, 学习, 🚀.");
  await wb.rowCell("problems.goals", 1, "Goal for students").fill("Every 3rd grader reads at grade level");
  await wb.rowCell("problems.goals", 1, "How you will measure it").fill("Spring reading benchmark");
  await wb.next();
  await page.getByLabel("Set our own daily schedule and block lengths").check();
  await page.getByLabel("Yes, we would join one").check();
  await wb.next();
  await wb.rowCell("learning.milestones", 1, "Prototype or milestone").fill("Pilot station rotation");
  await wb.rowCell("learning.milestones", 1, "Date").fill("2027-01-15");
  await wb.next();
  await page.getByLabel("Adapt and adopt an existing model").check();
  await page.getByLabel(/ESSA Title IV/).check();
  await wb.waitUntilSaved();
  return [
    "Lincoln Elementary",
    "Springfield Design Challenge 2027",
    "Ana Ruiz",
    "Principal",
    "Students move on when they show mastery.",
    "Teachers coach small groups — שלום, 学习, 🚀.",
    "Every 3rd grader reads at grade level",
    "Spring reading benchmark",
    "Set our own daily schedule and block lengths",
    "Yes, we would join one",
    "Pilot station rotation",
    "2027-01-15",
    "Adapt and adopt an existing model",
    "ESSA Title IV (Student Support and Academic Enrichment)",
  ];
}

/** Saves a download under its own name (so the browser knows its type) and opens it from disk. */
async function openFile(browser: Browser, download: Download, options: { javaScriptEnabled: boolean; bypassCSP?: boolean }) {
  const path = join(test.info().outputPath("downloads"), download.suggestedFilename());
  await download.saveAs(path);
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await page.goto(pathToFileURL(path).href);
  return page;
}

function pageCount(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

test("the proposal document downloads with a telling name, reads without script and prints", async ({ page, browser }) => {
  const wb = new Workbook(page);
  const typed = await fillProposal(wb);
  const download = await wb.exportAs("HTML");
  const today = await wb.today();
  expect(download.suggestedFilename()).toBe(`lincoln-elementary-learning-studios-${today}.html`);
  await expect(page.getByTestId("export-done")).toContainText(`lincoln-elementary-learning-studios-${today}.html`);
  const doc = await openFile(browser, download, { javaScriptEnabled: false });
  await expect(doc.getByRole("heading", { level: 1 })).toHaveText("Learning Studios");
  for (const text of typed) await expect(doc.getByText(text, { exact: false }).first()).toBeVisible();
  for (const area of ["1. Get clear on the problems to solve", "2. Create flexibility", "3. Support adult learning and prototyping", "4. Design a new model, or adapt and adopt one", "Readiness summary"]) {
    await expect(doc.getByRole("heading", { level: 2, name: area })).toBeVisible();
    await expect(doc.getByRole("navigation", { name: "Contents" }).getByRole("link", { name: area })).toBeVisible();
  }
  await expect(doc.getByText("Not answered").first()).toBeVisible();

  for (const format of ["A4", "Letter"] as const) {
    const pdf = await doc.pdf({ format, printBackground: true });
    expect(pageCount(pdf), `${format} pages`).toBeGreaterThanOrEqual(5);
  }
  await doc.context().close();
});

test("unanswered prompts can be left out of the document", async ({ page }) => {
  const wb = new Workbook(page);
  await wb.openHome();
  await wb.startDraft("Sparse");
  await wb.next();
  await page.getByLabel("What does personalized learning mean at your school").fill("Only this.");
  await wb.waitUntilSaved();
  const marked = await downloadText(await wb.exportAs("HTML", "mark"));
  expect(marked).toContain("Not answered");
  const omitted = await downloadText(await wb.exportAs("HTML", "omit"));
  expect(omitted).not.toContain("Not answered");
  expect(omitted).toContain("Only this.");
  expect(omitted).not.toContain("Which broader outcomes should count");
});

test("JSON and Markdown downloads hold the proposal", async ({ page }) => {
  const wb = new Workbook(page);
  await fillProposal(wb);
  const today = await wb.today();
  const json = await wb.exportAs("JSON");
  expect(json.suggestedFilename()).toBe(`lincoln-elementary-learning-studios-${today}.json`);
  const data = JSON.parse(await downloadText(json));
  expect(data.format).toBe("crossroads-proposal");
  expect(data.draft).toEqual(await wb.storedDraft("Learning Studios"));

  const md = await wb.exportAs("Markdown");
  expect(md.suggestedFilename()).toBe(`lincoln-elementary-learning-studios-${today}.md`);
  const text = await downloadText(md);
  expect(text).toMatch(/^# Learning Studios\n/);
  expect(text).toContain("Spring reading benchmark");
});

test("an exported file imported into a fresh browser gives the identical draft", async ({ page, browser }) => {
  const wb = new Workbook(page);
  await fillProposal(wb);
  const original = await wb.storedDraft("Learning Studios");
  for (const format of ["HTML", "JSON"] as const) {
    const file = await wb.exportAs(format);
    const fresh = await browser.newContext();
    const other = new Workbook(await fresh.newPage());
    await other.openHome();
    await other.importFile(file.suggestedFilename(), await readFile(await file.path()));
    await expect(other.page.getByTestId("import-result")).toHaveText("Imported “Learning Studios”.");
    await expect(other.card("Learning Studios")).toContainText("Lincoln Elementary");
    await expect(other.card("Learning Studios").getByRole("link", { name: "Learning Studios", exact: true })).toBeFocused();
    expect(await other.storedDraft("Learning Studios"), format).toEqual(original);
    await other.card("Learning Studios").getByRole("link", { name: /Open/ }).click();
    await expect(other.sectionHeading()).toHaveText("Design a new model, or adapt and adopt one");
    await expect(other.page.getByLabel("Adapt and adopt an existing model")).toBeChecked();
    await fresh.close();
  }
});

test("importing a proposal that is already here asks, and replacing keeps a backup", async ({ page }) => {
  const wb = new Workbook(page);
  await wb.openHome();
  await wb.startDraft("Studios");
  await page.getByLabel("School name").fill("Version one");
  await wb.waitUntilSaved();
  const file = await wb.exportAs("JSON");
  const contents = await readFile(await file.path());
  await wb.goToSection(/School and team/);
  await page.getByLabel("School name").fill("Version two");
  await wb.waitUntilSaved();
  await page.getByRole("link", { name: "All drafts" }).click();

  await wb.importFile("studios.json", contents, "application/json");
  const conflict = page.getByTestId("import-conflict");
  await expect(conflict).toContainText("“Studios” is already in this browser");
  await expect(page.getByRole("heading", { name: "“Studios” is already in this browser" })).toBeFocused();
  await conflict.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByTestId("draft-card")).toHaveCount(1);

  await wb.importFile("studios.json", contents, "application/json");
  await conflict.getByRole("button", { name: "Keep both" }).click();
  await expect(page.getByTestId("draft-card")).toHaveCount(2);
  await expect(page.getByTestId("draft-card").filter({ hasText: "Version one" })).toHaveCount(1);
  await expect(page.getByTestId("draft-card").filter({ hasText: "Version two" })).toHaveCount(1);

  // Replace: the original id now holds the file's copy; what was there is kept as a backup.
  await wb.importFile("studios.json", contents, "application/json");
  await conflict.getByRole("button", { name: /Replace the copy here/ }).click();
  await expect(page.getByTestId("import-result")).toContainText("The earlier one is kept as “Studios (kept before an import on");
  await expect(page.getByTestId("draft-card")).toHaveCount(3);
  await expect(page.getByTestId("draft-card").filter({ hasText: "Version two" })).toContainText("kept before an import");
  const stored = await wb.storedDraftList();
  const byId = stored.find((d) => d.id === JSON.parse(contents.toString()).draft.id);
  expect(byId.answers["profile.school"]).toEqual({ text: "Version one" });
});

test("a file dropped on the import box is imported", async ({ page }) => {
  const wb = new Workbook(page);
  await wb.openHome();
  await wb.startDraft("Dropped");
  const json = await downloadText(await wb.exportAs("JSON"));
  await page.evaluate(() => localStorage.clear());
  await page.goto("/");
  const transfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], "dropped.json", { type: "application/json" }));
    return dt;
  }, json);
  await page.getByTestId("import").dispatchEvent("dragover", { dataTransfer: transfer });
  await page.getByTestId("import").dispatchEvent("drop", { dataTransfer: transfer });
  await expect(page.getByTestId("import-result")).toHaveText("Imported “Dropped”.");
  await expect(wb.card("Dropped")).toBeVisible();
});

test("each kind of bad file gets a plain message and changes nothing", async ({ page }) => {
  const wb = new Workbook(page);
  await wb.openHome();
  await wb.startDraft("Keep me");
  await page.getByLabel("School name").fill("Lincoln");
  await wb.waitUntilSaved();
  const good = await downloadText(await wb.exportAs("JSON"));
  await page.getByRole("link", { name: "All drafts" }).click();
  const before = await wb.storageSnapshot();

  const newer = good.replace('"version":1', '"version":99');
  const noTitle = good.replace(/"title":"Keep me",/, "");
  const deep = `{"format":"crossroads-proposal","version":1,"draft":${"[".repeat(5000)}${"]".repeat(5000)}}`;
  const cases: [string, string | Buffer, RegExp][] = [
    ["notes.txt", "Shopping list: milk, eggs", /This is not a Crossroads proposal/],
    ["page.html", "<!DOCTYPE html><html><body><h1>Hello</h1></body></html>", /This is not a Crossroads proposal/],
    ["photo.json", '{"camera":"x","iso":100}', /This is not a Crossroads proposal/],
    ["cut.json", good.slice(0, good.length / 2), /This file is damaged and cannot be read/],
    ["huge.json", Buffer.alloc(65 * 1024 * 1024, 32), /The file is too large \(65\.0 MB\)\. Files here are at most 64 MB/],
    ["future.json", newer, /exported by a newer version of Crossroads \(format 99\)/],
    ["no-title.json", noTitle, /missing a part it must have \(“title”\)/],
    ["deep.json", deep, /nested more than 32 levels deep/],
    ["empty.json", "", /The file is empty/],
  ];
  for (const [name, contents, message] of cases) {
    await wb.importFile(name, contents, "application/octet-stream");
    await expect(page.getByTestId("import-error"), name).toHaveText(message);
    await expect(page.getByTestId("import-error")).toContainText("Nothing was imported.");
    expect(await wb.storageSnapshot(), name).toEqual(before);
  }
  await expect(page.getByTestId("draft-card")).toHaveCount(1);
});

test("hostile text is shown as text in the app and in the exported file, and runs nothing", async ({ page, browser }) => {
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const wb = new Workbook(page);
  await wb.openHome();
  await wb.startDraft(HOSTILE_SCRIPT);
  await page.getByLabel("School name").fill(HOSTILE_IMG);
  await wb.rowCell("profile.team", 1, "Name").fill(HOSTILE_LINK);
  await wb.next();
  await page.getByLabel("What does personalized learning mean at your school").fill(`${HOSTILE_SCRIPT}\n${HOSTILE_IMG}\n[click](${HOSTILE_LINK})`);
  await wb.waitUntilSaved();
  await expect(page.getByTestId("draft-title")).toHaveText(HOSTILE_SCRIPT);
  await page.getByRole("link", { name: "All drafts" }).click();
  await expect(page.getByRole("heading", { name: HOSTILE_SCRIPT })).toBeVisible();
  await expect(page.getByText(HOSTILE_IMG)).toBeVisible();
  await expect(page.locator("img")).toHaveCount(0);
  await wb.card(HOSTILE_SCRIPT).getByRole("link", { name: /Open/ }).click();
  const file = await wb.exportAs("HTML");
  const html = await downloadText(file);
  expect(html.match(/<script/g)).toHaveLength(1);

  // Opened with script allowed, the document still runs nothing and shows the characters.
  const doc = await openFile(browser, file, { javaScriptEnabled: true });
  const docDialogs: string[] = [];
  doc.on("dialog", (d) => {
    docDialogs.push(d.message());
    void d.dismiss();
  });
  await doc.reload();
  await expect(doc.getByRole("heading", { level: 1 })).toHaveText(HOSTILE_SCRIPT);
  await expect(doc.getByText(HOSTILE_IMG).first()).toBeVisible();
  await expect(doc.getByText(`[click](${HOSTILE_LINK})`)).toBeVisible();
  await expect(doc.locator("img")).toHaveCount(0);
  await expect(doc.locator('a[href^="javascript"]')).toHaveCount(0);
  await doc.context().close();

  // And imported again, it is the same text.
  await page.goto("/");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await wb.importFile("hostile.html", html);
  await expect(wb.card(HOSTILE_SCRIPT)).toContainText(HOSTILE_IMG);
  expect(dialogs).toEqual([]);
  expect(docDialogs).toEqual([]);
});

test("export still works when the browser refuses storage", async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("denied", "SecurityError");
      },
    });
  });
  const wb = new Workbook(page);
  await wb.openHome();
  await expect(page.getByTestId("storage-notice")).toContainText("Export proposal");
  await wb.startDraft("Memory only");
  await page.getByLabel("School name").fill("Lincoln");
  const text = await downloadText(await wb.exportAs("JSON"));
  expect(JSON.parse(text).draft.answers["profile.school"]).toEqual({ text: "Lincoln" });
});

test("the export screen and the exported document pass axe, and look right", async ({ page, browser }) => {
  const wb = new Workbook(page);
  await fillProposal(wb);
  await wb.goToSection("Export proposal");
  await wb.expectAccessible();
  const dir = SCREENS_DIR;
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: `${dir}/export.png`, fullPage: true });
  const file = await wb.exportAs("HTML");
  await expect(page.getByTestId("export-done")).toBeVisible();
  await wb.expectAccessible();

  const doc: Page = await openFile(browser, file, { javaScriptEnabled: true, bypassCSP: true });
  await new Workbook(doc).expectAccessible();
  await doc.screenshot({ path: `${dir}/proposal.png`, fullPage: true });
  await doc.emulateMedia({ media: "print" });
  await doc.screenshot({ path: `${dir}/proposal-print.png`, fullPage: true });
  await writeFile(`${dir}/proposal.pdf`, await doc.pdf({ format: "Letter" }));
  await doc.context().close();
});
