// The district's panel: twelve proposals shared out among four reviewers (one works at an
// applying school), one assignment file each; four reviewers' files loaded (one partial, one
// with a conflict, one loaded twice and one sent again later); the wide disagreement flagged and
// the standardised scores beside the raw ones; a score changed in discussion with the original
// kept; a shortlist advanced to the pitch and the stages blended as the brief says; the funding
// line drawn against a fund that runs out in the middle of a tie; the panel report printed to
// PDF; and one team's feedback, with the reviewers' names planted in their comments, naming no
// reviewer.
import { test, expect, type Page } from "@playwright/test";
import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { briefFile, proposal } from "../fixtures/review";
import { SCREENS_DIR, downloadText, expectAccessible } from "../fixtures/workbook";

const run = promisify(execFile);
const IDS = Array.from({ length: 12 }, (_, i) => `p${String(i + 1).padStart(2, "0")}`);
const SCHOOLS = ["Adams", "Baker", "Carver", "Dewey", "Eliot", "Fulton", "Grant Park", "Hale", "Irving", "Jewett", "Kirby", "Lowell"].map((s) => `${s} Elementary`);
// Levels (1-4) of the six written criteria: p03 and p04 alike everywhere, to tie.
const WRITTEN: Record<string, number[]> = {
  p01: [4, 4, 4, 4, 4, 4], p02: [4, 4, 4, 4, 4, 3], p03: [4, 4, 3, 3, 3, 3], p04: [4, 4, 3, 3, 3, 3],
  p05: [3, 3, 3, 3, 3, 3], p06: [3, 3, 3, 3, 2, 2], p07: [2, 2, 2, 2, 2, 3], p08: [2, 2, 2, 2, 2, 2],
  p09: [2, 2, 2, 1, 2, 2], p10: [2, 1, 2, 1, 2, 1], p11: [1, 1, 2, 1, 1, 1], p12: [1, 1, 1, 1, 1, 1],
};
// The pitch: clarity out of 25, readiness 0-4.
const PITCH: Record<string, [number, number]> = { p01: [25, 4], p02: [22, 4], p03: [20, 3], p04: [20, 3], p05: [15, 2], p06: [12, 2] };
const CRITERIA = ["problems", "flexibility", "learning", "pathway", "equity", "feasibility"];
const REVIEWERS = ["Ana Ruiz", "Ben Okafor", "Chen Wei", "Dana Moreau"];

type Assignment = { reviewer: { id: string; name: string }; proposals: { id: string; code: string }[] };

function sheet(name: string, assigned: string[], opts: { partial?: boolean; conflict?: string; outlier?: boolean; updated?: number } = {}) {
  const [first, last] = name.split(" ");
  const id = name.toLowerCase().replace(/[^a-z]/g, "");
  const written: Record<string, unknown> = {};
  const pitch: Record<string, unknown> = {};
  assigned.forEach((p, i) => {
    if (p === opts.conflict) return;
    const levels = WRITTEN[p];
    const criteria: Record<string, unknown> = {};
    const scored = opts.partial && i % 2 === 1 ? CRITERIA.slice(0, 3) : CRITERIA;
    scored.forEach((c, k) => {
      let value = levels[k];
      // One reviewer reads p05's problem very differently: three levels apart.
      if (opts.outlier && p === "p05" && c === "problems") value = 1;
      criteria[c] = { value, comment: k === 0 ? `${last.toUpperCase()}'s view: ${first.toLowerCase()} ${last.toLowerCase()} thinks it holds; ${first}'s note.` : "", confidence: "high" };
    });
    if (scored.length === CRITERIA.length) {
      criteria.support = p === "p12" ? { value: 0, comment: "No letter from the principal." } : { value: 1, comment: "" };
    }
    written[p] = { criteria, bonus: {}, recommendation: "fund", recommendation_reason: `${first} says fund it.` };
    if (PITCH[p]) pitch[p] = { criteria: { clarity: { value: PITCH[p][0], comment: "" }, readiness: { value: PITCH[p][1], comment: "" } }, bonus: {} };
  });
  const conflicts = opts.conflict ? { [opts.conflict]: "My sister teaches there" } : {};
  const s = {
    id: `sheet-${id}`, reviewer: { id, name }, competition: "riverton-2027", version: 1, fingerprints: {}, blind: true,
    conflicts, stages: { written, pitch }, updated_ms: opts.updated ?? 1_790_000_000_000,
  };
  return { format: "crossroads-review", version: 1, exported_ms: s.updated_ms, sheet: s };
}

const json = (name: string, data: unknown) => ({ name, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(data)) });

/** Chooses the option whose text matches `text`. */
async function choose(select: import("@playwright/test").Locator, text: RegExp) {
  const options = await select.locator("option").evaluateAll((os) => os.map((o) => [(o as HTMLOptionElement).value, o.textContent ?? ""]));
  const found = options.find(([, t]) => text.test(t));
  if (!found) throw new Error(`no option like ${text}: ${options.map((o) => o[1]).join(" | ")}`);
  await select.selectOption(found[0]);
}

async function download(page: Page, button: string) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: button }).click()]);
  return file;
}

test("a panel shares out the reading, combines four reviewers, discusses, advances a shortlist, draws the funding line and sends feedback", async ({ page, browserName }) => {
  test.skip(browserName !== "chromium", "printing to PDF is Chromium's");
  test.setTimeout(240_000);
  const { file: brief, brief: briefData } = await briefFile();
  await page.goto("/review.html#/competitions");
  await page.getByLabel("Import a brief file").setInputFiles(brief);
  await expect(page.getByTestId("competition-card")).toHaveCount(1);

  // Twelve proposals on the desk, each asking the competition for $100,000.
  await page.goto("/review.html");
  const files = IDS.map((id, i) => {
    const p = proposal(briefData, id, `Plan ${i + 1}`, SCHOOLS[i], "Sam Lee") as any;
    p.draft.answers["resources.budget"] = { rows: [{ item: "Coaching", source: "Riverton Learning Challenge", amount: "100,000", kind: "one_time", year: "1" }] };
    return json(`${id}.json`, p);
  });
  await page.getByLabel("Choose one or more proposal files").setInputFiles(files);
  await expect(page.getByTestId("proposal")).toHaveCount(12);

  // The panel, its proposals and reviewers.
  await page.getByRole("link", { name: /Chairing the panel/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Review panels");
  await page.getByRole("button", { name: "Start the panel" }).click();
  const panel = page.getByTestId("panel");
  await expect(panel.getByRole("heading", { level: 1 })).toHaveText("Panel: Riverton Learning Challenge");
  await page.getByRole("button", { name: "Take the proposals on the desk that answer this competition" }).click();
  await expect(page.getByTestId("panel-proposals")).toHaveText("12 proposals before the panel.");
  for (const name of REVIEWERS) {
    await page.getByLabel("Reviewer’s name").fill(name);
    if (name === "Dana Moreau") await page.getByLabel(/Works at/).selectOption("Adams Elementary");
    await page.getByRole("button", { name: "Add the reviewer" }).click();
  }
  await expect(page.getByTestId("panel-reviewer")).toHaveCount(4);
  await page.getByRole("button", { name: "Share out the reading" }).click();
  await page.getByText("See and change who reads which proposal").click();
  const grid = page.getByTestId("assignment");
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
  const assigned: Record<string, string[]> = {};
  for (const name of REVIEWERS) {
    const file = await download(page, `Download ${name}’s assignment`);
    expect(file.suggestedFilename()).toMatch(/\.json$/);
    const data = JSON.parse(await downloadText(file)) as { format: string; assignment?: Assignment } & Assignment;
    const a: Assignment = (data as any).assignment ?? data;
    expect(a.reviewer.name).toBe(name);
    expect(a.proposals).toHaveLength(9);
    assigned[name] = a.proposals.map((p) => p.id).sort();
  }
  expect(assigned["Dana Moreau"]).not.toContain("p01");

  // Their files: Ana's loaded twice, Ben with a conflict, Chen partial, Dana's outlier and a
  // later copy of her file.
  const ben = assigned["Ben Okafor"];
  const conflict = ben.find((p) => p !== "p01" && p !== "p05")!;
  const outlierReviewer = REVIEWERS.find((n) => assigned[n].includes("p05") && n !== "Chen Wei")!;
  const sheets = {
    ana: sheet("Ana Ruiz", assigned["Ana Ruiz"], { outlier: outlierReviewer === "Ana Ruiz" }),
    ben: sheet("Ben Okafor", ben, { conflict, outlier: outlierReviewer === "Ben Okafor" }),
    chen: sheet("Chen Wei", assigned["Chen Wei"], { partial: true }),
    dana: sheet("Dana Moreau", assigned["Dana Moreau"], { outlier: outlierReviewer === "Dana Moreau" }),
  };
  const danaLater = sheet("Dana Moreau", assigned["Dana Moreau"], { outlier: outlierReviewer === "Dana Moreau", updated: 1_790_000_900_000 });
  await page.getByLabel("Load reviewers’ files").setInputFiles([
    json("ana.json", sheets.ana), json("ben.json", sheets.ben), json("chen.json", sheets.chen), json("dana.json", sheets.dana),
  ]);
  await expect(page.getByTestId("loaded-sheets").locator("li")).toHaveCount(4);
  await page.getByLabel("Load reviewers’ files").setInputFiles([json("ana-again.json", sheets.ana), json("dana-later.json", danaLater)]);
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
  await page.screenshot({ path: `${SCREENS_DIR}/panel-results.png`, fullPage: true });

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
  await page.screenshot({ path: `${SCREENS_DIR}/panel-funding.png`, fullPage: true });

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
