// Two tabs on the same draft never silently overwrite each other.
import { test, expect, type Page } from "@playwright/test";
import { Workbook, holdTimers, releaseTimers, typeInOneTask } from "../fixtures/workbook";

const MEANING = "What does personalized learning mean at your school";

/** Opens the same draft, at the same section, in a second tab of the same browser. */
async function secondTab(wb: Workbook): Promise<Workbook> {
  const other = new Workbook(await wb.page.context().newPage());
  await other.page.goto(wb.page.url());
  await expect(other.sectionHeading()).toHaveText(await wb.sectionHeading().innerText());
  return other;
}

/** Types into the meaning prompt and writes at once, as hiding the page does. */
const typeAndFlush = (page: Page, text: string) => typeInOneTask(page, MEANING, text, { then: "pagehide" });

/** Types into the meaning prompt, leaving the save pending. */
const typeOnly = (page: Page, text: string) => typeInOneTask(page, MEANING, text);

async function openDraft(page: Page, title: string) {
  const wb = new Workbook(page);
  await wb.openHome();
  await wb.startDraft(title);
  await wb.next();
  await wb.waitUntilSaved();
  return wb;
}

test("two tabs editing in turn each see the other's saved changes", async ({ page }) => {
  const a = await openDraft(page, "Shared");
  const b = await secondTab(a);
  await a.page.getByLabel(MEANING).fill("Written in tab A.");
  await a.waitUntilSaved();
  await expect(b.page.getByLabel(MEANING)).toHaveValue("Written in tab A.");
  await expect(b.page.getByTestId("draft-notice")).toContainText("changed in another tab or window");

  await b.page.getByLabel(MEANING).fill("Written in tab A. Then in tab B.");
  await b.waitUntilSaved();
  await expect(a.page.getByLabel(MEANING)).toHaveValue("Written in tab A. Then in tab B.");
  await a.page.getByLabel(MEANING).press("End");
  await a.page.getByLabel(MEANING).pressSequentially(" A again.");
  await a.waitUntilSaved();
  await expect(b.page.getByLabel(MEANING)).toHaveValue("Written in tab A. Then in tab B. A again.");
  expect((await a.storedDraft("Shared")).answers["problems.meaning"]).toEqual({ text: "Written in tab A. Then in tab B. A again." });
  expect(await a.storedDraftList()).toHaveLength(1);

  // The home screen of a third tab follows too.
  const home = new Workbook(await page.context().newPage());
  await home.openHome();
  await expect(home.card("Shared")).toContainText("1 of 42 answered");
  await b.page.getByLabel(MEANING).fill("");
  await b.waitUntilSaved();
  await expect(home.card("Shared")).toContainText("0 of 42 answered");
});

test("two tabs changing the draft at once: the team sees both and keeps one, the other becomes a copy", async ({ page }) => {
  const a = await openDraft(page, "Both");
  const b = await secondTab(a);
  await holdTimers(b.page);
  await typeOnly(b.page, "Tab B's unsaved words.");
  await typeAndFlush(a.page, "Tab A's saved words.");

  const conflict = b.page.getByTestId("conflict");
  await expect(conflict).toContainText("This draft was also changed in another tab");
  await expect(conflict.getByRole("row", { name: /What does personalized learning mean/ })).toContainText("Tab B's unsaved words.");
  await expect(conflict.getByRole("row", { name: /What does personalized learning mean/ })).toContainText("Tab A's saved words.");
  await expect(b.saveStatus()).toHaveText("Not saved: this draft was also changed in another tab");
  await expect(b.page.getByLabel(MEANING)).not.toBeEditable();
  await releaseTimers(b.page);
  await b.expectAccessible();

  await conflict.getByRole("button", { name: "Keep this tab’s version" }).click();
  await b.waitUntilSaved();
  await expect(b.page.getByTestId("draft-notice")).toContainText("The other tab’s version is saved as “Both (the other tab’s version");
  await expect(a.page.getByLabel(MEANING)).toHaveValue("Tab B's unsaved words.");
  const drafts = await a.storedDraftList();
  expect(drafts.map((d) => d.answers["problems.meaning"]?.text).sort()).toEqual(["Tab A's saved words.", "Tab B's unsaved words."]);
  expect(drafts.find((d) => d.title === "Both").answers["problems.meaning"].text).toBe("Tab B's unsaved words.");
});

test("keeping the other tab's version keeps this tab's as a copy", async ({ page }) => {
  const a = await openDraft(page, "Theirs");
  const b = await secondTab(a);
  await holdTimers(b.page);
  await typeOnly(b.page, "Mine, not kept here.");
  await typeAndFlush(a.page, "Theirs, kept.");
  await expect(b.page.getByTestId("conflict")).toBeVisible();
  await releaseTimers(b.page);
  await b.page.getByTestId("conflict").getByRole("button", { name: "Keep the other tab’s version" }).click();
  await expect(b.page.getByLabel(MEANING)).toHaveValue("Theirs, kept.");
  await expect(b.page.getByLabel(MEANING)).toBeEditable();
  await expect(b.page.getByTestId("draft-notice")).toContainText("This tab’s version is saved as “Theirs (this tab’s version");
  const drafts = await a.storedDraftList();
  expect(drafts.find((d) => d.title === "Theirs").answers["problems.meaning"].text).toBe("Theirs, kept.");
  expect(drafts.find((d) => d.title.startsWith("Theirs (this tab’s version")).answers["problems.meaning"].text).toBe("Mine, not kept here.");
});

test("a tab of this version never rewrites a draft a newer version saved in another tab", async ({ page }) => {
  const a = await openDraft(page, "Upgraded elsewhere");
  // Another tab runs a newer build; it saves the draft in its own format while this tab has
  // words waiting to be saved.
  const newer = await page.context().newPage();
  await newer.goto("/");
  await holdTimers(a.page);
  await typeOnly(a.page, "Typed here, not yet saved.");
  const head = await newer.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith("crossroads/draft/"))!;
    const head = JSON.parse(localStorage.getItem(key)!);
    head.schema = 4;
    head.revision += 1;
    localStorage.setItem(key, JSON.stringify(head));
    return [key, localStorage.getItem(key)] as const;
  });
  await expect(a.page.getByTestId("draft-notice")).toContainText("A newer version of Crossroads changed this draft in another tab");
  await expect(a.page.getByTestId("draft-notice")).toContainText("Your unsaved changes are kept as “Upgraded elsewhere (this tab’s unsaved version");
  await expect(a.saveStatus()).toHaveText("Read-only: changes are not saved");
  await expect(a.page.getByLabel(MEANING)).not.toBeEditable();
  await releaseTimers(a.page);
  await a.page.evaluate(() => window.dispatchEvent(new PageTransitionEvent("pagehide")));
  expect(await a.page.evaluate((key) => localStorage.getItem(key), head[0])).toBe(head[1]);
  const copy = (await a.storedDraftList()).find((d) => d.title.startsWith("Upgraded elsewhere (this tab"));
  expect(copy.answers["problems.meaning"].text).toBe("Typed here, not yet saved.");
});

test("a draft deleted in another tab stays on screen and is saved again by the next change", async ({ page }) => {
  const a = await openDraft(page, "Deleted elsewhere");
  await a.page.getByLabel(MEANING).fill("Still here.");
  await a.waitUntilSaved();
  const home = new Workbook(await page.context().newPage());
  await home.openHome();
  await home.card("Deleted elsewhere").getByRole("button", { name: /^Delete/ }).click();
  await home.page.getByRole("button", { name: "Yes, delete it" }).click();
  await expect(a.saveStatus()).toHaveText(/^Not saved: this draft was deleted in another tab or window/);
  await expect(a.page.getByLabel(MEANING)).toHaveValue("Still here.");
  await a.page.getByLabel(MEANING).pressSequentially(" Saved again.");
  await a.waitUntilSaved();
  expect((await a.storedDraft("Deleted elsewhere")).answers["problems.meaning"].text).toBe("Still here. Saved again.");
});
