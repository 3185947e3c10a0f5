// History: earlier versions of a draft can be viewed and restored, and a restore can be undone.
import { test, expect } from "@playwright/test";
import { Workbook } from "../fixtures/workbook";

const MEANING = "What does personalized learning mean at your school";

test("restore an earlier version, then undo the restore", async ({ page }) => {
  const wb = new Workbook(page);
  await wb.openHome();
  await wb.startDraft("Versions");
  await page.getByLabel("School name").fill("Lincoln");
  await wb.next();
  await page.getByLabel(MEANING).fill("First idea.");
  await wb.next(); // a snapshot is kept on arriving: it holds "First idea."
  await wb.goToSection(/Problems to solve/);
  await page.getByLabel(MEANING).fill("Second idea, which replaced the first.");
  await wb.next(); // and another with the second idea
  await wb.waitUntilSaved();

  await wb.goToSection("History");
  await expect(wb.sectionHeading()).toHaveText("History of this draft");
  const versions = page.getByTestId("version");
  await expect(versions).toHaveCount(4);
  await expect(versions.first()).toContainText("Moved to another section");

  // Look at the version holding the first idea.
  const first = versions.filter({ hasText: "2 of 42 answered" }).last();
  await first.getByRole("button", { name: /^View/ }).click();
  await expect(first.getByTestId("version-view")).toContainText("First idea.");
  await expect(first.getByTestId("version-view")).not.toContainText("Second idea");
  await wb.expectAccessible();

  await first.getByRole("button", { name: "Restore this version" }).click();
  await expect(page.getByTestId("restored")).toBeVisible();
  await expect(page.getByRole("button", { name: "Undo the restore" })).toBeFocused();
  await wb.waitUntilSaved();
  expect((await wb.storedDraft("Versions")).answers["problems.meaning"]).toEqual({ text: "First idea." });
  await wb.goToSection(/Problems to solve/);
  await expect(page.getByLabel(MEANING)).toHaveValue("First idea.");

  // Undo, from the history screen.
  await wb.goToSection("History");
  const before = versions.filter({ hasText: "Just before a restore" });
  await expect(before).toHaveCount(1);
  await before.getByRole("button", { name: "Restore this version" }).click();
  await wb.waitUntilSaved();
  expect((await wb.storedDraft("Versions")).answers["problems.meaning"]).toEqual({ text: "Second idea, which replaced the first." });
  await page.reload();
  await wb.goToSection(/Problems to solve/);
  await expect(page.getByLabel(MEANING)).toHaveValue("Second idea, which replaced the first.");
});

test("the undo button right after a restore puts the draft back", async ({ page }) => {
  const wb = new Workbook(page);
  await wb.openHome();
  await wb.startDraft("Undo");
  await wb.next();
  await page.getByLabel(MEANING).fill("Before.");
  await wb.next();
  await wb.goToSection(/Problems to solve/);
  await page.getByLabel(MEANING).fill("After.");
  await wb.waitUntilSaved();
  await wb.goToSection("History");
  await page.getByTestId("version").filter({ hasText: "1 of 42 answered" }).first().getByRole("button", { name: "Restore this version" }).click();
  await wb.waitUntilSaved();
  expect((await wb.storedDraft("Undo")).answers["problems.meaning"]).toEqual({ text: "Before." });
  await page.getByRole("button", { name: "Undo the restore" }).click();
  await wb.waitUntilSaved();
  expect((await wb.storedDraft("Undo")).answers["problems.meaning"]).toEqual({ text: "After." });
  await expect(page.getByTestId("restored")).toHaveCount(0);
});

test("a draft without history says how history is kept", async ({ page }) => {
  const wb = new Workbook(page);
  await wb.openHome();
  await wb.startDraft("Fresh");
  await wb.goToSection("History");
  // Arriving at the first section kept the first version.
  await expect(page.getByTestId("version")).toHaveCount(1);
  const historyUrl = page.url();
  await page.getByRole("link", { name: "All drafts" }).click();
  await page.evaluate(() => {
    for (const k of Object.keys(localStorage)) if (k.startsWith("crossroads/history/")) localStorage.removeItem(k);
  });
  await page.goto(historyUrl);
  await expect(page.getByTestId("no-history")).toContainText("Crossroads keeps one each time you move to another section");
});
