// The district's panel: twelve proposals shared out among four reviewers (one works at an
// applying school), one assignment file each; four reviewers' files loaded (one partial, one
// with a conflict, one loaded twice and one sent again later); the wide disagreement flagged and
// the standardised scores beside the raw ones; a score changed in discussion with the original
// kept; a shortlist advanced to the pitch and the stages blended as the brief says; the funding
// line drawn against a fund that runs out in the middle of a tie; the panel report printed to
// PDF; and one team's feedback, with the reviewers' names planted in their comments, naming no
// reviewer.
import { test, expect } from "@playwright/test";
import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { REVIEWERS, addReviewers, assignments, briefAndProposals, choose, download, json, reviewerFiles } from "../fixtures/panel";
import { SCREENS_DIR, downloadText, expectAccessible } from "../fixtures/workbook";

const run = promisify(execFile);

test("a panel shares out the reading, combines four reviewers, discusses, advances a shortlist, draws the funding line and sends feedback", async ({ page, browserName }) => {
  test.skip(browserName !== "chromium", "printing to PDF is Chromium's");
  test.setTimeout(240_000);
  await briefAndProposals(page);

  // The panel, its proposals and reviewers.
  await page.getByRole("link", { name: /Chairing the panel/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Review panels");
  await page.getByRole("button", { name: "Start the panel" }).click();
  const panel = page.getByTestId("panel");
  await expect(panel.getByRole("heading", { level: 1 })).toHaveText("Panel: Riverton Learning Challenge");
  await page.getByRole("button", { name: "Take the proposals on the desk that answer this competition" }).click();
  await expect(page.getByTestId("panel-proposals")).toHaveText("12 proposals before the panel.");
  await addReviewers(page);
  await page.getByRole("button", { name: "Share out the reading" }).click();
  await page.getByText("See and change who reads which proposal").click();
  const grid = page.getByTestId("assignment-grid");
  await expect(grid).toBeVisible();
  await expect(page.getByTestId("assignment-problems")).toHaveCount(0);
  // Every proposal to three reviewers, nine each, and never to the reviewer's own school.
  for (let row = 0; row < 12; row++) {
    await expect(grid.locator("tbody tr").nth(row).locator("input:checked")).toHaveCount(3);
  }
  await expect(page.getByLabel(/^Dana Moreau reads P-.* Plan 1$/)).not.toBeChecked();
  for (const name of REVIEWERS) await expect(page.getByTestId("panel-reviewer").filter({ hasText: name })).toContainText("reads 9");
  await expectAccessible(page);

  // One assignment file per reviewer.
  const assigned = await assignments(page);
  for (const name of REVIEWERS) expect(assigned[name]).toHaveLength(9);
  expect(assigned["Dana Moreau"]).not.toContain("p01");

  // Their files: Ana's loaded twice, Ben with a conflict, Chen partial, Dana's outlier and a
  // later copy of her file.
  const files = reviewerFiles(assigned);
  const { outlier: outlierReviewer } = files;
  await page.getByLabel("Load reviewers’ files").setInputFiles([
    json("ana.json", files.ana), json("ben.json", files.ben), json("chen.json", files.chen), json("dana.json", files.dana),
  ]);
  await expect(page.getByTestId("loaded-sheets").locator("li")).toHaveCount(4);
  await page.getByLabel("Load reviewers’ files").setInputFiles([json("ana-again.json", files.ana), json("dana-later.json", files.danaLater)]);
  await expect(page.getByTestId("refused-sheets")).toContainText("ana-again.json: this file is already loaded, exactly as it is; it counts once.");
  await expect(page.getByTestId("sheet-notes")).toContainText("Dana Moreau sent two files; the newer counts (both give the same scores).");
  await expect(page.getByTestId("loaded-sheets")).toContainText("Ben Okafor: 8 proposals scored, 1 conflicts declared");

  // The written stage: flags, standardised scores beside the raw, rank ranges; p12 apart.
  const written = page.locator("section", { has: page.getByRole("heading", { name: "Results: Written proposal" }) });
  const rows = written.getByTestId("panel-row");
  await expect(rows).toHaveCount(11);
  await expect(rows.first()).toContainText("Plan 1");
  await expect(rows.first().getByTestId("panel-mean")).toHaveText("100.0");
  const p05 = rows.filter({ hasText: "Plan 5" });
  await expect(p05.getByTestId("panel-flags")).toContainText("Wide disagreement: Clear on the problems to solve");
  await expect(p05.getByTestId("panel-z")).toContainText(/z [+-]\d\.\d\d/);
  await expect(written.getByTestId("panel-apart")).toContainText("Plan 12");
  await expect(written.getByTestId("panel-apart")).toContainText("No letter from the principal.");
  const p03 = rows.filter({ hasText: "Plan 3" });
  const p04 = rows.filter({ hasText: "Plan 4" });
  await expect(p03.locator("td").first()).toHaveText("3 (tie)");
  await expect(p04.locator("td").first()).toHaveText("3 (tie)");
  await expectAccessible(page);
  await written.screenshot({ path: `${SCREENS_DIR}/panel-results.png` });

  // Discussion: the outlier's score on p05 is changed, the original stays visible.
  const change = written.getByTestId("change-score");
  await choose(change.getByLabel("Proposal"), /Plan 5$/);
  await change.getByLabel("Reviewer").selectOption({ label: outlierReviewer });
  await change.getByLabel("Criterion").selectOption("problems");
  await change.getByLabel("New score").fill("3");
  await change.getByRole("button", { name: "Record the change" }).click();
  await expect(change.getByRole("alert")).toContainText(/reason/i);
  await change.getByLabel("Why the panel changed it").fill("Read the evidence again together");
  await change.getByRole("button", { name: "Record the change" }).click();
  await expect(written.getByTestId("changes")).toContainText(`Plan 5, Clear on the problems to solve by ${outlierReviewer}: 1 → 3 (Read the evidence again together)`);
  await expect(p05.getByTestId("panel-flags")).toHaveText("–");

  // The shortlist to the pitch; the pitch's figures; the blend.
  await page.getByLabel("How many go on, from the top").fill("6");
  await page.getByRole("button", { name: "Advance them to the Pitch" }).click();
  await expect(page.getByTestId("shortlist").locator("li")).toHaveCount(6);
  const pitch = page.locator("section", { has: page.getByRole("heading", { name: "Results: Pitch" }) });
  await expect(pitch.getByTestId("panel-row")).toHaveCount(6);

  // The funding line: $350,000 for four awards; p03 and p04 tie where it runs out.
  const stop = page.getByTestId("funding-stop");
  await expect(page.getByTestId("funded")).toHaveCount(2);
  await expect(stop).toContainText(/tie/i);
  await expect(page.getByTestId("funding-left")).toHaveText("Left in the fund: $150,000.");
  await stop.getByRole("button", { name: /^Fund P-.* Plan 4$/ }).click();
  await expect(page.getByTestId("funded")).toHaveCount(3);
  await expect(stop).toContainText("$50,000");
  await page.getByLabel("Reduced amount, for funding with changes").fill("50,000");
  await stop.getByRole("button", { name: "Fund it with changes at the reduced amount" }).click();
  await expect(page.getByTestId("funded")).toHaveCount(4);
  await expect(page.getByTestId("funded").filter({ hasText: "Plan 3" })).toContainText("$50,000 (reduced, with changes)");
  await expect(page.getByTestId("funding-left")).toHaveText("Left in the fund: $0.");
  await expect(page.getByTestId("below").first()).toBeVisible();
  await expectAccessible(page);
  await page.locator("section", { has: page.getByRole("heading", { name: "The funding line" }) }).screenshot({ path: `${SCREENS_DIR}/panel-funding.png` });

  // Kept: a reload finds the panel as it was.
  await page.reload();
  await expect(page.getByTestId("funded")).toHaveCount(4);

  // The panel report, printed; the records; one team's feedback naming no reviewer.
  const dir = await mkdtemp(join(tmpdir(), "panel-docs-"));
  const report = await download(page, "Download the panel report (HTML)");
  const reportPath = join(dir, "report.html");
  await writeFile(reportPath, await downloadText(report));
  const csv = await downloadText(await download(page, "Download the records (CSV)"));
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  await choose(page.getByLabel("Feedback for"), /Plan 1$/);
  const feedbackFile = await download(page, "Download this team’s feedback (HTML)");
  for (const name of REVIEWERS) expect(feedbackFile.suggestedFilename().toLowerCase()).not.toContain(name.split(" ")[1].toLowerCase());
  const feedback = await downloadText(feedbackFile);
  expect(feedback).toContain("Funded");
  for (const word of ["ana", "ruiz", "ben", "okafor", "chen", "wei", "dana", "moreau"]) {
    expect(feedback, `the feedback names “${word}”`).not.toMatch(new RegExp(`\\b${word}\\b`, "i"));
  }
  const feedbackPath = join(dir, "feedback.html");
  await writeFile(feedbackPath, feedback);
  const doc = await page.context().newPage();
  await doc.goto(pathToFileURL(feedbackPath).href);
  await expectAccessible(doc);
  await doc.screenshot({ path: `${SCREENS_DIR}/panel-feedback.png`, fullPage: true });
  await doc.goto(pathToFileURL(reportPath).href);
  await expectAccessible(doc);
  const pdfPath = join(dir, "report.pdf");
  await writeFile(pdfPath, await doc.pdf({ format: "A4" }));
  const { stdout: printed } = await run("pdftotext", ["-enc", "UTF-8", pdfPath, "-"]);
  expect(printed).toContain("Plan 1");
  expect(printed).toMatch(/tie/i);
  await doc.close();
});

test("the panel's work is done by keyboard alone: a reviewer added, the reading shared out, a box of it changed by hand", async ({ page }) => {
  await briefAndProposals(page);
  await page.goto("/review.html#/panels");
  await page.getByRole("button", { name: "Start the panel" }).focus();
  await page.keyboard.press("Enter");
  const take = page.getByRole("button", { name: "Take the proposals on the desk that answer this competition" });
  await take.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("panel-proposals")).toHaveText("12 proposals before the panel.");
  for (const name of ["Ana Ruiz", "Ben Okafor", "Chen Wei"]) {
    await page.getByLabel("Reviewer’s name").focus();
    await page.keyboard.type(name);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Add the reviewer" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByLabel("Reviewer’s name")).toBeFocused();
  }
  await expect(page.getByTestId("panel-reviewer")).toHaveCount(3);
  await page.getByRole("button", { name: "Share out the reading" }).focus();
  await page.keyboard.press("Enter");
  await page.getByText("See and change who reads which proposal").focus();
  await page.keyboard.press("Enter");
  const box = page.getByTestId("assignment-grid").locator("input").first();
  const was = await box.isChecked();
  await box.focus();
  await page.keyboard.press("Space");
  await expect(box).toBeChecked({ checked: !was });
  await expect(page.getByTestId("assignment-problems")).toBeVisible();
});
