// Saving without a save button: what the status line says, and that nothing typed is lost.
import { test, expect } from "@playwright/test";
import { Workbook, typeInOneTask } from "../fixtures/workbook";

const MEANING = "What does personalized learning mean at your school";

test("the status line says Saving… while an edit waits, then Saved once it is stored", async ({ page }) => {
  const wb = new Workbook(page);
  await wb.openHome();
  await wb.startDraft("Status");
  await wb.next();
  await wb.waitUntilSaved();
  // Record every text the status line shows, however briefly.
  await page.evaluate(() => {
    const status = document.querySelector('[data-testid="save-status"]')!;
    const seen: string[] = [];
    (window as any).__statusSeen = seen;
    new MutationObserver(() => seen.push(status.textContent!)).observe(status, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
  await page.getByLabel(MEANING).pressSequentially("Mastery");
  await wb.waitUntilSaved();
  const seen: string[] = await page.evaluate(() => (window as any).__statusSeen);
  expect(seen[0]).toBe("Saving…");
  expect(seen.at(-1)).toBe("Saved");
  expect((await wb.storedDraft("Status")).answers["problems.meaning"]).toEqual({ text: "Mastery" });
});

test("an edit is written at once when the page is hidden, and when it is closed", async ({ page }) => {
  const wb = new Workbook(page);
  await wb.openHome();
  await wb.startDraft("Flush");
  await wb.next();
  await wb.waitUntilSaved();
  // Type, hide the page and read storage in one go, so the 300 ms timer cannot have fired.
  const hidden = await typeInOneTask(page, MEANING, "Written on hide", { then: "visibilitychange", read: "problems.meaning" });
  expect(hidden).toEqual({ text: "Written on hide" });
  const closed = await typeInOneTask(page, MEANING, "Written on pagehide", { then: "pagehide", read: "problems.meaning" });
  expect(closed).toEqual({ text: "Written on pagehide" });
});

test("typing and closing the tab at once loses nothing", async ({ page, context }) => {
  const wb = new Workbook(page);
  await wb.openHome();
  await wb.startDraft("Closing");
  await wb.next();
  await wb.waitUntilSaved();
  await page.getByLabel(MEANING).pressSequentially("Typed just before closing", { delay: 5 });
  await page.close();

  const again = await context.newPage();
  const wb2 = new Workbook(again);
  await wb2.openHome();
  await wb2.card("Closing").getByRole("link", { name: /Open/ }).click();
  await expect(again.getByLabel(MEANING)).toHaveValue("Typed just before closing");
});

test("a refused write says Not saved, keeps the last save and the typed text, and retries", async ({ page }) => {
  const wb = new Workbook(page);
  await wb.openHome();
  await wb.startDraft("Quota");
  await wb.next();
  await page.getByLabel(MEANING).fill("Saved part.");
  await wb.waitUntilSaved();

  await page.evaluate(() => {
    const original = Storage.prototype.setItem;
    (window as any).__restoreSetItem = () => (Storage.prototype.setItem = original);
    Storage.prototype.setItem = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  await page.getByLabel(MEANING).fill("Saved part. Unsaved part.");
  await expect(wb.saveStatus()).toHaveText("Not saved: this browser's storage for Crossroads is full");
  await expect(page.getByRole("alert")).toContainText("What you typed is still on this screen");
  await expect(page.getByLabel(MEANING)).toHaveValue("Saved part. Unsaved part.");
  expect((await wb.storedDraft("Quota")).answers["problems.meaning"]).toEqual({ text: "Saved part." });

  await page.evaluate(() => (window as any).__restoreSetItem());
  await page.getByLabel(MEANING).press("End");
  await page.getByLabel(MEANING).pressSequentially(" More.");
  await wb.waitUntilSaved();
  await expect(page.getByRole("alert")).toHaveCount(0);
  expect((await wb.storedDraft("Quota")).answers["problems.meaning"]).toEqual({
    text: "Saved part. Unsaved part. More.",
  });
});

test("when the browser refuses storage the app works in memory and says so", async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("Access is denied for this document.", "SecurityError");
      },
    });
  });
  const wb = new Workbook(page);
  await wb.openHome();
  await expect(page.getByTestId("storage-notice")).toContainText("Your work is not being saved in this browser.");
  await expect(page.getByTestId("storage-notice")).toContainText("Closing or reloading the tab will lose it.");
  await wb.startDraft("In memory");
  await page.getByLabel("School name").fill("Lincoln Elementary");
  await expect(wb.saveStatus()).toHaveText(/^Not saved: this browser is blocking storage/);
  await wb.next();
  await wb.goToSection(/School and team/);
  await expect(page.getByLabel("School name")).toHaveValue("Lincoln Elementary");
  await page.getByRole("link", { name: "All drafts" }).click();
  await expect(wb.card("In memory")).toContainText("Lincoln Elementary");
});
