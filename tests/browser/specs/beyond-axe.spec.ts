// Accessible beyond what axe can see (WCAG 2.2 AA): every screen of every page and the exported
// proposal at 320 px (and 320 × 256), at 200% zoom, with the text-spacing styles and in forced
// colours: nothing scrolls sideways, no table column is narrower than its longest word, no text
// is clipped, every target is at least 24 px (or spaced), nothing focused hides under something
// else (at 320 × 256), and screenshots of each state are
// written for a person to look at.
//
// A new screen joins the check with one line in SCREENS: its name and how to open it.
import { test, expect, type Page } from "@playwright/test";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { SCREENS_DIR, Workbook, downloadText, holdTimers, releaseTimers, typeInOneTask } from "../fixtures/workbook";
import { panelWithScores } from "../fixtures/panel";
import { briefFile, proposal, proposalFile, scoreLevels, startSheet } from "../fixtures/review";
import { STATES, TEXT_SPACING, clipped, focusObscured, forcedSignature, narrowColumns, sideways, smallTargets } from "../fixtures/beyond-axe";

// The text-spacing styles come as a reader's own style sheet does, which no page policy blocks.
test.use({ bypassCSP: true });

const FIXTURES = resolve(__dirname, "../../../crates/exchange/tests/fixtures");

/** A draft as a real team writes it: long names, a team table, goals with dates. */
async function realisticDraft(page: Page): Promise<Workbook> {
  const wb = new Workbook(page);
  await wb.openHome();
  await wb.startDraft("Learning studios for grades 6–8");
  await page.getByLabel("School name").fill("Lincoln Middle School");
  await wb.rowCell("profile.team", 1, "Name").fill("Ana Ruiz-Fernández");
  await wb.rowCell("profile.team", 1, "Role").fill("Principal");
  await wb.rowCell("profile.team", 1, "What they bring to the team").fill("Leads the design; budget authority");
  await page.getByLabel("Who leads the design work?").fill("Ana Ruiz-Fernández, principal");
  await wb.next();
  await wb.rowCell("problems.goals", 1, "Goal for students").fill("Every 6th grader reads at grade level by June");
  await wb.rowCell("problems.goals", 1, "How you will measure it").fill("Spring reading benchmark");
  await wb.rowCell("problems.goals", 1, "Target and date").fill("85% by June 2027");
  await wb.waitUntilSaved();
  return wb;
}

async function reviewerWithProposals(page: Page) {
  await page.goto("/review.html");
  const json = await readFile(join(FIXTURES, "proposal-v1.json"), "utf8");
  const html = await readFile(join(FIXTURES, "proposal-v1.html"), "utf8");
  await page.getByLabel("Choose one or more proposal files").setInputFiles([
    { name: "lincoln.html", mimeType: "text/html", buffer: Buffer.from(html) },
    { name: "lincoln-copy-with-a-very-long-file-name-from-the-district-drive.json", mimeType: "application/json", buffer: Buffer.from(json.replace('"fixture1"', '"fixture2"')) },
  ]);
  await expect(page.getByTestId("proposal")).toHaveCount(2);
}

/** The built-in example, open read-only in the workbook. */
async function openExample(page: Page) {
  await page.goto("/");
  await page.getByRole("link", { name: "Read an example proposal" }).click();
  await expect(page.getByTestId("example-notice")).toBeVisible();
}

/** A reviewer's sheet against the fixture brief, three proposals on the desk, one scored. */
async function reviewerScoring(page: Page) {
  const { file, brief } = await briefFile();
  await startSheet(page, file, [
    proposalFile(proposal(brief, "hill1", "Reading studios for every grade", "Hillcrest Academy", "Dana Ortiz"), "hillcrest.json"),
    proposalFile(proposal(brief, "oak2", "Flexible Fridays", "Oak Park Elementary", "José Núñez"), "oak-park-elementary-school-proposal-final-version.json"),
    proposalFile(proposal(brief, "lin3", "Learning labs", "Lincoln Middle School", "Lee Park"), "lincoln.json"),
  ], "Ana Reviewer");
  await page.getByTestId("conflicts").getByLabel("Lincoln Middle School").check();
  await page.goto("/review.html#/proposals/hill1");
  await scoreLevels(page, [3, 2, 2, 1, 3, 2]);
  await page.getByTestId("criterion").nth(6).getByRole("radio", { name: "Met", exact: true }).check();
  await page.goto("/review.html#/proposals/oak2");
  await scoreLevels(page, [1, 1]);
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
}

/** The district's competition, opened in the editor with every disclosure open. */
async function briefEditor(page: Page) {
  await page.goto("/review.html#/competitions");
  await page.getByRole("button", { name: "Start from the Crossroads rubric" }).click();
  await expect(page.getByTestId("brief-editor")).toBeVisible();
  await page.getByLabel("Title of the competition").fill("Riverton Learning Challenge for Personalized Learning, 2027–2028");
  await page.getByLabel(/Words to hide in blind reading/).fill("Maple Hollow");
  await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
}

type Screen = { name: string; open: (page: Page) => Promise<void>; current?: [string, string] };

// Every screen and exported document, with how to reach it. `current`: an element that marks the
// current or selected state, and one like it that does not.
/** The facilitator's two-hour plan, open in the editor. */
async function workshopPlan(page: Page) {
  await page.goto("/workshop.html");
  await page.getByRole("button", { name: "Start from the two-hour plan" }).click();
  await expect(page.getByTestId("plan-editor")).toBeVisible();
  // Every disclosure open, so what they hold is checked too.
  await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
}

const SCREENS: Screen[] = [
  { name: "team-home", open: async (page) => { await realisticDraft(page); await page.getByRole("link", { name: "All drafts" }).click(); } },
  {
    name: "team-home-notices",
    open: async (page) => {
      // A damaged record, a proposal already here (the keep-both-or-replace question), the restore
      // report and the free-space panel, all on one home screen.
      const wb = new Workbook(page);
      await wb.openHome();
      await page.evaluate(() => localStorage.setItem("crossroads/draft/broken1", "{not json"));
      await page.reload();
      await expect(page.getByTestId("damaged-draft")).toBeVisible();
      const json = await readFile(join(FIXTURES, "proposal-v1.json"));
      const file = { name: "lincoln-learning-studios-2026-11-24.json", mimeType: "application/json", buffer: json };
      await page.getByLabel("Choose an HTML or JSON proposal file").setInputFiles(file);
      await expect(page.getByTestId("import-result")).toBeVisible();
      await page.getByLabel("Choose an HTML or JSON proposal file").setInputFiles(file);
      await expect(page.locator("#import-conflict-heading")).toBeVisible();
      const backup = await readFile(join(FIXTURES, "backup-v1.json"));
      await page.getByLabel("Restore from a backup").setInputFiles({ name: "crossroads-backup.json", mimeType: "application/json", buffer: backup });
      await expect(page.getByTestId("restore-result")).toBeVisible();
    },
  },
  { name: "team-section", open: async (page) => { await realisticDraft(page); }, current: [".section-nav__link[aria-current=page]", ".section-nav__link:not([aria-current])"] },
  { name: "team-rows", open: async (page) => { const wb = await realisticDraft(page); await wb.goToSection(/Flexibility/); } },
  { name: "team-readiness", open: async (page) => { const wb = await realisticDraft(page); await wb.goToSection(/Readiness check/); } },
  { name: "team-resources", open: async (page) => { await openExample(page); await new Workbook(page).goToSection("Resources and requests"); } },
  {
    name: "team-example-readiness",
    open: async (page) => {
      await openExample(page);
      await new Workbook(page).goToSection(/Readiness check/);
    },
  },
  {
    name: "example-document",
    open: async (page) => {
      const wb = new Workbook(page);
      await openExample(page);
      await page.getByRole("button", { name: "Copy it as a new draft" }).click();
      await expect(wb.sectionHeading()).toHaveText("Your school and team");
      const html = await downloadText(await wb.exportAs("HTML"));
      const file = join(await mkdtemp(join(tmpdir(), "crossroads-doc-")), "proposal.html");
      await writeFile(file, html);
      await page.goto(pathToFileURL(file).href);
    },
  },
  { name: "team-export", open: async (page) => { const wb = await realisticDraft(page); await wb.goToSection("Export proposal"); } },
  {
    name: "team-conflict",
    open: async (page) => {
      await realisticDraft(page);
      const meaning = "What does personalized learning mean at your school";
      const other = await page.context().newPage();
      await other.goto(page.url());
      await expect(other.getByLabel(meaning)).toBeVisible();
      await holdTimers(page);
      await typeInOneTask(page, meaning, "Students move on when they show mastery, with a teacher who knows them.");
      await typeInOneTask(other, meaning, "Every student has a learning plan reviewed each quarter with their family.", { then: "pagehide" });
      await expect(page.getByTestId("conflict")).toBeVisible();
      await releaseTimers(page);
    },
  },
  { name: "team-history", open: async (page) => { const wb = await realisticDraft(page); await wb.goToSection("History"); } },
  { name: "team-not-found", open: async (page) => { await page.goto("/#/nowhere"); } },
  {
    name: "proposal-document",
    open: async (page) => {
      const wb = await realisticDraft(page);
      const html = await downloadText(await wb.exportAs("HTML"));
      const file = join(await mkdtemp(join(tmpdir(), "crossroads-doc-")), "proposal.html");
      await writeFile(file, html);
      await page.goto(pathToFileURL(file).href);
    },
  },
  { name: "review-list", open: reviewerWithProposals },
  { name: "review-reading", open: async (page) => { await reviewerWithProposals(page); await page.getByTestId("proposal").first().getByRole("link").click(); } },
  { name: "review-scoring-setup", open: async (page) => { await reviewerScoring(page); await page.goto("/review.html#/scoring"); await page.getByTestId("hidden-terms").locator("summary").click(); await expect(page.getByTestId("hidden-terms")).toContainText("Dana Ortiz"); } },
  { name: "review-desk-progress", open: async (page) => { await reviewerScoring(page); await page.goto("/review.html#/"); await expect(page.getByTestId("progress")).toHaveCount(3); } },
  { name: "review-reading-scoring", open: async (page) => { await reviewerScoring(page); await page.goto("/review.html#/proposals/hill1"); await expect(page.getByTestId("scoring-total")).toBeVisible(); } },
  { name: "review-compare", open: async (page) => { await reviewerScoring(page); await page.goto("/review.html#/compare/hill1/oak2"); await expect(page.getByTestId("compare")).toBeVisible(); } },
  { name: "review-ranking", open: async (page) => { await reviewerScoring(page); await page.goto("/review.html#/ranking"); await expect(page.getByTestId("ranked")).toHaveCount(1); } },
  { name: "review-competitions", open: async (page) => { await briefEditor(page); await page.goto("/review.html#/competitions"); await expect(page.getByTestId("competition-card")).toHaveCount(1); } },
  { name: "review-brief-editor", open: briefEditor },
  { name: "review-panels", open: async (page) => { await panelWithScores(page); await page.goto("/review.html#/panels"); await expect(page.getByTestId("panel-card")).toHaveCount(1); } },
  {
    name: "review-panel",
    open: async (page) => {
      await panelWithScores(page);
      await page.getByText("See and change who reads which proposal").click();
      await expect(page.getByTestId("assignment-grid")).toBeVisible();
      await page.getByLabel("How many go on, from the top").fill("6");
      await page.getByRole("button", { name: "Advance them to the Pitch" }).click();
      await expect(page.getByTestId("funding-stop")).toBeVisible();
      await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
    },
  },
  {
    name: "panel-feedback-document",
    open: async (page) => {
      await panelWithScores(page);
      const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download this team’s feedback (HTML)" }).click()]);
      const path = join(await mkdtemp(join(tmpdir(), "crossroads-feedback-")), "feedback.html");
      await writeFile(path, await downloadText(file));
      await page.goto(pathToFileURL(path).href);
    },
  },
  {
    name: "panel-report-document",
    open: async (page) => {
      await panelWithScores(page);
      const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download the panel report (HTML)" }).click()]);
      const path = join(await mkdtemp(join(tmpdir(), "crossroads-report-")), "report.html");
      await writeFile(path, await downloadText(file));
      await page.goto(pathToFileURL(path).href);
    },
  },
  { name: "workshop-list", open: async (page) => { await page.goto("/workshop.html"); await expect(page.getByTestId("handout-link")).toHaveCount(4); } },
  { name: "workshop-handout", open: async (page) => { await page.goto("/workshop.html#/handouts/1"); await expect(page.getByTestId("handout")).toBeVisible(); } },
  { name: "workshop-plan", open: workshopPlan },
  { name: "workshop-run", open: async (page) => { await workshopPlan(page); await page.getByRole("link", { name: "Run this plan" }).click(); await expect(page.getByTestId("run-view")).toBeVisible(); } },
  {
    name: "workshop-projector",
    open: async (page) => {
      await workshopPlan(page);
      await page.goto(page.url() + "/projector");
      await expect(page.getByTestId("projector-step")).toBeVisible();
    },
  },
];

for (const screen of SCREENS) {
  test(`${screen.name} holds at 320 px, 200%, with text spacing and in forced colours`, async ({ page }) => {
    test.setTimeout(90_000);
    await screen.open(page);
    await expect(page.locator("h1").first()).toBeVisible();
    const problems: string[] = [];
    for (const state of STATES) {
      await page.setViewportSize({ width: state.width, height: state.height });
      await page.emulateMedia({ forcedColors: "forced" in state ? "active" : "none" });
      const style = "spacing" in state ? await page.addStyleTag({ content: TEXT_SPACING }) : null;
      const found = [
        ...(await sideways(page)),
        ...(await narrowColumns(page)),
        ...(await clipped(page)),
        ...(state.width === 320 && !("spacing" in state) ? await smallTargets(page) : []),
        ...(state.height === 256 ? await focusObscured(page) : []),
      ];
      problems.push(...found.map((p) => `${state.name}: ${p}`));
      await page.screenshot({ path: `${SCREENS_DIR}/beyond-axe/${screen.name}-${state.name}.png`, fullPage: state.height !== 256 });
      if (style) await style.evaluate((el) => el.remove());
      if ("forced" in state && screen.current) {
        const [current, other] = screen.current;
        expect(await forcedSignature(page, current), `${screen.name}: the current item looks like the others in forced colours`).not.toEqual(
          await forcedSignature(page, other),
        );
      }
    }
    await page.emulateMedia({ forcedColors: "none" });
    expect(problems).toEqual([]);
  });
}
