// The panel's assignment on the reviewer's desk: the file the district sends one reviewer is
// opened beside the proposals, puts that reviewer's proposals first and marks them, names by
// blind code those not on the desk yet, survives a reload, is never replaced by a file that is
// not an assignment, filters the list, and is forgotten after asking.
import { test, expect, type Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { SCREENS_DIR, expectAccessible } from "../fixtures/workbook";

const FIXTURES = resolve(__dirname, "../../../crates/exchange/tests/fixtures");

const file = (name: string, text: string) => ({ name, mimeType: "application/json", buffer: Buffer.from(text) });

/** A proposal file's JSON, built from the pinned version-1 file. */
async function proposal(id: string, title: string, school: string) {
  const p = JSON.parse(await readFile(join(FIXTURES, "proposal-v1.json"), "utf8"));
  p.draft.id = id;
  p.draft.title = title;
  p.draft.answers["profile.school"] = { text: school };
  return JSON.stringify(p);
}

/** The pinned assignment: Ana Reviewer reads labs1, gardens1, fridays1 and murals1, in that order. */
async function assignment() {
  return readFile(join(FIXTURES, "assignment-v1.json"), "utf8");
}

const titles = (page: Page) => page.getByTestId("proposal").getByRole("heading", { level: 3 }).allTextContents();

test("the reviewer's assignment puts their proposals first, names those missing by code, stays, filters and is forgotten", async ({ page }) => {
  const pinned = JSON.parse(await assignment());
  const code = (id: string) => pinned.assignment.proposals.find((p: { id: string }) => p.id === id).code as string;

  await page.goto("/review.html");
  await expect(page.getByRole("heading", { name: "No proposals open yet" })).toBeVisible();
  await page.getByLabel("Choose one or more proposal files").setInputFiles([
    file("studios.json", await proposal("studios1", "Learning studios", "Lincoln Middle School")),
    file("fridays.json", await proposal("fridays1", "Flexible Fridays", "Roosevelt Middle School")),
    file("advisory.json", await proposal("advisory1", "Advisory for all", "Garfield High School")),
    file("labs.json", await proposal("labs1", "Maker labs", "Garfield High School")),
  ]);
  const cards = page.getByTestId("proposal");
  await expect(cards).toHaveCount(4);
  await expect(page.getByTestId("assignment")).toHaveCount(0);
  await expect(page.getByLabel("Show").locator("option", { hasText: "Assigned to you" })).toHaveCount(0);
  const before = await titles(page);

  // Opened: said in the announcement, the two assigned first in the assignment's order, marked.
  const picker = page.getByLabel("Open your assignment from the panel");
  await expect(picker).toHaveAttribute("accept", ".json,application/json");
  await picker.setInputFiles(file("assignment-riverton-2027-ana-reviewer.json", await assignment()));
  await expect(page.getByTestId("announcer")).toHaveText("Your assignment: 4 proposals for Ana Reviewer. They come first in the list.");
  const notice = page.getByTestId("assignment");
  await expect(notice).toContainText("Your assignment from the panel: 4 proposals, 2 of them on this desk.");
  await expect(notice).toContainText("For Ana Reviewer");
  await expect(page.getByTestId("assignment-missing")).toHaveText(
    `Not on the desk yet: ${code("gardens1")}, ${code("murals1")}. Ask the district for these proposals’ files, then import them above.`,
  );
  const assignedFirst = async () => {
    await expect(cards.nth(0)).toContainText("Maker labs");
    await expect(cards.nth(1)).toContainText("Flexible Fridays");
    await expect(cards.nth(0).getByTestId("assigned")).toHaveText("Assigned to you");
    await expect(cards.nth(1).getByTestId("assigned")).toHaveText("Assigned to you");
    await expect(page.getByTestId("assigned")).toHaveCount(2);
    expect((await titles(page)).slice(2)).toEqual(before.filter((t) => t !== "Maker labs" && t !== "Flexible Fridays"));
  };
  await assignedFirst();
  await expectAccessible(page);
  await page.screenshot({ path: join(SCREENS_DIR, "assignment-desk.png"), fullPage: true });

  // Kept in this browser.
  await page.reload();
  await expect(cards).toHaveCount(4);
  await expect(notice).toContainText("4 proposals, 2 of them on this desk.");
  await assignedFirst();

  // A file that is not an assignment is refused in plain words, naming it; the kept one stays.
  const brief = await readFile(join(FIXTURES, "brief-v1.json"), "utf8");
  await picker.setInputFiles(file("riverton-brief.json", brief));
  const refused = page.getByTestId("assignment-refused");
  await expect(refused).toHaveAttribute("role", "alert");
  await expect(refused).toContainText("riverton-brief.json was not opened as your assignment.");
  await expect(refused).toContainText("This is a district’s brief, not a reviewer’s assignment.");
  await expect(refused).toContainText("the assignment you opened before is kept");
  await picker.setInputFiles(file("empty.json", "{}"));
  await expect(refused).toContainText("empty.json was not opened as your assignment.");
  await expect(refused).not.toContainText("{");
  // Codes that do not match their ids: a tampered file.
  await picker.setInputFiles(file("tampered.json", (await assignment()).replace(code("labs1"), "P-0000-0000")));
  await expect(refused).toContainText("tampered.json was not opened as your assignment.");
  await expect(refused).toContainText("does not match its id");
  await expectAccessible(page);
  await refused.getByRole("button", { name: "Dismiss" }).click();
  await expect(refused).toHaveCount(0);
  await expect(notice).toContainText("4 proposals, 2 of them on this desk.");
  await page.reload();
  await assignedFirst();

  // The filter.
  const show = page.getByLabel("Show");
  await show.selectOption({ label: "Assigned to you" });
  await expect(cards).toHaveCount(2);
  await expect(page.getByTestId("shown")).toHaveText("Showing 2 of 4.");
  await expect(cards.filter({ hasText: "Maker labs" })).toHaveCount(1);
  await expect(cards.filter({ hasText: "Flexible Fridays" })).toHaveCount(1);
  await expectAccessible(page);
  await show.selectOption({ label: "All proposals" });
  await expect(cards).toHaveCount(4);

  // A later file of the same panel replaces it: one assignment per panel.
  const later = JSON.parse(await assignment());
  later.exported_ms = later.assignment.exported_ms = 1_790_000_200_000;
  later.assignment.proposals = later.assignment.proposals.filter((p: { id: string }) => p.id !== "labs1");
  await picker.setInputFiles(file("assignment-later.json", JSON.stringify(later)));
  await expect(page.getByTestId("announcer")).toHaveText("Your assignment: 3 proposals for Ana Reviewer. They come first in the list.");
  await expect(notice).toContainText("Your assignment from the panel: 3 proposals, 1 of them on this desk.");
  await expect(page.getByTestId("assigned")).toHaveCount(1);
  await expect(cards.nth(0)).toContainText("Flexible Fridays");
  await picker.setInputFiles(file("assignment-riverton-2027-ana-reviewer.json", await assignment()));
  await expect(notice).toContainText("4 proposals, 2 of them on this desk.");
  await assignedFirst();

  // Forgotten after asking; the order the files were imported in comes back, after a reload too.
  await show.selectOption({ label: "Assigned to you" });
  await expect(cards).toHaveCount(2);
  await page.getByRole("button", { name: "Forget the assignment" }).click();
  await expect(page.getByRole("button", { name: "Keep it" })).toBeFocused();
  await page.getByRole("button", { name: "Keep it" }).click();
  await expect(page.getByRole("button", { name: "Forget the assignment" })).toBeFocused();
  await page.getByRole("button", { name: "Forget the assignment" }).click();
  await page.getByRole("button", { name: "Yes, forget it" }).click();
  await expect(notice).toHaveCount(0);
  await expect(page.getByTestId("assigned")).toHaveCount(0);
  await expect(cards).toHaveCount(4);
  expect(await titles(page)).toEqual(before);
  await expect(show.locator("option", { hasText: "Assigned to you" })).toHaveCount(0);
  await page.reload();
  await expect(cards).toHaveCount(4);
  await expect(notice).toHaveCount(0);
  expect(await titles(page)).toEqual(before);
});

test("a reviewer with the panel's assignment scores under the panel's id for them, so the panel knows whose file it is", async ({ page }) => {
  await page.goto("/review.html");
  await page.getByLabel("Open your assignment from the panel").setInputFiles(file("assignment.json", await assignment()));
  await expect(page.getByTestId("assignment")).toBeVisible();
  await page.goto("/review.html#/scoring");
  await page.getByLabel("Choose the competition’s brief file").setInputFiles(join(FIXTURES, "brief-v1.json"));
  await expect(page.getByLabel("Your name")).toHaveValue("Ana Reviewer");
  await page.getByRole("button", { name: "Start scoring" }).click();
  await expect(page.getByTestId("sheet")).toContainText("Ana Reviewer");
  await page.goto("/review.html#/ranking");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download your reviewer file" }).click()]);
  const data = JSON.parse(await readFile(await download.path(), "utf8"));
  expect(data.sheet.reviewer).toEqual({ id: "ana", name: "Ana Reviewer" });
});
