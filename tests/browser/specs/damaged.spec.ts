// Stored drafts this build cannot use: damaged ones are listed and never touched; drafts from a
// newer version open read-only and are never written.
import { test, expect, type Page } from "@playwright/test";
import { Workbook } from "../fixtures/workbook";

const DAMAGED_KEY = "crossroads/draft/broken1";
const DAMAGED = '{"schema":2,"saved_by":"crossroads 0.1.0","revision":3,"draft":{"id":"broken1","title":"Half a dra';

const NEWER_KEY = "crossroads/draft/future1";
// A newer version's records: a head and answer records with fields this version does not know.
const NEWER = JSON.stringify({
  schema: 99,
  saved_by: "crossroads 9.0.0",
  revision: 4,
  hologram: { anything: ["a newer version may store"] },
  draft: {
    id: "future1",
    title: "From a newer Crossroads",
    created_ms: 1763900000000,
    updated_ms: 1763900000000,
    last_section: "problems",
    reviewers: ["a field this version does not know"],
  },
  school: "Hillside",
  answered: ["problems.meaning", "profile.school"],
});
const NEWER_ANSWERS = {
  "crossroads/answer/future1/problems.meaning": JSON.stringify({ schema: 99, revision: 4, answer: { text: "Written by the future." } }),
  "crossroads/answer/future1/profile.school": JSON.stringify({ schema: 99, revision: 2, answer: { text: "Hillside" }, lang: "en" }),
};

async function seed(page: Page, records: Record<string, string>) {
  await page.goto("/");
  await page.evaluate((r) => {
    for (const [k, v] of Object.entries(r)) localStorage.setItem(k, v);
  }, records);
  await page.reload();
}

async function raw(page: Page, key: string) {
  return page.evaluate((k) => localStorage.getItem(k), key);
}

test("a damaged draft is listed as damaged and never overwritten", async ({ page }) => {
  await seed(page, { [DAMAGED_KEY]: DAMAGED });
  const wb = new Workbook(page);
  const card = page.getByTestId("damaged-draft");
  await expect(card).toContainText("A draft that cannot be opened");
  await expect(card).toContainText("its text is cut off or garbled");
  await expect(card).toContainText("Crossroads will never write over it");

  // A copy of the record, byte for byte, can be saved as a file.
  const download = page.waitForEvent("download");
  await card.getByRole("button", { name: "Save a copy of this damaged draft" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("crossroads-damaged-draft-broken1.txt");
  const { readFile } = await import("node:fs/promises");
  expect(await readFile(await file.path(), "utf8")).toBe(DAMAGED);

  // Working on other drafts never touches it.
  await wb.startDraft("Fresh start");
  await page.getByLabel("School name").fill("Lincoln");
  await wb.waitUntilSaved();
  expect(await raw(page, DAMAGED_KEY)).toBe(DAMAGED);

  // Its own address explains, and writes nothing.
  await page.goto("/#/drafts/broken1/profile");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This draft cannot be opened");
  await expect(page.getByText("It is kept exactly as it was")).toBeVisible();
  await page.getByRole("link", { name: "Back to your drafts" }).click();
  await expect(page.getByTestId("damaged-draft")).toBeVisible();
  await expect(wb.card("Fresh start")).toBeVisible();
  expect(await raw(page, DAMAGED_KEY)).toBe(DAMAGED);
});

test("a draft from a newer version opens read-only and is never written", async ({ page }) => {
  await seed(page, { [NEWER_KEY]: NEWER, ...NEWER_ANSWERS });
  const wb = new Workbook(page);
  const card = wb.card("From a newer Crossroads");
  await expect(card).toContainText("Read-only: saved by a newer version of Crossroads");
  await expect(card).toContainText("Hillside");
  await expect(card.getByRole("button", { name: /Rename/ })).toHaveCount(0);

  await card.getByRole("link", { name: /Open/ }).click();
  await expect(wb.sectionHeading()).toHaveText("Get clear on the problems to solve");
  await expect(page.getByTestId("read-only-notice")).toContainText("saved by a newer version of Crossroads (format 99)");
  await expect(wb.saveStatus()).toHaveText("Read-only: changes are not saved");
  const meaning = page.getByLabel("What does personalized learning mean at your school");
  await expect(meaning).toHaveValue("Written by the future.");
  await expect(meaning).not.toBeEditable();
  await meaning.press("End");
  await page.keyboard.type(" Changed?");
  await expect(meaning).toHaveValue("Written by the future.");
  await expect(page.getByRole("button", { name: /Add a goal/ })).toHaveCount(0);

  await wb.goToSection(/Flexibility/);
  await expect(page.getByLabel("Yes, we would join one")).toBeDisabled();
  await page.getByRole("link", { name: "All drafts" }).click();
  expect(await raw(page, NEWER_KEY)).toBe(NEWER);
  for (const [key, value] of Object.entries(NEWER_ANSWERS)) expect(await raw(page, key)).toBe(value);

  // A copy is an ordinary draft of this version; the original stays as it was.
  await card.getByRole("button", { name: /Duplicate/ }).click();
  await wb.card("Copy of From a newer Crossroads").getByRole("link", { name: /Open/ }).click();
  await expect(page.getByLabel("What does personalized learning mean at your school")).toBeEditable();
  expect(await raw(page, NEWER_KEY)).toBe(NEWER);
});
