// A whole competition, one person per browser profile: the district writes the brief (with words
// of its own for blind reading), a school team answers it and exports its proposal, and a
// reviewer imports the competition's folder (the team's file, two more proposals, a broken
// file) and scores blind. The school's and people's names are planted in the team's answers,
// its reason for a readiness sign, its sign-off and in the reviewer's own comment, in mixed
// case and with possessives; none may show on screen, in a page title, a label, a download's
// name, an export, or the text of the reading view printed to PDF.
import { test, expect, type Page } from "@playwright/test";
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { proposal, scoreLevels } from "../fixtures/review";
import { SCREENS_DIR, Workbook, downloadText, expectAccessible } from "../fixtures/workbook";

const run = promisify(execFile);
const CODE = /P-[0-9A-Z]{4}-[0-9A-Z]{4}/;
// What must never reach a blind reviewer's screen or files, in any case.
const NAMES = ["hillcrest", "dana", "ortiz", "maple hollow", "coach bee", "oak park", "núñez", "lincoln", "lee park"];

function expectNoName(text: string, where: string) {
  const lower = text.toLowerCase();
  for (const name of NAMES) expect(lower, `${where} shows “${name}”`).not.toContain(name);
}

/** Everything a reader or a screen reader gets from the page: its text, title and labels. */
async function pageWords(page: Page): Promise<string> {
  return page.evaluate(() => {
    const labels = [...document.querySelectorAll("[aria-label],[title],[alt]")].map((el) =>
      ["aria-label", "title", "alt"].map((a) => el.getAttribute(a) ?? "").join(" "),
    );
    const values = [...document.querySelectorAll("input,textarea,select")].map((el) => (el as HTMLInputElement).value);
    return [document.title, document.body.innerText, ...labels, ...values].join("\n");
  });
}

/** The stage and progress each card shows, in any order. */
async function expectProgress(page: Page, expected: string[]) {
  await expect.poll(async () => (await page.getByTestId("progress").allInnerTexts()).sort()).toEqual(expected);
}

async function download(page: Page, button: string) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: button }).click()]);
  return file;
}

test("a competition from the district's brief to the reviewer's blind ranking shows no school or person anywhere", async ({ browser, browserName }) => {
  test.skip(browserName !== "chromium", "printing to PDF is Chromium's");
  test.setTimeout(300_000);

  // The district writes its brief, with a neighbourhood and a nickname to hide.
  const districtContext = await browser.newContext();
  const district = await districtContext.newPage();
  await district.goto("/review.html#/competitions");
  await district.getByRole("button", { name: "Start from the Crossroads rubric" }).click();
  await district.getByLabel("Title of the competition").fill("Maple County Learning Challenge");
  await district.getByLabel("District", { exact: true }).fill("Maple County Schools");
  await district.getByLabel("Proposals are due").fill("2027-04-01");
  await district.getByLabel("Most per school").fill("100,000");
  await district.getByLabel("Number of awards").fill("3");
  await district.getByLabel("Whole fund").fill("300,000");
  await district.getByLabel(/Funding source/).fill("Maple County Learning Challenge");
  await district.getByLabel(/Who signs the cover page/).fill("Principal\nDistrict contact");
  await district.getByLabel(/What each school confirms/).fill("The school takes part in the district's evaluation.");
  const terms = district.getByLabel(/Words to hide in blind reading/);
  await terms.fill("Maple Hollow\nCoach Bee");
  await expect(district.getByTestId("blind-terms-count")).toHaveText("2 words or phrases added to what blind reading hides.");
  await district.getByLabel(/Reviewers disagree widely/).fill("30");
  await expect(district.getByText("Ready to send: schools’ Crossroads can open this brief.")).toBeVisible();
  await expectAccessible(district);
  const briefJson = await download(district, "Download the data (JSON)");
  const briefPath = join(await mkdtemp(join(tmpdir(), "journey-brief-")), briefJson.suggestedFilename());
  await briefJson.saveAs(briefPath);
  const briefData = JSON.parse(await readFile(briefPath, "utf8"));
  expect(briefData.competition.blind_terms).toEqual(["Maple Hollow", "Coach Bee"]);
  expect(briefData.competition.disagreement_percent).toBe(30);
  await districtContext.close();

  // A school team starts its draft from the brief and writes names all over it.
  const schoolContext = await browser.newContext();
  const team = await schoolContext.newPage();
  const wb = new Workbook(team);
  await wb.openHome();
  await wb.importFile("maple-brief.json", await readFile(briefPath), "application/json");
  await team.getByTestId("import-brief").getByRole("button", { name: "Start a new draft for this competition" }).click();
  await team.getByTestId("draft-card").first().getByRole("link").first().click();
  await team.getByLabel("School name").fill("Hillcrest Academy");
  await team.getByRole("button", { name: /Add a team member/ }).click();
  await wb.rowCell("profile.team", 1, "Name").fill("Dana Ortiz");
  await wb.rowCell("profile.team", 1, "Role").fill("Principal");
  await team.getByLabel("Who leads the design work?").fill("Dana Ortiz, principal");
  await wb.goToSection(/Problems to solve/);
  await team
    .getByLabel("What does personalized learning mean at your school, and why are you doing it?")
    .fill("At HILLCREST, dana's students move on when ready; ORTIZ's plan began in maple hollow with Coach Bee.");
  await wb.goToSection(/Sign-off/);
  await team.getByRole("button", { name: /Add a signer/ }).click();
  await wb.rowCell("brief.signoff", 1, "Role").fill("Principal");
  await wb.rowCell("brief.signoff", 1, "Name").fill("Dana Ortiz");
  await wb.rowCell("brief.signoff", 1, "Date signed").fill("2027-03-20");
  await wb.goToSection(/Readiness check/);
  const sign = team.getByTestId("flag").first();
  await sign.getByRole("button", { name: "Our plan addresses this: say why" }).click();
  await sign.getByLabel(/Why this sign does not apply/).fill("Hillcrest's timetable covers it, says dana ortiz.");
  await sign.getByRole("button", { name: "Mark as addressed" }).click();
  await expect(team.getByTestId("addressed-flag")).toHaveCount(1);
  await wb.waitUntilSaved();
  const exported = await wb.exportAs("JSON");
  const teamFile = await downloadText(exported);
  expect(teamFile).toContain("Hillcrest");
  await schoolContext.close();

  // The competition's folder, synced to the reviewer's laptop: three proposals, a broken file,
  // and notes that are no proposal.
  const brief = briefData.competition.brief;
  const dir = await mkdtemp(join(tmpdir(), "journey-folder-"));
  await mkdir(join(dir, "round-2"));
  await writeFile(join(dir, "hillcrest.json"), teamFile);
  await writeFile(join(dir, "round-2", "oak-park.json"), JSON.stringify(proposal(brief, "oak2", "Flexible Fridays", "Oak Park Elementary", "José Núñez")));
  await writeFile(join(dir, "round-2", "lincoln.json"), JSON.stringify(proposal(brief, "lin3", "Learning labs", "Lincoln Middle School", "Lee Park")));
  await writeFile(join(dir, "round-2", "broken.json"), '{"format": "crossroads-proposal", "draft": ');
  await writeFile(join(dir, "notes.txt"), "call the district on Monday");

  const reviewerContext = await browser.newContext({ acceptDownloads: true });
  const page = await reviewerContext.newPage();
  await page.goto("/review.html");
  await page.getByLabel("Choose a folder of proposals").setInputFiles(dir);
  const cards = page.getByTestId("proposal");
  await expect(cards).toHaveCount(3);
  await expect(page.getByTestId("refused")).toContainText("broken.json");
  await expect(page.getByTestId("skipped")).toContainText("1 file in the folder was skipped");

  // The scoring sheet: the brief, conflicts by school before reading blind, and the list of
  // what blind reading hides.
  await page.goto("/review.html#/scoring");
  await page.getByLabel("Choose the competition’s brief file").setInputFiles(briefPath);
  await page.getByLabel("Your name").fill("Ana Reviewer");
  await page.getByRole("button", { name: "Start scoring" }).click();
  const sheet = page.getByTestId("sheet");
  await expect(sheet).toContainText("Ana Reviewer");
  await sheet.getByTestId("conflicts").getByLabel("Lincoln Middle School").check();
  const hidden = page.getByTestId("hidden-terms");
  await hidden.getByText("What blind reading hides in each proposal").click();
  await expect(hidden).toContainText("Added by the district, in every proposal: Maple Hollow, Coach Bee.");
  await expect(hidden.locator("li").filter({ hasText: "Hillcrest Academy:" })).toContainText("Dana Ortiz");
  await expect(hidden.locator("li").filter({ hasText: "Hillcrest Academy:" })).toContainText("Hillcrest");
  await expectAccessible(page);
  await sheet.getByTestId("blind").check();
  await expect(sheet.getByTestId("save-status")).toHaveText("Saved");

  // The desk, blind: codes, the stage and the reviewer's progress.
  await page.goto("/review.html#/");
  await expect(cards).toHaveCount(3);
  await expectProgress(page, [
    "Stage: Written proposal · Conflict of interest declared",
    "Stage: Written proposal · Not started",
    "Stage: Written proposal · Not started",
  ]);
  expectNoName(await pageWords(page), "The blind desk");
  const hillcrestCard = cards.filter({ hasText: CODE }).first();
  await expect(hillcrestCard).toBeVisible();

  // Reading the team's proposal blind, and scoring it with a comment that names the school.
  const teamDraft = JSON.parse(teamFile).draft;
  await page.goto(`/review.html#/proposals/${teamDraft.id}`);
  const reading = page.getByTestId("reading");
  await expect(reading.getByRole("heading", { level: 1 })).toContainText(CODE);
  await expect(reading).toContainText("At [school], [name]'s students move on when ready; [name]'s plan began in [masked] with [masked].");
  await expect(reading).toContainText("[school]'s timetable covers it, says [name].");
  expectNoName(await pageWords(page), "The blind reading view");
  await scoreLevels(page, [3, 2, 2, 1, 3, 2]);
  const panel = page.getByTestId("scoring");
  await panel.getByLabel("Comment").first().fill("Reads like HILLCREST's plan; Dana Ortiz's team knows its students.");
  await panel.getByRole("radio", { name: "Fund with changes" }).check();
  await expect(panel.getByTestId("save-status")).toHaveText("Saved");
  await expect(panel.getByTestId("scoring-total")).toHaveText(/^Total [\d.]+ of 100\.$/);

  // Printed, the reading view's text names no one either.
  await page.emulateMedia({ media: "print" });
  const pdfPath = join(dir, "..", `${teamDraft.id}-reading.pdf`);
  await writeFile(pdfPath, await page.pdf({ format: "A4" }));
  await page.emulateMedia({ media: "screen" });
  const { stdout: printed } = await run("pdftotext", ["-enc", "UTF-8", pdfPath, "-"]);
  expect(printed).toContain("[school]");
  expectNoName(printed, "The printed reading view");

  // The second proposal partly scored; the desk shows who is where, and filters by it.
  await page.goto("/review.html#/proposals/oak2");
  await scoreLevels(page, [1, 1]);
  await expect(panel.getByTestId("save-status")).toHaveText("Saved");
  await page.goto("/review.html#/");
  await expectProgress(page, [
    "Stage: Written proposal · Conflict of interest declared",
    "Stage: Written proposal · Partly scored (2 of 6)",
    "Stage: Written proposal · Scored",
  ]);
  await page.getByLabel("Your scoring").selectOption({ label: "Partly scored" });
  await expect(cards).toHaveCount(1);
  await expect(page.getByTestId("shown")).toHaveText("Showing 1 of 3.");
  await expectAccessible(page);
  await page.screenshot({ path: `${SCREENS_DIR}/desk-progress.png`, fullPage: true });
  await page.getByLabel("Your scoring").selectOption({ label: "Any" });
  await expect(cards).toHaveCount(3);

  // Compare, blind.
  await page.goto(`/review.html#/compare/${teamDraft.id}/oak2`);
  await expect(page.getByTestId("compare").getByRole("heading", { level: 1 })).toHaveText(/side by side$/);
  expectNoName(await pageWords(page), "The blind compare view");

  // Rank, and every file the reviewer sends on.
  await page.goto("/review.html#/ranking");
  await expect(page.getByTestId("ranked")).toHaveCount(1);
  expectNoName(await pageWords(page), "The blind ranking");
  const csv = await download(page, "Download the scores (CSV)");
  expectNoName(csv.suggestedFilename(), "The CSV's name");
  const csvText = await downloadText(csv);
  expect(csvText.charCodeAt(0)).toBe(0xfeff);
  expect(csvText).toContain("Reads like [school]'s plan; [name]'s team knows its students.");
  expectNoName(csvText, "The scores CSV");
  const reviewerFile = await download(page, "Download your reviewer file");
  expectNoName(reviewerFile.suggestedFilename(), "The reviewer file's name");
  expectNoName(await downloadText(reviewerFile), "The reviewer file");

  // On this desk, the reviewer's own words stay as typed.
  await page.goto(`/review.html#/proposals/${teamDraft.id}`);
  await expect(panel.getByLabel("Comment").first()).toHaveValue("Reads like HILLCREST's plan; Dana Ortiz's team knows its students.");
  await reviewerContext.close();
});
