// The home screen: drafts kept in this browser, each independent; rename, duplicate, delete.
import { test, expect } from "@playwright/test";
import { Workbook } from "../fixtures/workbook";

test("two drafts stay independent", async ({ page }) => {
  const wb = new Workbook(page);
  await wb.openHome();
  await expect(page.getByTestId("no-drafts")).toBeVisible();

  await wb.startDraft("Studios");
  await page.getByLabel("School name").fill("Lincoln Elementary");
  await wb.waitUntilSaved();
  await page.getByRole("link", { name: "All drafts" }).click();

  await wb.startDraft("Crews");
  await page.getByLabel("School name").fill("Roosevelt High");
  await wb.next();
  await page.getByLabel("What does personalized learning mean at your school").fill("Crews of 12 with one adult.");
  await wb.waitUntilSaved();
  await page.getByRole("link", { name: "All drafts" }).click();

  await expect(page.getByTestId("draft-card")).toHaveCount(2);
  await expect(wb.card("Studios")).toContainText("Lincoln Elementary");
  await expect(wb.card("Studios")).toContainText("1 of 42 answered");
  await expect(wb.card("Crews")).toContainText("Roosevelt High");
  await expect(wb.card("Crews")).toContainText("2 of 42 answered");
  await expect(wb.card("Crews")).toContainText(/Last edited.*\d{4}/);

  await wb.card("Studios").getByRole("link", { name: /Open/ }).click();
  await expect(page.getByLabel("School name")).toHaveValue("Lincoln Elementary");
  await wb.next();
  await expect(page.getByLabel("What does personalized learning mean at your school")).toHaveValue("");

  const studios = await wb.storedDraft("Studios");
  const crews = await wb.storedDraft("Crews");
  expect(studios.id).not.toEqual(crews.id);
  expect(studios.answers["profile.school"]).toEqual({ text: "Lincoln Elementary" });
  expect(crews.answers["profile.school"]).toEqual({ text: "Roosevelt High" });
});

test("rename, duplicate and delete a draft", async ({ page }) => {
  const wb = new Workbook(page);
  await wb.openHome();
  await wb.startDraft("Studios");
  await page.getByLabel("School name").fill("Lincoln Elementary");
  await wb.waitUntilSaved();
  await page.getByRole("link", { name: "All drafts" }).click();

  // Rename, keeping the answers.
  await wb.card("Studios").getByRole("button", { name: /Rename/ }).click();
  await expect(page.getByLabel("New title")).toBeFocused();
  await page.getByLabel("New title").fill("Learning studios");
  await page.getByRole("button", { name: "Save title" }).click();
  await expect(wb.card("Learning studios")).toBeVisible();
  await expect(wb.card("Learning studios").getByRole("button", { name: /Rename/ })).toBeFocused();
  await expect(page.getByTestId("announcer")).toHaveText("Renamed to “Learning studios”.");
  await page.reload();
  await expect(wb.card("Learning studios")).toContainText("Lincoln Elementary");

  // Escape abandons a rename.
  await wb.card("Learning studios").getByRole("button", { name: /Rename/ }).click();
  await page.getByLabel("New title").fill("Never mind");
  await page.keyboard.press("Escape");
  await expect(wb.card("Learning studios")).toBeVisible();
  await expect(wb.card("Never mind")).toHaveCount(0);

  // Duplicate: an independent copy with the same answers.
  await wb.card("Learning studios").getByRole("button", { name: /Duplicate/ }).click();
  await expect(wb.card("Copy of Learning studios")).toContainText("Lincoln Elementary");
  await wb.card("Copy of Learning studios").getByRole("link", { name: /Open/ }).click();
  await page.getByLabel("School name").fill("Lincoln Annex");
  await wb.waitUntilSaved();
  await page.getByRole("link", { name: "All drafts" }).click();
  await expect(wb.card("Learning studios")).toContainText("Lincoln Elementary");
  await expect(wb.card("Copy of Learning studios")).toContainText("Lincoln Annex");

  // Delete asks first; "Keep it" keeps it.
  await wb.card("Copy of Learning studios").getByRole("button", { name: /Delete/ }).click();
  await expect(page.getByRole("button", { name: "Keep it" })).toBeFocused();
  await page.getByRole("button", { name: "Keep it" }).click();
  await expect(page.getByTestId("draft-card")).toHaveCount(2);
  await wb.card("Copy of Learning studios").getByRole("button", { name: /Delete/ }).click();
  await expect(page.getByText("This cannot be undone.")).toBeVisible();
  await page.getByRole("button", { name: "Yes, delete it" }).click();
  await expect(page.getByTestId("draft-card")).toHaveCount(1);
  await expect(page.getByTestId("announcer")).toHaveText("Deleted “Copy of Learning studios”.");
  await page.reload();
  await expect(page.getByTestId("draft-card")).toHaveCount(1);
  await expect(wb.card("Learning studios")).toBeVisible();
  expect(Object.keys(await wb.storedDrafts())).toHaveLength(1);
});

test("a draft with no title is listed as an untitled proposal", async ({ page }) => {
  const wb = new Workbook(page);
  await wb.openHome();
  await page.getByRole("button", { name: "Start a new draft" }).click();
  await expect(wb.sectionHeading()).toHaveText("Your school and team");
  await expect(page.getByTestId("draft-title")).toHaveText("Untitled proposal");
  await page.getByRole("link", { name: "All drafts" }).click();
  await expect(wb.card("Untitled proposal")).toBeVisible();
});

test("an address that leads nowhere says so and links home", async ({ page }) => {
  await page.goto("/#/nowhere");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("There is nothing at this address");
  await page.goto("/#/drafts/unknown123/profile");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This draft is not in this browser");
  await page.getByRole("link", { name: "Back to your drafts" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Plan your school/);
});
