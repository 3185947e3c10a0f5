// A team answers the district's brief: the brief file starts a draft (or joins one already
// started, losing nothing), the district's expectations, prompts, cover page, assurances and
// word limit appear in place, the competition is a funding source, the brief's signs show in
// the readiness check, and the exported proposal carries the brief.
import { test, expect } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { SCREENS_DIR, Workbook, downloadText, expectAccessible } from "../fixtures/workbook";

const BRIEF = resolve(__dirname, "../../../crates/exchange/tests/fixtures/brief-v1.json");

test("a brief file starts a draft whose district prompts, cover page, assurances and limits count, and the export carries the brief", async ({ page }) => {
  const wb = new Workbook(page);
  await wb.openHome();
  await wb.importFile("riverton-brief.json", await readFile(BRIEF), "application/json");
  const choice = page.getByTestId("import-brief");
  await expect(choice.getByRole("heading", { name: /The brief of “Riverton Learning Challenge” from Riverton Unified School District/ })).toBeFocused();
  await expect(choice).toContainText("Proposals are due 2027-03-01");
  await expectAccessible(page);
  await choice.getByRole("button", { name: "Start a new draft for this competition" }).click();
  await expect(page.getByTestId("import-result")).toContainText("Started a new draft for “Riverton Learning Challenge”");
  await page.getByTestId("draft-card").first().getByRole("link").first().click();
  await expect(wb.sectionHeading()).toHaveText("Your school and team");
  await page.getByLabel("School name").fill("Oak Park Elementary");

  // The sign-off section sits before the readiness check; progress counts the district's prompts.
  const nav = page.getByRole("navigation", { name: "Workbook sections" });
  await expect(nav.getByRole("link", { name: /Sign-off/ })).toBeVisible();

  await wb.goToSection(/Problems to solve/);
  const expectations = page.getByTestId("district-expectations");
  await expect(expectations).toContainText("Every student reads on grade level by the end of grade 3");
  await expect(page.getByTestId("section-words")).toHaveText("0 of the 900 words the district allows in this section.");
  await page.screenshot({ path: `${SCREENS_DIR}/competition-problems.png` });
  const priority = page.getByLabel("Which of the district's five priorities does your design serve first?");
  await priority.fill(Array(905).fill("word").join(" "));
  await expect(page.getByTestId("section-words")).toHaveText("905 words in this section: 5 over the district’s limit of 900.");
  await wb.waitUntilSaved();
  await expectAccessible(page);

  await wb.goToSection(/Sign-off/);
  await expect(wb.sectionHeading()).toHaveText("Sign-off and assurances");
  await expect(page.getByText("The district asks for the cover page to be signed by: Principal; District contact.")).toBeVisible();
  await page.getByRole("button", { name: /Add a signer/ }).click();
  await wb.rowCell("brief.signoff", 1, "Role").fill("Principal");
  await wb.rowCell("brief.signoff", 1, "Name").fill("Dana Ortiz");
  await wb.rowCell("brief.signoff", 1, "Date signed").fill("2027-02-20");
  await page.getByLabel("The school takes part in the district's evaluation.").check();
  await wb.waitUntilSaved();
  await expectAccessible(page);

  await wb.goToSection("Resources and requests");
  await wb.rowCell("resources.budget", 1, "Item").fill("Reading coach");
  await wb.rowCell("resources.budget", 1, "Funding source").fill("riverton learning challenge");
  await wb.rowCell("resources.budget", 1, "Amount").fill("$120,000");
  await expect(page.getByTestId("competition-request")).toContainText("Asked of Riverton Learning Challenge: $120,000.");
  await expect(page.getByTestId("competition-request")).toContainText("The most one school can be awarded is $100,000.");
  await wb.waitUntilSaved();

  await wb.goToSection(/Readiness check/);
  const flags = page.getByTestId("flag");
  await expect(flags.filter({ hasText: "The cover page is not signed by everyone the district names" })).toContainText("Not signed yet: District contact.");
  await expect(flags.filter({ hasText: "Not every assurance the district asks for is confirmed" })).toContainText("Not confirmed yet: The school shares its materials with other schools.");
  await expect(flags.filter({ hasText: "A section is over the district’s word limit" })).toContainText("905 words of 900");
  await expect(flags.filter({ hasText: "The request is larger than one school can be awarded" })).toContainText("$120,000");
  await expectAccessible(page);

  const json = JSON.parse(await downloadText(await wb.exportAs("JSON")));
  expect(json.draft.brief.id).toBe("riverton-2027");
  expect(json.draft.brief.version).toBe(1);
  expect(json.draft.answers["brief.signoff"].rows[0].name).toBe("Dana Ortiz");
  const html = await downloadText(await wb.exportAs("HTML"));
  expect(html).toContain("The district’s competition");
  expect(html).toContain("Not signed yet: District contact.");
  expect(html).toContain("905 of 900 words (over the limit)");
});

test("a brief attached to a draft already started keeps every answer", async ({ page }) => {
  const wb = new Workbook(page);
  await wb.openHome();
  await wb.startDraft("Studios before the brief");
  await wb.goToSection(/Problems to solve/);
  const meaning = page.locator("[data-prompt='problems.meaning'] textarea");
  await meaning.fill("Students move on when they are ready.");
  await wb.waitUntilSaved();
  const before = await wb.storedDraft("Studios before the brief");
  await wb.goHome();
  await wb.importFile("riverton-brief.json", await readFile(BRIEF), "application/json");
  const choice = page.getByTestId("import-brief");
  await choice.getByLabel(/Or make a draft you already started answer it/).selectOption({ label: "Studios before the brief" });
  await choice.getByRole("button", { name: "Attach the brief" }).click();
  await expect(page.getByTestId("import-result")).toContainText("“Studios before the brief” now answers “Riverton Learning Challenge”. Every answer it had is kept.");
  const after = await wb.storedDraft("Studios before the brief");
  expect(after.answers).toEqual(before.answers);
  expect(after.brief.title).toBe("Riverton Learning Challenge");
  await wb.card("Studios before the brief").getByRole("link").first().click();
  await wb.goToSection(/Problems to solve/);
  await expect(page.getByTestId("district-expectations")).toBeVisible();
  await expect(meaning).toHaveValue("Students move on when they are ready.");
});

test("a broken brief file is refused in plain words and nothing is added", async ({ page }) => {
  const wb = new Workbook(page);
  await wb.openHome();
  const text = (await readFile(BRIEF, "utf8")).replace('"section":"problems"', '"section":"nowhere"');
  await wb.importFile("broken-brief.json", text, "application/json");
  await expect(page.getByTestId("import-error")).toContainText("Nothing was imported.");
  await expect(page.getByTestId("import-error")).toContainText("section the workbook does not have");
  expect(Object.keys(await wb.storageSnapshot()).filter((k) => k.startsWith("crossroads/draft/"))).toEqual([]);
});
