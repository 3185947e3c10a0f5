// Never lose a draft: full storage, mismatched writes and migration from the previous format.
import { test, expect, type Page } from "@playwright/test";
import { Workbook, downloadText, fillStorage } from "../fixtures/workbook";

const MEANING = "What does personalized learning mean at your school";

test("at the quota an edit stays on screen, export works, and freeing space in the app saves it", async ({ page }) => {
  const wb = new Workbook(page);
  await wb.openHome();
  await wb.startDraft("Old pilot");
  await page.getByLabel("School name").fill("Lincoln");
  await wb.next();
  await page.getByLabel(MEANING).fill("Old text ".repeat(3000));
  await wb.waitUntilSaved();
  await page.getByRole("link", { name: "All drafts" }).click();
  await wb.startDraft("Current");
  await wb.next();
  await page.getByLabel(MEANING).fill("Saved before the storage filled.");
  await wb.waitUntilSaved();

  await fillStorage(page, 200);
  await page.getByLabel(MEANING).fill("Saved before the storage filled. Typed once it was full. " + "More. ".repeat(100));
  await expect(wb.saveStatus()).toHaveText("Not saved: this browser's storage for Crossroads is full");
  const problem = page.getByTestId("save-problem");
  await expect(problem).toContainText("What you typed is still on this screen");
  await expect(problem).toContainText("delete the history of a large draft or a draft you no longer need");
  expect((await wb.storedDraft("Current")).answers["problems.meaning"]).toEqual({ text: "Saved before the storage filled." });

  // Export still works, with what is on screen.
  const exported = JSON.parse(await downloadText(await wb.exportAs("JSON")));
  expect(exported.draft.answers["problems.meaning"].text).toContain("Typed once it was full.");
  await wb.goToSection(/Problems to solve/);
  await expect(page.getByLabel(MEANING)).toHaveValue(/Typed once it was full\./);

  // Free space from within the draft: delete the old pilot; the edit is then saved.
  await problem.getByRole("button", { name: "Free space" }).click();
  const row = page.getByTestId("space-row").filter({ hasText: "Old pilot" });
  await row.getByRole("button", { name: /Delete draft/ }).click();
  await row.getByRole("button", { name: "Yes, delete it" }).click();
  await wb.waitUntilSaved();
  expect((await wb.storedDraft("Current")).answers["problems.meaning"].text).toContain("Typed once it was full.");
  await expect(page.getByTestId("save-problem")).toHaveCount(0);
});

test("the app warns before storage is full, on the home screen and in a draft", async ({ page }) => {
  const wb = new Workbook(page);
  await wb.openHome();
  await wb.startDraft("Warned");
  await page.getByLabel("School name").fill("Lincoln");
  await wb.waitUntilSaved();
  await page.getByRole("link", { name: "All drafts" }).click();
  await page.evaluate(() => localStorage.setItem("someone-else/cache", "x".repeat(4_300_000)));
  await page.reload();
  await expect(page.getByTestId("space-summary")).toHaveText(/Crossroads is using about (8\d|9\d)% of the space/);
  await expect(page.getByTestId("space")).toContainText("Space is running out.");
  await wb.card("Warned").getByRole("link", { name: /Open/ }).click();
  await expect(page.getByTestId("nearly-full")).toContainText(/storage for Crossroads is (8\d|9\d)% full/);
  await wb.expectAccessible();
});

test("a write the browser does not keep as written says Not saved and keeps the last good save", async ({ page }) => {
  const wb = new Workbook(page);
  await wb.openHome();
  await wb.startDraft("Mismatch");
  await wb.next();
  await page.getByLabel(MEANING).fill("Good save.");
  await wb.waitUntilSaved();
  await page.evaluate(() => {
    const original = Storage.prototype.setItem;
    (window as any).__restore = () => (Storage.prototype.setItem = original);
    Storage.prototype.setItem = function (key: string, value: string) {
      original.call(this, key, key.includes("problems.meaning") ? value.slice(0, 10) : value);
    };
  });
  await page.getByLabel(MEANING).fill("Good save. Then a bad write.");
  await expect(wb.saveStatus()).toHaveText(/^Not saved: the browser refused to save \(what the browser kept differs from what was written\)/);
  await expect(page.getByLabel(MEANING)).toHaveValue("Good save. Then a bad write.");
  await page.evaluate(() => (window as any).__restore());
  await page.getByLabel(MEANING).press("End");
  await page.getByLabel(MEANING).pressSequentially("!");
  await wb.waitUntilSaved();
  expect((await wb.storedDraft("Mismatch")).answers["problems.meaning"]).toEqual({ text: "Good save. Then a bad write.!" });
});

const OLD_RECORD = JSON.stringify({
  schema: 1,
  saved_by: "crossroads 0.1.0",
  draft: {
    id: "old1",
    title: "Written by the first version",
    created_ms: 1763000000000,
    updated_ms: 1763000000000,
    last_section: "problems",
    answers: {
      "profile.school": { text: "Lincoln Elementary" },
      "problems.meaning": { text: "Kept through the migration." },
      "pathway.funding": { checklist: ["essa_title_iv"] },
    },
  },
});

test("a draft in the previous format is migrated when opened, and nothing is lost", async ({ page }) => {
  const wb = new Workbook(page);
  await page.goto("/");
  await page.evaluate((raw) => localStorage.setItem("crossroads/draft/old1", raw), OLD_RECORD);
  await page.reload();
  await expect(wb.card("Written by the first version")).toContainText("Lincoln Elementary");
  await expect(wb.card("Written by the first version")).toContainText("3 of 42 answered");
  await wb.card("Written by the first version").getByRole("link", { name: /Open/ }).click();
  await expect(wb.sectionHeading()).toHaveText("Get clear on the problems to solve");
  await expect(page.getByLabel(MEANING)).toHaveValue("Kept through the migration.");
  const keys = await page.evaluate(() => Object.keys(localStorage).sort());
  expect(keys).toContain("crossroads/answer/old1/problems.meaning");
  expect(keys).not.toContain("crossroads/premigration/old1");
  const head = JSON.parse((await page.evaluate(() => localStorage.getItem("crossroads/draft/old1")))!);
  expect(head.schema).toBe(2);
  await page.getByLabel(MEANING).fill("Kept through the migration, then edited.");
  await wb.waitUntilSaved();
  expect((await wb.storedDraft("Written by the first version")).answers).toEqual({
    "profile.school": { text: "Lincoln Elementary" },
    "problems.meaning": { text: "Kept through the migration, then edited." },
    "pathway.funding": { checklist: ["essa_title_iv"] },
  });
});

test("a migration that cannot be written leaves the old record as it was", async ({ page }) => {
  const wb = new Workbook(page);
  await page.goto("/");
  await page.evaluate((raw) => localStorage.setItem("crossroads/draft/old1", raw), OLD_RECORD);
  await fillStorage(page, 10);
  await page.reload();
  await wb.card("Written by the first version").getByRole("link", { name: /Open/ }).click();
  await expect(page.getByLabel(MEANING)).toHaveValue("Kept through the migration.");
  expect(await page.evaluate(() => localStorage.getItem("crossroads/draft/old1"))).toBe(OLD_RECORD);
  await page.getByLabel(MEANING).fill("Edited while full.");
  await expect(wb.saveStatus()).toHaveText("Not saved: this browser's storage for Crossroads is full");
  expect(await page.evaluate(() => localStorage.getItem("crossroads/draft/old1"))).toBe(OLD_RECORD);
});
