// A reviewer scores proposals against the district's brief: the sheet starts from the brief
// file, reads blind with names masked everywhere, keeps a declared conflict out, scores each
// kind of criterion beside the proposal, ranks on the common 0-100 scale with incomplete and
// conflicted proposals apart, and downloads the scores as a spreadsheet-safe CSV.
import { test, expect } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { proposal, scoreLevels } from "../fixtures/review";
import { SCREENS_DIR, downloadText, expectAccessible } from "../fixtures/workbook";

const FIXTURES = resolve(__dirname, "../../../crates/exchange/tests/fixtures");

async function files() {
  const briefText = await readFile(resolve(FIXTURES, "brief-v1.json"), "utf8");
  const brief = JSON.parse(briefText).competition.brief;
  const make = (p: unknown, name: string) => ({ name, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(p)) });
  return {
    brief: { name: "riverton-brief.json", mimeType: "application/json", buffer: Buffer.from(briefText) },
    proposals: [
      make(proposal(brief, "hill1", "Hillcrest Academy's reading studios", "Hillcrest Academy", "Dana Ortiz"), "hillcrest.json"),
      make(proposal(brief, "oak2", "Flexible Fridays", "Oak Park Elementary", "José Núñez"), "oak-park.json"),
      make(proposal(brief, "lin3", "Learning labs", "Lincoln Middle School", "Lee Park"), "lincoln.json"),
    ],
  };
}

test("a reviewer scores blind against the brief, declares a conflict, ranks and downloads the scores", async ({ page }) => {
  const { brief, proposals } = await files();
  await page.goto("/review.html");
  await page.getByLabel("Choose one or more proposal files").setInputFiles(proposals);
  await expect(page.getByRole("heading", { name: "3 proposals open" })).toBeVisible();

  await page.goto("/review.html#/scoring");
  await expect(page.getByRole("heading", { name: "Scoring", level: 1 })).toBeVisible();
  await page.getByLabel("Choose the competition’s brief file").setInputFiles(brief);
  await expect(page.getByTestId("brief-opened")).toContainText("“Riverton Learning Challenge”, version 1: 2 stage(s).");
  await page.getByRole("button", { name: "Start scoring" }).click();
  await expect(page.getByTestId("scoring-problem")).toContainText("Write your name");
  await page.getByLabel("Your name").fill("Ana Reviewer");
  await page.getByRole("button", { name: "Start scoring" }).click();
  const sheet = page.getByTestId("sheet");
  await expect(sheet.getByRole("heading", { name: "Riverton Learning Challenge – scored by Ana Reviewer" })).toBeVisible();
  // Conflicts are declared against the schools by name, before reading blind.
  await sheet.getByTestId("conflicts").getByLabel("Lincoln Middle School").check();
  await sheet.getByTestId("blind").check();
  await expectAccessible(page);
  await page.screenshot({ path: `${SCREENS_DIR}/scoring-setup.png`, fullPage: true });

  // Blind: the list of proposals is not by school, and the reading view masks every name.
  await page.goto("/review.html#/");
  await expect(page.getByTestId("proposal")).toHaveCount(3);
  const list = (await page.getByTestId("proposal-list").innerText()).toLowerCase();
  for (const name of ["hillcrest", "oak park", "lincoln", "dana", "núñez", ".json"]) expect(list).not.toContain(name);
  await expect(page.getByTestId("proposal").first()).toContainText(/P-[0-9A-Z]{4}-[0-9A-Z]{4}/);
  await page.goto("/review.html#/proposals/hill1");
  const reading = page.getByTestId("reading");
  await expect(reading.getByRole("heading", { level: 1 })).toContainText(/^P-[0-9A-Z]{4}-[0-9A-Z]{4}: \[school\]'s reading studios$/);
  const visible = (await reading.innerText()).toLowerCase();
  for (const name of ["hillcrest", "dana", "ortiz"]) expect(visible).not.toContain(name);
  expect((await page.title()).toLowerCase()).not.toContain("hillcrest");
  await expect(reading).toContainText("[name]'s students move on when ready");

  // Scores for each kind of criterion: the default rubric's scales (from 1) and the
  // requirement, then the recommendation.
  const panel = page.getByTestId("scoring");
  await expect(panel.getByTestId("scoring-total")).toHaveText("0 of 7 scored.");
  await scoreLevels(page, [3, 2, 2, 1, 3, 2]);
  await expect(panel.getByTestId("scoring-total")).toHaveText("6 of 7 scored.");
  await page.getByTestId("criterion").nth(6).getByRole("radio", { name: "Met", exact: true }).check();
  await expect(panel.getByTestId("scoring-total")).toHaveText("Total 72.2 of 100.");
  await panel.getByLabel("Comment").first().fill("=SUM(A1) reads like a formula, and [school] is masked.");
  await panel.getByRole("radio", { name: "Fund with changes" }).check();
  await expect(panel.getByTestId("save-status")).toHaveText("Saved");
  await expectAccessible(page);
  await page.screenshot({ path: `${SCREENS_DIR}/scoring-reading.png`, fullPage: true });

  // The second proposal is left partly scored; the third is the conflict.
  await page.goto("/review.html#/proposals/oak2");
  await expect(panel.getByTestId("scoring-total")).toHaveText("0 of 7 scored.");
  await scoreLevels(page, [1, 1]);
  await expect(panel.getByTestId("save-status")).toHaveText("Saved");
  // Two proposals side by side, from the reading view, still blind.
  await page.getByLabel("Compare side by side with").selectOption("hill1");
  await page.getByRole("link", { name: "Compare", exact: true }).click();
  const compare = page.getByTestId("compare");
  await expect(compare.getByRole("heading", { level: 1 })).toHaveText(/^P-[0-9A-Z]{4}-[0-9A-Z]{4} and P-[0-9A-Z]{4}-[0-9A-Z]{4}, side by side$/);
  await expect(compare.getByTestId("compare-total")).toHaveText(["2 of 7 scored", "72.2"]);
  await expect(compare.getByRole("heading", { name: "1. Get clear on the problems to solve" })).toBeVisible();
  const side = (await compare.innerText()).toLowerCase();
  for (const name of ["hillcrest", "oak park", "at oak", "dana", "núñez", "nunez"]) expect(side).not.toContain(name);
  await expectAccessible(page);
  await page.screenshot({ path: `${SCREENS_DIR}/scoring-compare.png`, fullPage: true });
  await page.goto("/review.html#/proposals/lin3");
  await expect(page.getByTestId("scoring-conflict")).toContainText("You declared a conflict of interest with this proposal");

  await page.goto("/review.html#/ranking");
  const ranked = page.getByTestId("ranked");
  await expect(ranked).toHaveCount(1);
  await expect(ranked.first()).toContainText(/P-[0-9A-Z]{4}-[0-9A-Z]{4}/);
  await expect(page.getByTestId("ranked-total")).toHaveText("72.2");
  await expect(page.getByTestId("incomplete")).toContainText("2 of 7 scored");
  await expect(page.getByTestId("conflicted")).toHaveCount(1);
  const text = (await page.getByRole("main").innerText()).toLowerCase();
  for (const name of ["hillcrest", "oak park", "lincoln", "dana", "núñez", "lee park"]) expect(text).not.toContain(name);
  await expectAccessible(page);
  await page.screenshot({ path: `${SCREENS_DIR}/scoring-ranking.png`, fullPage: true });

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download the scores (CSV)" }).click();
  const csvFile = await download;
  expect(csvFile.suggestedFilename()).toMatch(/^riverton-2027-scores-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await downloadText(csvFile);
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain("'=SUM(A1)");
  for (const name of ["hillcrest", "oak park", "lincoln", "dana", "núñez"]) expect(csv.toLowerCase()).not.toContain(name);

  // The sheet outlives a reload.
  await page.reload();
  await page.goto("/review.html#/scoring");
  await expect(page.getByTestId("sheet")).toContainText("Ana Reviewer");
  await expect(page.getByTestId("blind")).toBeChecked();
});
