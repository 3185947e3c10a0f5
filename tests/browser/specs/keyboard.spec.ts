// The whole walk-through with the keyboard alone: no clicks, no fills, only keys.
import { test, expect, type Locator, type Page } from "@playwright/test";
import { Workbook } from "../fixtures/workbook";

/** Presses Tab until `target` has focus; fails if it is not reachable within `limit` presses. */
async function tabTo(page: Page, target: Locator, limit = 80) {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target, "reachable with Tab").toBeFocused();
}

test("a team can do everything with the keyboard", async ({ page }) => {
  const wb = new Workbook(page);
  await wb.openHome();

  // The skip link is the first stop and moves focus to the main content.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();

  // Start a draft.
  await tabTo(page, page.getByLabel("Title of your proposal"));
  await page.keyboard.type("Keyboard draft");
  await page.keyboard.press("Enter");
  await expect(wb.sectionHeading()).toHaveText("Your school and team");
  await expect(wb.sectionHeading()).toBeFocused();

  // Short text and rows.
  await tabTo(page, page.getByLabel("School name"));
  await page.keyboard.type("Lincoln Elementary");
  await tabTo(page, wb.rowCell("profile.team", 1, "Name"));
  await page.keyboard.type("Ana Ruiz");
  await tabTo(page, page.getByRole("button", { name: "+ Add a team member" }));
  await page.keyboard.press("Enter");
  await expect(wb.rowCell("profile.team", 2, "Name")).toBeFocused();
  await page.keyboard.type("Sam Lee");
  await tabTo(page, page.getByRole("link", { name: /^Next:/ }));
  await page.keyboard.press("Enter");
  await expect(wb.sectionHeading()).toHaveText("Get clear on the problems to solve");
  await expect(wb.sectionHeading()).toBeFocused();

  // Long text.
  await tabTo(page, page.getByLabel("What does personalized learning mean at your school"));
  await page.keyboard.type("Students move on when ready.");
  await tabTo(page, page.getByRole("link", { name: /^Next:/ }));
  await page.keyboard.press("Enter");

  // Checklist (Space) and single choice (arrow keys).
  await expect(wb.sectionHeading()).toHaveText("Create flexibility");
  await tabTo(page, page.getByLabel("Set our own daily schedule and block lengths"));
  await page.keyboard.press("Space");
  await expect(page.getByLabel("Set our own daily schedule and block lengths")).toBeChecked();
  await tabTo(page, page.getByLabel("We are already in one"));
  await page.keyboard.press("Space");
  await page.keyboard.press("ArrowDown");
  await expect(page.getByLabel("Yes, we would join one")).toBeChecked();

  // The side navigation, to the readiness check.
  await tabTo(page, page.getByRole("navigation", { name: "Workbook sections" }).getByRole("link", { name: /Readiness check/ }), 120);
  await page.keyboard.press("Enter");
  await expect(wb.sectionHeading()).toHaveText("Readiness check");

  // A warning sign's link lands in the prompt that fixes it, ready to type.
  await tabTo(page, page.getByRole("link", { name: "Answer “What will teachers do differently, day to day?”" }));
  await page.keyboard.press("Enter");
  const practice = page.getByLabel("What will teachers do differently, day to day?");
  await expect(practice).toBeFocused();
  await page.keyboard.type("Teachers run small groups from daily data.");
  await wb.waitUntilSaved();

  // Back home; rename and delete with keys.
  await tabTo(page, page.getByRole("link", { name: "All drafts" }), 120);
  await page.keyboard.press("Enter");
  const card = wb.card("Keyboard draft");
  await expect(card).toContainText("Lincoln Elementary");
  await expect(card).toContainText("6 of 42 answered");
  await tabTo(page, card.getByRole("button", { name: /Rename/ }));
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("New title")).toBeFocused();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("Keyboard proposal");
  await page.keyboard.press("Enter");
  const renamed = wb.card("Keyboard proposal");
  await expect(renamed.getByRole("button", { name: /Rename/ })).toBeFocused();
  await tabTo(page, renamed.getByRole("button", { name: /Delete/ }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Keep it" })).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(page.getByRole("button", { name: "Yes, delete it" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("no-drafts")).toBeVisible();
  await expect(page.getByRole("heading", { name: /Drafts in this browser/ })).toBeFocused();
});
