// Backups: every draft and its history in one file, restored without overwriting anything;
// the reminder; and asking the browser to keep the data.
import { test, expect } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { Workbook, downloadText } from "../fixtures/workbook";

const MEANING = "What does personalized learning mean at your school";

async function makeDraft(wb: Workbook, title: string, school: string, meaning: string) {
  await wb.startDraft(title);
  await wb.page.getByLabel("School name").fill(school);
  await wb.next();
  await wb.page.getByLabel(MEANING).fill(meaning);
  await wb.next();
  await wb.waitUntilSaved();
  await wb.page.getByRole("link", { name: "All drafts" }).click();
}

test("a backup of three drafts restores into a fresh browser with their history", async ({ page, browser }) => {
  const wb = new Workbook(page);
  await wb.openHome();
  await expect(page.getByTestId("last-backup")).toHaveText("No backup has been made in this browser yet.");
  await makeDraft(wb, "Studios", "Lincoln", "Studios meaning.");
  await makeDraft(wb, "Crews", "Roosevelt", "Crews meaning.");
  await makeDraft(wb, "Labs", "Hillside", "Labs meaning.");
  const originals = await wb.storedDraftList();

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Back up all drafts" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`crossroads-backup-${await wb.today()}.json`);
  await expect(page.getByTestId("last-backup")).toHaveText(/^Last backup: .*\d{4}/);
  const contents = await readFile(await file.path());
  const backup = JSON.parse(contents.toString());
  expect(backup.drafts).toHaveLength(3);
  expect(backup.drafts.every((d: any) => d.history.snapshots.length >= 2)).toBe(true);

  const fresh = await browser.newContext();
  const other = new Workbook(await fresh.newPage());
  await other.openHome();
  await other.page.getByLabel("Restore from a backup").setInputFiles({ name: file.suggestedFilename(), mimeType: "application/json", buffer: contents });
  await expect(other.page.getByTestId("restore-result")).toHaveText("From the backup: 3 drafts added.");
  await expect(other.page.getByTestId("draft-card")).toHaveCount(3);
  const restored = await other.storedDraftList();
  const byId = (list: any[]) => Object.fromEntries(list.map((d) => [d.id, d]));
  expect(byId(restored)).toEqual(byId(originals));
  await other.card("Crews").getByRole("link", { name: /Open/ }).click();
  await other.goToSection("History");
  await expect(other.page.getByTestId("version").filter({ hasText: "Moved to another section" }).first()).toBeVisible();

  // Restoring the same backup again adds nothing; a changed draft is offered as a copy.
  await other.page.getByRole("link", { name: "All drafts" }).click();
  await other.card("Labs").getByRole("link", { name: /Open/ }).click();
  await other.goToSection(/Problems to solve/);
  await other.page.getByLabel(MEANING).fill("Labs meaning, changed after the backup.");
  await other.waitUntilSaved();
  await other.page.getByRole("link", { name: "All drafts" }).click();
  await other.page.getByLabel("Restore from a backup").setInputFiles({ name: "again.json", mimeType: "application/json", buffer: contents });
  const result = other.page.getByTestId("restore-result");
  await expect(result).toContainText("From the backup: 0 drafts added, 2 drafts already here, unchanged.");
  await expect(result).toContainText("These differ from the draft of the same name here, which was left alone:");
  await result.getByRole("button", { name: "Add as a copy" }).click();
  await expect(result).toContainText("1 draft added as copies");
  await expect(other.card("Labs (from a backup)")).toBeVisible();
  const after = await other.storedDraftList();
  expect(after.find((d) => d.title === "Labs").answers["problems.meaning"].text).toBe("Labs meaning, changed after the backup.");
  expect(after.find((d) => d.title === "Labs (from a backup)").answers["problems.meaning"].text).toBe("Labs meaning.");
  await other.expectAccessible();
  await fresh.close();
});

test("a bad backup file is refused with a plain message and changes nothing", async ({ page }) => {
  const wb = new Workbook(page);
  await wb.openHome();
  await makeDraft(wb, "Keep", "Lincoln", "x");
  const before = await wb.storageSnapshot();
  const proposal = await (async () => {
    await wb.card("Keep").getByRole("link", { name: /Open/ }).click();
    const text = await downloadText(await wb.exportAs("JSON"));
    await page.getByRole("link", { name: "All drafts" }).click();
    return text;
  })();
  const cases: [string, string, RegExp][] = [
    ["proposal.json", proposal, /This is a single proposal, not a backup\. Use “Open a proposal file” instead\./],
    ["cut.json", '{"format":"crossroads-backup","version":1,"drafts":[{"dra', /damaged and cannot be read/],
    ["future.json", '{"format":"crossroads-backup","version":5,"drafts":[]}', /newer version of Crossroads \(format 5\)/],
    ["notes.txt", "hello", /This is not a Crossroads proposal/],
  ];
  for (const [name, text, message] of cases) {
    await page.getByLabel("Restore from a backup").setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(text) });
    await expect(page.getByTestId("restore-error"), name).toHaveText(message);
    expect(await wb.storageSnapshot(), name).toEqual(before);
  }
});

test("the home screen reminds the team when no backup was made for a week", async ({ page }) => {
  const wb = new Workbook(page);
  await wb.openHome();
  await makeDraft(wb, "Old work", "Lincoln", "x");
  await expect(page.getByTestId("backup-reminder")).toHaveCount(0);
  // The draft was started ten days ago and never backed up.
  await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith("crossroads/draft/"))!;
    const head = JSON.parse(localStorage.getItem(key)!);
    head.draft.created_ms -= 10 * 24 * 60 * 60 * 1000;
    localStorage.setItem(key, JSON.stringify(head));
  });
  await page.reload();
  await expect(page.getByTestId("backup-reminder")).toContainText("Time for a backup. You have not made a backup yet.");
  await wb.expectAccessible();
  await page.getByTestId("backup-reminder").getByRole("link", { name: "Go to backups" }).click();
  await expect(page.getByRole("button", { name: "Back up all drafts" })).toBeFocused();
  const download = page.waitForEvent("download");
  await page.keyboard.press("Enter");
  await download;
  await expect(page.getByTestId("backup-reminder")).toHaveCount(0);
});

for (const [granted, words] of [
  [true, "This browser has agreed to keep Crossroads’ data even when the computer runs low on space."],
  [false, "This browser has not promised to keep Crossroads’ data: it may clear it when the computer runs low on space. Back up regularly."],
] as const) {
  test(`the app asks the browser to keep its data and says it was ${granted ? "granted" : "refused"}`, async ({ page }) => {
    await page.addInitScript((granted) => {
      (window as any).__persistAsked = 0;
      navigator.storage.persist = () => {
        (window as any).__persistAsked += 1;
        return Promise.resolve(granted);
      };
    }, granted);
    const wb = new Workbook(page);
    await wb.openHome();
    await expect(page.getByTestId("persistence")).toHaveText(words);
    expect(await page.evaluate(() => (window as any).__persistAsked)).toBe(1);
  });
}
