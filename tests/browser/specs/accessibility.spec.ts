// axe-core (WCAG 2.0, 2.1 and 2.2, A and AA) finds no violations on any screen.
import { test, expect } from "@playwright/test";
import { Workbook } from "../fixtures/workbook";

test("the home screen, empty and with drafts, damaged ones and open forms", async ({ page }) => {
  const wb = new Workbook(page);
  await wb.openHome();
  await wb.expectAccessible();

  await page.evaluate(() => localStorage.setItem("crossroads/draft/broken1", "{not json"));
  await wb.startDraft("Studios");
  await page.getByRole("link", { name: "All drafts" }).click();
  await expect(page.getByTestId("damaged-draft")).toBeVisible();
  await wb.expectAccessible();

  const card = page.getByTestId("draft-card");
  await card.getByRole("button", { name: /Rename/ }).click();
  await expect(page.getByLabel("New title")).toBeFocused();
  await card.getByRole("button", { name: /Delete/ }).click();
  await expect(page.getByRole("button", { name: "Keep it" })).toBeVisible();
  await wb.expectAccessible();
});

test("every section of the workbook and the readiness check", async ({ page }) => {
  const wb = new Workbook(page);
  await wb.openHome();
  await wb.startDraft("Studios");
  const headings = [
    "Your school and team",
    "Get clear on the problems to solve",
    "Create flexibility",
    "Support adult learning and prototyping",
    "Design a new model, or adapt and adopt one",
    "Resources and requests",
    "Readiness check",
  ];
  for (const [i, heading] of headings.entries()) {
    await expect(wb.sectionHeading()).toHaveText(heading);
    if (i === 1) {
      await wb.rowCell("problems.identified", 1, "Problem").fill("Late buses");
      await wb.prompt("problems.identified").getByRole("button", { name: /Add a problem/ }).click();
    }
    if (i === 4) await page.getByLabel("Adapt and adopt an existing model").check();
    if (i === 5) {
      // The budget's totals and a line whose amount cannot be read, each with their words.
      await wb.rowCell("resources.budget", 1, "Item").fill("Math coach");
      await wb.rowCell("resources.budget", 1, "Amount").fill("about ten");
      await wb.rowCell("resources.budget", 1, "One-time or recurring").selectOption("recurring");
      await expect(page.getByTestId("budget-totals")).toContainText("is not an amount");
    }
    if (i === 6) {
      // A sign's form for marking it addressed, open, with its error shown.
      await page.getByRole("button", { name: "Our plan addresses this: say why" }).first().click();
      await page.getByRole("button", { name: "Mark as addressed" }).click();
      await expect(page.getByRole("alert")).toContainText("Write the reason first");
    }
    await wb.expectAccessible();
    if (i < headings.length - 1) await wb.next();
  }
  await expect(page.getByTestId("flag").first()).toBeVisible();
});

test("the screens that explain a problem", async ({ page }) => {
  const wb = new Workbook(page);
  await page.goto("/#/nowhere");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await wb.expectAccessible();
  await page.goto("/#/drafts/missing1/profile");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await wb.expectAccessible();
});

test("the notices for blocked storage and a read-only draft", async ({ page }) => {
  const wb = new Workbook(page);
  await page.goto("/");
  await page.evaluate(() =>
    localStorage.setItem(
      "crossroads/draft/future1",
      JSON.stringify({ schema: 9, draft: { id: "future1", title: "Future", created_ms: 1, updated_ms: 1, answers: {} } }),
    ),
  );
  await page.goto("/#/drafts/future1/flexibility");
  await expect(page.getByTestId("read-only-notice")).toBeVisible();
  await wb.expectAccessible();

  await page.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("denied", "SecurityError");
      },
    });
  });
  await page.goto("/");
  await page.reload();
  await expect(page.getByTestId("storage-notice")).toBeVisible();
  await wb.startDraft("Memory");
  await page.getByLabel("School name").fill("x");
  await expect(page.getByRole("alert").filter({ hasText: "Not saved" })).toBeVisible();
  await wb.expectAccessible();
});
