// Nothing lost at the edges: a draft deleted elsewhere and saved again, leaving with work not in
// storage, history deleted while open, backups that hold every record, restores that only add,
// writes that stop half-way, and imports checked against the catalog.
import { test, expect, type Page } from "@playwright/test";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { SCREENS_DIR, Workbook, controlled, downloadText, fillStorage, holdTimers, host, releaseTimers, siteCopy, typeInOneTask } from "../fixtures/workbook";

const MEANING = "What does personalized learning mean at your school";

async function openDraft(page: Page, title: string) {
  const wb = new Workbook(page);
  await wb.openHome();
  await wb.startDraft(title);
  return wb;
}

/** The history record of the only draft titled `title`, parsed, or null. */
async function storedHistory(wb: Workbook, title: string): Promise<any> {
  const id = (await wb.storedDraft(title)).id;
  return wb.page.evaluate((id) => JSON.parse(localStorage.getItem(`crossroads/history/${id}`) ?? "null"), id);
}

test("a draft deleted in another tab and saved again from this one keeps every answer", async ({ page }) => {
  const a = await openDraft(page, "Deleted elsewhere");
  await page.getByLabel("School name").fill("Lincoln Elementary");
  await a.next();
  await page.getByLabel(MEANING).fill("Pace");
  await a.waitUntilSaved();
  const home = new Workbook(await page.context().newPage());
  await home.openHome();
  await home.card("Deleted elsewhere").getByRole("button", { name: /^Delete/ }).click();
  await home.page.getByRole("button", { name: "Yes, delete it" }).click();
  await expect(a.saveStatus()).toHaveText(/^Not saved: this draft was deleted in another tab or window/);
  await page.getByLabel(MEANING).pressSequentially("s");
  await a.waitUntilSaved();
  await page.reload();
  await expect(page.getByLabel(MEANING)).toHaveValue("Paces");
  await a.goToSection(/School and team/);
  await expect(page.getByLabel("School name")).toHaveValue("Lincoln Elementary");
});

test("the browser warns before the page closes while an edit is not in storage, and not otherwise", async ({ page }) => {
  const wb = await openDraft(page, "Leave warning");
  await page.getByLabel("School name").fill("Saved first");
  await wb.waitUntilSaved();
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.type());
    await dialog.dismiss();
  });
  // Nothing unsaved: leaving is not held up.
  expect(await page.evaluate(() => {
    const ev = new Event("beforeunload", { cancelable: true });
    window.dispatchEvent(ev);
    return ev.defaultPrevented;
  })).toBe(false);

  await fillStorage(page, 100);
  await page.getByLabel("School name").fill("Typed when storage was full " + "x".repeat(300));
  await expect(wb.saveStatus()).toHaveText(/^Not saved:/);
  expect(await page.evaluate(() => {
    const ev = new Event("beforeunload", { cancelable: true });
    window.dispatchEvent(ev);
    return ev.defaultPrevented;
  })).toBe(true);
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => dialogs).toEqual(["beforeunload"]);
});

test("leaving a draft while two versions wait for a choice keeps this tab's version as a copy", async ({ page }) => {
  const a = await openDraft(page, "Left mid-choice");
  await a.next();
  await a.waitUntilSaved();
  const b = new Workbook(await page.context().newPage());
  await b.page.goto(page.url());
  await expect(b.sectionHeading()).toHaveText(await a.sectionHeading().innerText());
  await holdTimers(b.page);
  await typeInOneTask(b.page, MEANING, "Tab B's words, never chosen.");
  await typeInOneTask(page, MEANING, "Tab A's words.", { then: "pagehide" });
  await expect(b.page.getByTestId("conflict")).toBeVisible();
  await releaseTimers(b.page);
  await b.goHome();
  await expect(b.page.getByTestId("flash")).toContainText("This tab’s version is kept as “Left mid-choice (this tab’s version");
  await b.page.screenshot({ path: `${SCREENS_DIR}/flash-left-mid-choice.png` });
  const drafts = await b.storedDraftList();
  expect(drafts.map((d) => d.answers["problems.meaning"]?.text).sort()).toEqual(["Tab A's words.", "Tab B's words, never chosen."]);
  await b.expectAccessible();
});

test("a copy that cannot be written while settling two versions is reported, and the choice stays open", async ({ page }) => {
  const a = await openDraft(page, "No room for a copy");
  await a.next();
  await a.waitUntilSaved();
  const b = new Workbook(await page.context().newPage());
  await b.page.goto(page.url());
  await expect(b.sectionHeading()).toBeVisible();
  await holdTimers(b.page);
  await typeInOneTask(b.page, MEANING, "B ".repeat(2000));
  await typeInOneTask(page, MEANING, "A ".repeat(2000), { then: "pagehide" });
  const conflict = b.page.getByTestId("conflict");
  await expect(conflict).toBeVisible();
  await releaseTimers(b.page);
  await fillStorage(b.page, 500);
  await conflict.getByRole("button", { name: "Keep this tab’s version" }).click();
  await expect(b.page.getByTestId("draft-notice")).toContainText("Nothing was changed: the version you did not choose could not be saved as a copy");
  await expect(conflict).toBeVisible();
  await conflict.getByRole("button", { name: "Keep the other tab’s version" }).click();
  await expect(conflict).toBeVisible();
  const drafts = await b.storedDraftList();
  expect(drafts).toHaveLength(1);
  expect(drafts[0].answers["problems.meaning"].text).toBe("A ".repeat(2000));
});

test("Update now waits while the last save failed, and goes ahead once the draft is exported", async ({ page }) => {
  const site = await siteCopy();
  const port = 4320 + test.info().workerIndex;
  const server = await host(site, port);
  try {
    await page.goto(`http://127.0.0.1:${port}/`);
    const wb = new Workbook(page);
    await controlled(page);
    await wb.startDraft("Update while full");
    await page.getByLabel("School name").fill("Kept");
    await wb.waitUntilSaved();
    await fillStorage(page, 100);
    await page.getByLabel("School name").fill("Typed when storage was full " + "y".repeat(300));
    await expect(wb.saveStatus()).toHaveText(/^Not saved:/);

    const sw = await readFile(join(site, "sw.js"), "utf8");
    await writeFile(join(site, "sw.js"), sw.replace(/const VERSION = "([^"]+)"/, 'const VERSION = "$1-next"'));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    const offer = page.getByTestId("update");
    await expect(offer).toContainText("A new version of Crossroads is ready.");
    let reloaded = false;
    page.on("load", () => (reloaded = true));
    await offer.getByRole("button", { name: "Update now" }).click();
    await expect(page.getByTestId("update-refused")).toContainText("Your latest changes are not saved in this browser");
    await page.screenshot({ path: `${SCREENS_DIR}/update-refused.png` });
    await wb.expectAccessible();
    await page.waitForTimeout(1000);
    expect(reloaded).toBe(false);
    await expect(page.getByLabel("School name")).toHaveValue(/^Typed when storage was full/);

    // Exporting keeps the work in a file: now the update goes ahead.
    await downloadText(await wb.exportAs("JSON"));
    const load = page.waitForEvent("load");
    await page.getByTestId("update").getByRole("button", { name: "Update now" }).click();
    await load;
    await page.evaluate(() => localStorage.removeItem("someone-else/cache"));
  } finally {
    server.kill();
  }
});

test("deleting the history of the open draft from Free space does not come back", async ({ page }) => {
  const wb = await openDraft(page, "History goes");
  await page.getByLabel("School name").fill("One");
  await wb.next();
  await page.getByLabel(MEANING).fill("Two");
  await wb.next();
  await wb.waitUntilSaved();
  await expect.poll(async () => (await storedHistory(wb, "History goes"))?.history.snapshots.length ?? 0, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
  await page.evaluate(() => localStorage.setItem("someone-else/cache", "x".repeat(4_300_000)));
  await page.reload();
  await expect(page.getByTestId("nearly-full")).toBeVisible();
  await page.getByTestId("nearly-full").getByRole("button", { name: "Free space" }).click();
  const deletedAt = await page.evaluate(() => Date.now());
  await page.getByTestId("space-row").filter({ hasText: "History goes" }).getByRole("button", { name: /Delete history/ }).click();
  await expect.poll(() => storedHistory(wb, "History goes")).toBeNull();
  await wb.goToSection(/Problems to solve/);
  await page.getByLabel(MEANING).fill("Three");
  await wb.waitUntilSaved();
  await wb.goToSection(/Flexibility/);
  // Only the snapshots taken since the deletion are written: none of the deleted ones is back.
  const taken = async () => ((await storedHistory(wb, "History goes"))?.history.snapshots ?? []).map((s: any) => s.taken_ms);
  await expect.poll(async () => (await taken()).length, { timeout: 10_000 }).toBe(2);
  await page.waitForTimeout(2500);
  const times = await taken();
  expect(times).toHaveLength(2);
  for (const t of times) expect(t).toBeGreaterThanOrEqual(deletedAt);
});

test("a backup holds a draft with an answer of an unknown kind, byte for byte, and restores it", async ({ page, browser }) => {
  const wb = await openDraft(page, "Has a future answer");
  await page.getByLabel("School name").fill("Lincoln");
  await wb.waitUntilSaved();
  const id = (await wb.storedDraft("Has a future answer")).id;
  const planted = { key: `crossroads/answer/${id}/problems.cases`, raw: '{"schema":2,"revision":1,"answer":{"sketch":[1,2]}}' };
  await page.evaluate(({ key, raw }) => localStorage.setItem(key, raw), planted);
  await wb.goHome();
  const before = await wb.storageSnapshot();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Back up all drafts" }).click();
  const backup = JSON.parse(await downloadText(await download));
  const ours = Object.fromEntries(Object.entries(before).filter(([k]) => k.includes(`/${id}`)));
  expect(Object.fromEntries(backup.unreadable.map((r: any) => [r.key, r.raw]))).toEqual(ours);

  const fresh = await browser.newContext();
  const other = new Workbook(await fresh.newPage());
  await other.openHome();
  await other.page.getByLabel("Restore from a backup").setInputFiles({ name: "b.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(backup)) });
  await expect(other.page.getByTestId("restore-result")).toContainText("1 draft that cannot be opened put back as they were");
  const restored = await other.storageSnapshot();
  expect(Object.fromEntries(Object.entries(restored).filter(([k]) => k.includes(`/${id}`)))).toEqual(ours);
  await fresh.close();
});

test("a crafted backup can neither write into an existing draft nor the reminder record", async ({ page }) => {
  const wb = await openDraft(page, "Healthy");
  await page.getByLabel("School name").fill("Lincoln");
  await wb.waitUntilSaved();
  const id = (await wb.storedDraft("Healthy")).id;
  await wb.goHome();
  const before = await wb.storageSnapshot();
  const crafted = {
    format: "crossroads-backup",
    version: 1,
    created_ms: 1,
    drafts: [],
    unreadable: [
      { key: `crossroads/answer/${id}/problems.cases`, raw: '{"schema":2,"ans' },
      { key: "crossroads/meta", raw: '{"last_backup_ms":99999999999999}' },
      { key: `crossroads/draft/${id}/x`, raw: "{broken" },
    ],
  };
  await page.getByLabel("Restore from a backup").setInputFiles({ name: "crafted.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(crafted)) });
  await expect(page.getByTestId("restore-refused").getByRole("listitem")).toHaveCount(3);
  await page.getByTestId("restore-result").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENS_DIR}/restore-refused.png` });
  expect(await wb.storageSnapshot()).toEqual(before);
  await wb.card("Healthy").getByRole("link", { name: /Open/ }).click();
  await expect(page.getByLabel("School name")).toHaveValue("Lincoln");
});

test("an import that runs out of space leaves nothing behind and says so", async ({ page }) => {
  const wb = new Workbook(page);
  await wb.openHome();
  await fillStorage(page, 3000);
  const before = await wb.storageSnapshot();
  const proposal = {
    format: "crossroads-proposal",
    version: 1,
    exported_ms: 1,
    draft: {
      id: "bigimport",
      title: "Too big to fit",
      created_ms: 1,
      updated_ms: 1,
      answers: { "problems.meaning": { text: "a".repeat(1500) }, "problems.change": { text: "b".repeat(1500) }, "problems.practice": { text: "c".repeat(1500) } },
    },
  };
  await wb.importFile("big.json", JSON.stringify(proposal), "application/json");
  await expect(page.getByTestId("import-error")).toContainText("Nothing was imported.");
  expect(await wb.storageSnapshot()).toEqual(before);
});

test("leftovers of an unfinished save are recovered as a draft a moment after start-up", async ({ page }) => {
  const wb = new Workbook(page);
  await wb.openHome();
  await page.evaluate(() =>
    localStorage.setItem("crossroads/answer/leftover1/problems.meaning", JSON.stringify({ schema: 2, revision: 1, answer: { text: "Half imported words" } })),
  );
  await page.reload();
  await expect(page.getByTestId("flash")).toContainText("Crossroads found answers that an earlier save never finished", { timeout: 15_000 });
  const card = page.getByTestId("draft-card").filter({ hasText: "Recovered answers" });
  await expect(card).toContainText("1 of 42 answered");
  await card.getByRole("link", { name: /Open/ }).click();
  await wb.goToSection(/Problems to solve/);
  await expect(page.getByLabel(MEANING)).toHaveValue("Half imported words");
});

test("deleting a draft whose migration failed removes its old copy, so it does not come back", async ({ page }) => {
  const wb = new Workbook(page);
  await wb.openHome();
  const draft = { id: "oldone", title: "Migrated badly", created_ms: 1, updated_ms: 1, last_section: "", answers: { "problems.meaning": { text: "Old ".repeat(1000) } } };
  await page.evaluate((draft) => {
    const raw = JSON.stringify({ schema: 1, saved_by: "crossroads 0.1.0", draft });
    localStorage.setItem("crossroads/draft/oldone", raw);
    localStorage.setItem("crossroads/premigration/oldone", raw);
  }, draft);
  await page.reload();
  // No room for the migrated answers: the migration fails again as the draft is deleted.
  await fillStorage(page, 1000);
  await wb.card("Migrated badly").getByRole("button", { name: /^Delete/ }).click();
  await page.getByRole("button", { name: "Yes, delete it" }).click();
  await expect(page.getByTestId("draft-card")).toHaveCount(0);
  await page.evaluate(() => localStorage.removeItem("someone-else/cache"));
  await page.reload();
  await expect(page.getByTestId("no-drafts")).toBeVisible();
  expect(Object.keys(await wb.storageSnapshot()).filter((k) => k.includes("oldone"))).toEqual([]);
});

test("an imported answer of the wrong kind is converted or set aside and listed, never counted unseen", async ({ page }) => {
  const wb = new Workbook(page);
  await wb.openHome();
  const proposal = {
    format: "crossroads-proposal",
    version: 1,
    exported_ms: 1,
    draft: {
      id: "kinds1",
      title: "Odd kinds",
      created_ms: 1,
      updated_ms: 1,
      answers: {
        "problems.identified": { text: "Late buses" },
        "pathway.choice": { choice: "teleport" },
        "future.question": { text: "Written in a newer version" },
      },
    },
  };
  await wb.importFile("odd.json", JSON.stringify(proposal), "application/json");
  await expect(page.getByTestId("import-result")).toContainText("Imported “Odd kinds”");
  const aside = page.getByTestId("import-set-aside");
  await expect(aside).toContainText("2 parts of the file were set aside");
  await expect(aside).toContainText("teleport");
  await expect(aside).toContainText("Written in a newer version");
  await aside.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENS_DIR}/import-set-aside.png` });
  await wb.expectAccessible();
  const saved = page.waitForEvent("download");
  await aside.getByRole("button", { name: "Save what was set aside as a text file" }).click();
  expect(await downloadText(await saved)).toContain("Written in a newer version");
  await expect(wb.card("Odd kinds")).toContainText("1 of 42 answered");
  await wb.card("Odd kinds").getByRole("link", { name: /Open/ }).click();
  await wb.goToSection(/Problems to solve/);
  await expect(wb.rowCell("problems.identified", 1, "Problem")).toHaveValue("Late buses");
});

test("a title that holds the proposal's data marker exports a file that imports back", async ({ page, browser }) => {
  const wb = new Workbook(page);
  await wb.openHome();
  await wb.startDraft('id="crossroads-proposal" <script type="application/json" id="crossroads-proposal">');
  await page.getByLabel("School name").fill('"Marker" School');
  await wb.waitUntilSaved();
  const html = await downloadText(await wb.exportAs("HTML"));
  const fresh = await browser.newContext();
  const other = new Workbook(await fresh.newPage());
  await other.openHome();
  await other.importFile("marker.html", html);
  await expect(other.page.getByTestId("import-result")).toContainText("Imported");
  await fresh.close();
});
