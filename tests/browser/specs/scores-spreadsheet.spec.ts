// The reviewer's scores CSV as a spreadsheet opens it: LibreOffice Calc (headless) reads the
// downloaded file, and the cells that look like formulas stay text, accented names stay whole
// and the header row is there. And the scoring itself done with the keyboard alone.
import { test, expect, type Page } from "@playwright/test";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { briefFile, parseCsv, proposal, proposalFile, scoreLevels, soffice, startSheet, tabTo, unzipEntry } from "../fixtures/review";
import { downloadText } from "../fixtures/workbook";

const HEADER = [
  "Proposal",
  "School",
  "Title",
  "Stage",
  "Criterion",
  "Score",
  "Level or band",
  "Out of",
  "On the 0–100 scale",
  "Confidence",
  "Comment",
];

/** Comments a spreadsheet would run as formulas (or, for the tab, read oddly) if unguarded. */
const RISKY = [
  "=1+1",
  "+41+1",
  "-2+3",
  "@SUM(1,2)",
  "\t=1+1 after a tab",
];
const REASON = '=HYPERLINK("http://example.com","José Núñez")';
const SCHOOL = "Escuela Peña Núñez";
const TITLE = "José Núñez’s Flexible Fridays";

async function downloadScores(page: Page): Promise<string> {
  await page.goto("/review.html#/ranking");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download the scores (CSV)" }).click();
  return downloadText(await download);
}

test("the scores CSV opens in LibreOffice Calc with formulas as text and names intact", async ({ page }) => {
  test.setTimeout(180_000);
  const { file: brief, brief: answered } = await briefFile();
  const oak = proposalFile(proposal(answered, "oak2", TITLE, SCHOOL, "José Núñez"), "oak.json");
  await startSheet(page, brief, [oak], "Zoë Ångström");
  await expect(page.getByTestId("blind")).not.toBeChecked();

  await page.goto("/review.html#/proposals/oak2");
  const panel = page.getByTestId("scoring");
  await scoreLevels(page, [3, 2, 2, 1, 3, 2]);
  await page.getByTestId("criterion").nth(6).getByRole("radio", { name: "Met", exact: true }).check();
  await expect(panel.getByTestId("scoring-total")).toHaveText("Total 72.2 of 100.");
  for (const [i, comment] of RISKY.entries()) {
    await panel.getByTestId("criterion").nth(i).getByLabel("Comment").fill(comment);
  }
  await panel.getByTestId("criterion").nth(5).getByLabel("Comment").fill("José Núñez, the principal, says \"yes\"");
  await panel.getByRole("radio", { name: "Fund with changes" }).check();
  await panel.getByLabel("Why").fill(REASON);
  await expect(panel.getByTestId("save-status")).toHaveText("Saved");

  const csv = await downloadScores(page);
  // The byte-order mark that tells a spreadsheet the file is UTF-8, then RFC 4180 records.
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv.endsWith("\r\n")).toBe(true);
  expect(csv.replace(/\r\n/g, "").replace(/"[^"]*"/g, "")).not.toMatch(/[\r\n]/);
  const rows = parseCsv(csv.slice(1));
  expect(rows[0]).toEqual(HEADER);
  for (const r of rows) expect(r).toHaveLength(HEADER.length);
  const comments = rows.map((r) => r[10]);
  for (const risky of RISKY) expect(comments).toContain(`'${risky}`);
  expect(comments).toContain(`'${REASON}`);
  expect(comments).toContain('José Núñez, the principal, says "yes"');
  expect(rows.slice(1).every((r) => r[1] === SCHOOL && r[2] === TITLE)).toBe(true);
  expect(rows.find((r) => r[4] === "Total")?.[8]).toBe("72.2");

  // LibreOffice Calc opens the file. Headless, it does not look at the byte-order mark (it takes
  // the file as Windows-1252 and shows "JosÃ©"), so the filter says UTF-8 (76) with comma (44)
  // and quote (34), as a person picks in Calc's Text Import dialog.
  const dir = await mkdtemp(join(tmpdir(), "crossroads-calc-"));
  try {
    await writeFile(join(dir, "scores.csv"), csv, "utf8");
    await soffice(join(dir, "scores.csv"), "xlsx", dir, join(dir, "profile"), "CSV:44,34,76");
    const xlsx = await readFile(join(dir, "scores.xlsx"));
    // No cell became a formula or an error.
    const sheet = unzipEntry(xlsx, "xl/worksheets/sheet1.xml");
    expect(sheet).toContain("<sheetData>");
    expect(sheet).not.toMatch(/<f[ >]/);
    expect(sheet).not.toContain('t="e"');
    // And the cells, read back out of the spreadsheet as UTF-8 CSV.
    await soffice(join(dir, "scores.xlsx"), 'csv:Text - txt - csv (StarCalc):44,34,76', join(dir, "back"), join(dir, "profile"));
    const back = parseCsv((await readFile(join(dir, "back", "scores.csv"), "utf8")).replace(/^\ufeff/, ""));
    expect(back[0]).toEqual(HEADER);
    expect(back).toHaveLength(rows.length);
    const cells = back.map((r) => r[10] ?? "");
    for (const risky of [...RISKY, REASON]) {
      const cell = cells.find((c) => c === `'${risky}` || c === risky);
      expect(cell, `the comment ${JSON.stringify(risky)} stayed text`).toBeDefined();
    }
    for (const c of cells) expect(c).not.toMatch(/^(-?\d+(\.\d+)?|#[A-Z/0!?]+|Err:\d+)$/);
    expect(cells).toContain('José Núñez, the principal, says "yes"');
    expect(back.slice(1).every((r) => r[1] === SCHOOL && r[2] === TITLE)).toBe(true);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("a reviewer scores a proposal with the keyboard alone", async ({ page }) => {
  const { file: brief, brief: answered } = await briefFile();
  const oak = proposalFile(proposal(answered, "oak2", "Flexible Fridays", "Oak Park Elementary", "José Núñez"), "oak.json");
  await startSheet(page, brief, [oak], "Ana Reviewer");

  // From the scoring screen, with focus on the page itself: nothing but keys from here on.
  await page.goto("/review.html#/scoring");
  await expect(page.getByTestId("sheet")).toBeVisible();
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
  await tabTo(page, page.getByRole("link", { name: "← All proposals" }));
  await page.keyboard.press("Enter");
  const link = page.getByTestId("proposal").getByRole("link", { name: "Flexible Fridays" });
  await expect(link).toBeVisible();
  await tabTo(page, link);
  await page.keyboard.press("Enter");
  const panel = page.getByTestId("scoring");
  await expect(panel.getByTestId("scoring-total")).toHaveText("0 of 7 scored.");

  // Each scale: Tab into its radio group (the first level), Space chooses it, the arrow keys move
  // the choice; Tab goes on to the comment, then the confidence, then the next criterion.
  const criteria = panel.getByTestId("criterion");
  const levels = [3, 2, 2, 1, 3, 2];
  await tabTo(page, criteria.first().getByRole("radio").first());
  for (const [i, level] of levels.entries()) {
    const criterion = criteria.nth(i);
    await expect(criterion.getByRole("radio").first()).toBeFocused();
    await page.keyboard.press("Space");
    for (let step = 0; step < level; step++) await page.keyboard.press("ArrowDown");
    await expect(criterion.getByRole("radio").nth(level)).toBeChecked();
    await expect(criterion.getByRole("radio").nth(level)).toBeFocused();
    await expect(panel.getByTestId("scoring-total")).toHaveText(`${i + 1} of 7 scored.`);
    await page.keyboard.press("Tab");
    await expect(criterion.getByLabel("Comment")).toBeFocused();
    if (i === 0) await page.keyboard.type("Typed, not clicked.");
    await page.keyboard.press("Tab");
    await expect(criterion.getByLabel("How sure you are")).toBeFocused();
    await page.keyboard.press("Tab");
  }
  await expect(criteria.first().getByLabel("Comment")).toHaveValue("Typed, not clicked.");

  // The requirement: Met is the first choice.
  const requirement = criteria.nth(6);
  await expect(requirement.getByRole("radio", { name: "Met", exact: true })).toBeFocused();
  await page.keyboard.press("Space");
  await expect(requirement.getByRole("radio", { name: "Met", exact: true })).toBeChecked();
  await expect(panel.getByTestId("scoring-total")).toHaveText("Total 72.2 of 100.");
  // Changing a level with the arrows changes the total.
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Shift+Tab");
  await expect(criteria.nth(5).getByRole("radio").nth(2)).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(criteria.nth(5).getByRole("radio").nth(1)).toBeChecked();
  await expect(panel.getByTestId("scoring-total")).not.toHaveText("Total 72.2 of 100.");
  await expect(panel.getByTestId("scoring-total")).toHaveText(/^Total \d+(\.\d)? of 100\.$/);
  await page.keyboard.press("ArrowDown");
  await expect(panel.getByTestId("scoring-total")).toHaveText("Total 72.2 of 100.");

  // The recommendation, by arrows in its group, and why.
  const fund = panel.getByRole("radio", { name: "Fund with changes" });
  await tabTo(page, panel.getByRole("radio").and(panel.locator('[name="recommendation"]')).first());
  await page.keyboard.press("Space");
  for (let step = 0; step < 5 && !(await fund.isChecked()); step++) await page.keyboard.press("ArrowDown");
  await expect(fund).toBeChecked();
  await expect(fund).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(panel.getByLabel("Why")).toBeFocused();
  await page.keyboard.type("Strong plan; fund it with a smaller first year.");
  await expect(panel.getByTestId("save-status")).toHaveText("Saved");

  // It all went into the sheet: the ranking shows it.
  await page.goto("/review.html#/ranking");
  await expect(page.getByTestId("ranked-total")).toHaveText("72.2");
});
