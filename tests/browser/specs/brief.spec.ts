// The district's competition brief on the reviewer's page: a two-stage rubric (a scale of levels
// from 0, points with uneven maxima, a yes/no requirement, capped bonus points), the district's
// own questions of every kind, sign-off, assurances and a word limit; kept through a reload,
// sent as the printable HTML and the JSON, and imported beside (never over) the first.
import { test, expect, type Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { SCREENS_DIR, expectAccessible, fillStorage, holdTimers, releaseTimers } from "../fixtures/workbook";

const COMPETITION_PREFIX = "crossroads/competition/";

const LEVELS = [
  ["Not yet", "The proposal names no goal for students."],
  ["Beginning", "Goals are broad, with no data about which students are behind."],
  ["Developing", "A goal is named with some data, but not how progress will be seen."],
  ["Proficient", "Goals are measurable and tied to named groups of students."],
  ["Exemplary", "Goals are measurable, shared, and shaped with students and families."],
];

async function addCriterion(page: Page, stage: number, k: number, name: string, kind: string) {
  await page.locator(`#stage-${stage}-add-criterion`).click();
  await expect(page.locator(`#stage-${stage}-criterion-${k}-name`)).toBeFocused();
  await page.keyboard.type(name);
  await page.locator(`#stage-${stage}-criterion-${k}-looks-for`).fill(`What reviewers look for in ${name.toLowerCase()}.`);
  await page.locator(`#stage-${stage}-criterion-${k}-kind`).selectOption({ label: kind });
}

async function openAllDisclosures(page: Page) {
  await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
}

async function stored(page: Page) {
  return page.evaluate((prefix) => {
    const key = Object.keys(localStorage).find((k) => k.startsWith(prefix))!;
    return JSON.parse(localStorage.getItem(key)!).doc;
  }, COMPETITION_PREFIX);
}

test("a district writes a two-stage competition, keeps it, sends it to schools, and imports it beside the first", async ({ page, browser }) => {
  test.setTimeout(240_000);
  await page.goto("/review.html");
  await page.getByRole("link", { name: "Running a competition? Write or open the district\u2019s brief" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("The district\u2019s competitions");
  await expect(page.getByTestId("no-competitions")).toBeVisible();
  await page.getByRole("button", { name: "Start with an empty rubric" }).click();
  const editor = page.getByTestId("brief-editor");
  await expect(editor).toBeVisible();
  await expect(page.getByTestId("brief-problems")).toContainText("has no criteria");

  // The brief schools answer.
  await page.getByLabel("Title of the competition").fill("Springfield Design Challenge");
  await page.getByLabel("District", { exact: true }).fill("Springfield Public Schools");
  await page.getByLabel("Proposals are due").fill("2027-03-15");
  await page.getByLabel(/What the district expects/).fill("Every student reads at grade level by grade 3\nEvery student leaves with a plan");
  await page.getByLabel("Most per school").fill("100,000");
  await page.getByLabel("Number of awards").fill("5");
  // An amount that cannot be read is named, never counted as zero.
  await page.getByLabel("Whole fund").fill("$500,000");
  await page.getByLabel("Whole fund").fill("half a million");
  await expect(page.getByTestId("brief-problems")).toContainText("\u201chalf a million\u201d is not an amount of money");
  await page.getByLabel("Whole fund").fill("$500,000");
  await expect(page.getByText("is not an amount of money")).toHaveCount(0);
  await page.getByLabel(/Funding source/).fill("Springfield Innovation Fund");

  // The district's own questions, one of each kind, reordered.
  const questions: [string, string, string][] = [
    ["A line of text", "Who is the school\u2019s contact for this proposal?", "profile"],
    ["Paragraphs", "Which of the district\u2019s five priorities does this serve?", "problems"],
    ["One choice among options", "Which grade band does the design serve first?", "pathway"],
    ["Any of a list of options", "Which partners take part?", "learning"],
  ];
  for (const [i, [kind, question, section]] of questions.entries()) {
    await page.getByRole("button", { name: "Add a question" }).click();
    await expect(page.locator(`#prompt-${i}-label`)).toBeFocused();
    await page.keyboard.type(question);
    await page.locator(`#prompt-${i}-section`).selectOption(section);
    await page.locator(`#prompt-${i}-kind`).selectOption({ label: kind });
  }
  await expect(page.getByTestId("brief-problems")).toContainText("offers no options");
  await page.locator("#prompt-2-options").fill("Elementary\nMiddle\nHigh");
  await page.locator("#prompt-3-options").fill("Community college\nLocal employers\nFamilies");
  await page.getByRole("button", { name: "Move question 2 up" }).click();
  await expect(page.locator("#prompt-0-label")).toHaveValue(questions[1][1]);
  await expect(page.locator("#prompt-0-label")).toBeFocused();
  await page.getByRole("button", { name: "Move question 1 down" }).click();
  await expect(page.locator("#prompt-0-label")).toHaveValue(questions[0][1]);

  // Sign-off (the usual two to start with), assurances and a word limit.
  await expect(page.getByLabel(/Who signs the cover page/)).toHaveValue("Principal\nDistrict contact");
  await page.getByLabel(/Who signs the cover page/).fill("Principal\nDistrict contact\nSchool board liaison");
  await page.getByLabel(/What each school confirms/).fill("The school takes part in the district\u2019s evaluation.\nThe principal has read the whole brief.");
  await page.getByLabel("Get clear on the problems to solve").fill("750");

  // Stage 1: a scale of five levels numbered from 0, points out of 30 with a band, a requirement.
  await page.locator("#stage-0-description").fill("Reviewers read each proposal and score it against the rubric.");
  await addCriterion(page, 0, 0, "Clear goals for students", "A scale of levels");
  await page.locator("#stage-0-criterion-0-first").selectOption({ label: "From 0" });
  await page.locator("#stage-0-criterion-0-levels").selectOption("5");
  await page.getByTestId("criterion").first().getByText("The 5 levels and what each looks like").click();
  for (const [l, [label, description]] of LEVELS.entries()) {
    await page.locator(`#stage-0-criterion-0-level-${l}-label`).fill(label);
    await page.locator(`#stage-0-criterion-0-level-${l}-description`).fill(description);
  }
  await expect(page.getByTestId("criterion").first().getByTestId("level").first().locator("legend")).toHaveText("Level 0");
  await addCriterion(page, 0, 1, "Budget and feasibility", "Points out of a maximum");
  await page.locator("#stage-0-criterion-1-max").fill("30");
  await page.getByTestId("criterion").nth(1).getByText(/^Bands:/).click();
  await page.getByRole("button", { name: "Add a band" }).click();
  await page.locator("#stage-0-criterion-1-band-0-from").fill("21");
  await page.locator("#stage-0-criterion-1-band-0-label").fill("Strong");
  await page.locator("#stage-0-criterion-1-band-0-description").fill("Every cost follows from the plan.");
  await addCriterion(page, 0, 2, "Signed by the principal", "A yes-or-no requirement");
  await expect(page.locator("#stage-0-criterion-2-weight")).toHaveCount(0);
  // Bonus points with a cap.
  await page.getByLabel(/Offer bonus points at this stage/).check();
  await page.locator("#stage-0-bonus-cap").fill("8");
  await page.getByRole("button", { name: "Add a bonus item to stage 1" }).click();
  await page.locator("#stage-0-bonus-0-name").fill("Partners with a community college");
  await page.locator("#stage-0-bonus-0-max").fill("5");
  await page.getByRole("button", { name: "Add a bonus item to stage 1" }).click();
  await page.locator("#stage-0-bonus-1-name").fill("Families shaped the design");

  // Stage 2: the pitch, points out of 20 and out of 10; blended with the written stage.
  await page.getByRole("button", { name: "Add a stage" }).click();
  await expect(page.locator("#stage-1-name")).toBeFocused();
  await page.locator("#stage-1-name").fill("Pitch");
  await page.locator("#stage-1-description").fill("Ten minutes to present and ten of questions");
  await addCriterion(page, 1, 0, "Presentation", "Points out of a maximum");
  await page.locator("#stage-1-criterion-0-max").fill("20");
  await addCriterion(page, 1, 1, "Answers to the panel", "Points out of a maximum");
  await page.locator("#stage-1-criterion-1-max").fill("10");
  await page.getByLabel("A weighted blend of the stages\u2019 scores").check();
  await page.getByLabel("Weight of \u201cWritten proposal\u201d").fill("2");
  await expect(page.getByLabel("Weight of \u201cPitch\u201d")).toHaveValue("1");

  await expect(page.getByTestId("brief-check")).toContainText("Ready to send");
  await expect(page.getByTestId("brief-version")).toHaveText("Version 1");
  await page.getByRole("button", { name: "Raise the version" }).click();
  await expect(page.getByTestId("brief-version")).toHaveText("Version 2");
  await expect(page.getByTestId("save-status")).toHaveText("Saved");

  const kept = await stored(page);
  expect(kept.brief.award).toEqual({ per_school_cents: 10_000_000, awards: 5, fund_cents: 50_000_000 });
  expect(kept.brief.prompts.map((p: { kind: unknown }) => p.kind)).toEqual([
    "short_text",
    "long_text",
    { choice: [{ id: "o1", label: "Elementary" }, { id: "o2", label: "Middle" }, { id: "o3", label: "High" }] },
    { checklist: [{ id: "o1", label: "Community college" }, { id: "o2", label: "Local employers" }, { id: "o3", label: "Families" }] },
  ]);
  expect(kept.brief.assurances.map((a: { id: string }) => a.id)).toEqual(["a1", "a2"]);
  expect(kept.brief.limits).toEqual([{ section: "problems", words: 750 }]);
  expect(kept.stages[0].rubric.criteria[0].kind).toEqual({ levels: { first: 0, levels: LEVELS.map(([label, description]) => ({ label, description })) } });
  expect(kept.stages[0].rubric.bonus.cap).toBe(8);
  expect(kept.combine).toEqual({ blend: [{ stage: "written", weight: 2 }, { stage: "stage-1", weight: 1 }] });

  // Reloaded, everything is where it was.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Springfield Design Challenge");
  await expect(page.getByLabel("Whole fund")).toHaveValue("$500,000");
  await expect(page.getByTestId("extra-prompt")).toHaveCount(4);
  await expect(page.getByTestId("stage")).toHaveCount(2);
  await expect(page.locator("#stage-0-criterion-0-level-4-description")).toHaveValue(LEVELS[4][1]);
  await expect(page.getByLabel(/What each school confirms/)).toHaveValue("The school takes part in the district\u2019s evaluation.\nThe principal has read the whole brief.");
  await expect(page.getByTestId("brief-version")).toHaveText("Version 2");
  await openAllDisclosures(page);
  await expectAccessible(page);
  await page.screenshot({ path: `${SCREENS_DIR}/brief-editor.png`, fullPage: true });

  // At 320 px wide nothing runs off the side.
  await page.setViewportSize({ width: 320, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.setViewportSize({ width: 1280, height: 860 });

  // The brief for schools, and its data.
  const [html] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download the brief for schools (HTML)" }).click()]);
  expect(html.suggestedFilename()).toBe("brief-springfield-design-challenge-v2.html");
  const document = await readFile(await html.path(), "utf8");
  for (const [, description] of LEVELS) expect(document).toContain(description);
  expect(document).toContain("Ten minutes to present and ten of questions");
  const [json] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download the data (JSON)" }).click()]);
  expect(json.suggestedFilename()).toBe("brief-springfield-design-challenge-v2.json");
  const data = JSON.parse(await readFile(await json.path(), "utf8"));
  expect(data.format).toBe("crossroads-brief");
  expect(data.competition.brief.title).toBe("Springfield Design Challenge");

  // On a fresh page in another browser profile, the JSON comes in; and here, beside the first.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto("/review.html#/competitions");
  await expect(other.getByTestId("no-competitions")).toBeVisible();
  await other.getByLabel("Import a brief file").setInputFiles(await json.path());
  await expect(other.getByTestId("competition-card")).toHaveCount(1);
  await expect(other.getByTestId("competition-card")).toContainText("Springfield Design Challenge");
  await fresh.close();

  await page.getByRole("link", { name: "\u2190 The district\u2019s competitions" }).click();
  await expect(page.getByTestId("competition-card")).toHaveCount(1);
  await page.getByLabel("Import a brief file").setInputFiles(await html.path());
  await expect(page.getByTestId("competition-card")).toHaveCount(2);
  await expect(page.getByTestId("competition-card").nth(1)).toContainText(/Springfield Design Challenge \(imported /);
  await expect(page.getByTestId("competition-card").first()).toContainText("Version 2 \u00b7 due 2027-03-15 \u00b7 2 stages of review");
  await expectAccessible(page);

  // A copy starts at version 1; deleting asks first.
  await page.getByRole("button", { name: "Make a copy of \u201cSpringfield Design Challenge\u201d" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Copy of Springfield Design Challenge");
  await expect(page.getByTestId("brief-version")).toHaveText("Version 1");
  await page.getByRole("link", { name: "\u2190 The district\u2019s competitions" }).click();
  await expect(page.getByTestId("competition-card")).toHaveCount(3);
  await page.getByRole("button", { name: "Delete \u201cCopy of Springfield Design Challenge\u201d" }).click();
  await expect(page.getByRole("button", { name: "Keep it" })).toBeFocused();
  await page.getByRole("button", { name: "Yes, delete it" }).click();
  await expect(page.getByTestId("competition-card")).toHaveCount(2);

  // The desk still opens proposals as before.
  await page.getByRole("link", { name: "\u2190 Proposals to review" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Proposals to review");
});

test("two tabs change one competition: the second is asked which to keep, and the other is kept as a copy", async ({ page, context }) => {
  await page.goto("/review.html#/competitions");
  await page.getByRole("button", { name: "Start from the Crossroads rubric" }).click();
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  const second = await context.newPage();
  await second.goto(page.url());
  await expect(second.getByRole("heading", { level: 1 })).toHaveText("New competition");
  await page.getByLabel("Title of the competition").fill("Springfield Challenge");
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  await expect(second.getByRole("heading", { level: 1 })).toHaveText("Springfield Challenge");
  await holdTimers(second);
  await second.getByLabel("Title of the competition").fill("Challenge two");
  await page.getByLabel("Title of the competition").fill("Challenge one");
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  const conflict = second.getByTestId("conflict");
  await expect(conflict).toContainText("This competition was also changed in another tab");
  await expect(conflict.getByRole("row", { name: "Title" })).toContainText("Challenge two");
  await expect(conflict.getByRole("row", { name: "Title" })).toContainText("Challenge one");
  await releaseTimers(second);
  await expectAccessible(second);
  await second.getByRole("button", { name: "Keep this tab\u2019s version" }).click();
  await expect(second.getByTestId("save-status")).toHaveText("Saved");
  await second.getByRole("link", { name: "\u2190 The district\u2019s competitions" }).click();
  await expect(second.getByTestId("competition-card")).toHaveCount(2);
});

test("when storage refuses, the editor says so in plain words, keeps what was typed, and saves once there is room", async ({ page }) => {
  await page.goto("/review.html#/competitions");
  await page.getByRole("button", { name: "Start from the Crossroads rubric" }).click();
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  await fillStorage(page, 10);
  await page.getByLabel("What the district expects for its students, one per line").fill("Every student reads at grade level by grade 3. ".repeat(40));
  await expect(page.getByTestId("save-status")).toHaveText(/^Not saved: /);
  await expect(page.getByLabel("What the district expects for its students, one per line")).toHaveValue(/^Every student reads/);
  await page.evaluate(() => localStorage.removeItem("someone-else/cache"));
  await page.getByRole("button", { name: "Try saving again" }).click();
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
});
