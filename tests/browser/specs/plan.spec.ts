// A plan a district can fund: the readiness check reads what was written, the resources and
// requests add up, signs can be marked addressed with a reason, and the proposal opens with its
// summary. The built-in example shows a finished plan and can be copied.
import { test, expect, type Page } from "@playwright/test";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { SCREENS_DIR, Workbook, downloadText } from "../fixtures/workbook";

/** Opens an exported proposal document as a reviewer would, from disk and without script. */
async function openDocument(page: Page, html: string) {
  const file = join(await mkdtemp(join(tmpdir(), "crossroads-plan-")), "proposal.html");
  await writeFile(file, html);
  const doc = await page.context().browser()!.newContext({ javaScriptEnabled: false });
  const reader = await doc.newPage();
  await reader.goto(pathToFileURL(file).href);
  return reader;
}

test("the example opens read-only, clears the readiness check, and a copy exports a proposal that opens with its summary and budget", async ({ page }) => {
  const wb = new Workbook(page);
  await wb.openHome();
  await page.getByRole("link", { name: "Read an example proposal" }).click();
  await expect(page.getByTestId("example-notice")).toContainText("read-only");
  await expect(wb.sectionHeading()).toHaveText("Your school and team");
  const school = page.getByLabel("School name");
  await expect(school).toHaveValue("Willow Bend Middle School");
  await expect(school).toHaveAttribute("readonly", "");
  // Typing changes nothing, and nothing is stored.
  await school.press("End");
  await page.keyboard.type(" extra");
  await expect(school).toHaveValue("Willow Bend Middle School");
  expect(Object.keys(await wb.storageSnapshot()).filter((k) => k.startsWith("crossroads/draft/"))).toEqual([]);

  await wb.goToSection("Resources and requests");
  await expect(page.getByTestId("budget-total")).toContainText("Total: $192,820");
  await expect(page.getByTestId("gathered-asks").getByRole("listitem").first()).toBeVisible();
  await wb.goToSection(/Readiness check/);
  await expect(page.getByTestId("readiness-summary")).toHaveText("42 of 42 prompts answered. No warning signs.");
  await expect(page.getByTestId("flag")).toHaveCount(0);
  await page.screenshot({ path: `${SCREENS_DIR}/example-readiness.png`, fullPage: true });

  await page.getByRole("button", { name: "Copy it as a new draft" }).click();
  await expect(wb.sectionHeading()).toHaveText("Your school and team");
  await expect(page.getByTestId("example-notice")).toHaveCount(0);
  await page.getByLabel("School name").fill("Willow Bend Middle School (our copy)");
  await wb.waitUntilSaved();
  const stored = await wb.storedDraft("Our copy of Willow Bend Middle School: sixth-grade math and literacy labs");
  expect(stored.answers["resources.budget"].rows.length).toBeGreaterThan(5);

  const html = await downloadText(await wb.exportAs("HTML"));
  const doc = await openDocument(page, html);
  const summary = doc.locator("#summary");
  await expect(summary.getByRole("heading", { name: "Summary" })).toBeVisible();
  await expect(summary).toContainText("What it costs");
  await expect(summary).toContainText("$192,820 in all");
  await expect(summary).toContainText("No warning sign from the CRPE report remains open.");
  // Page one is the summary: it comes before everything else in the document.
  const order = await doc.evaluate(() => [...document.querySelectorAll("h2")].map((h) => h.textContent));
  expect(order[0]).toBe("Summary");
  await expect(doc.getByRole("heading", { name: "Budget" })).toBeVisible();
  await expect(doc.getByRole("cell", { name: "$192,820" }).first()).toBeVisible();
  await expect(doc.getByRole("heading", { name: "Timeline" })).toBeVisible();
  await expect(doc.getByRole("heading", { name: "Appendix: the report’s actions in this proposal" })).toBeVisible();
  await doc.setViewportSize({ width: 900, height: 1200 });
  await doc.screenshot({ path: `${SCREENS_DIR}/example-summary.png` });
  await doc.locator("section.budget").screenshot({ path: `${SCREENS_DIR}/example-budget.png` });
  await doc.context().close();
});

test("one-word answers keep the signs that read substance, and the export says which remain", async ({ page }) => {
  const wb = new Workbook(page);
  await wb.openHome();
  await wb.startDraft("Placeholders");
  await page.getByLabel("Who leads the design work?").fill("TBD");
  await wb.next();
  await page.getByLabel("What does personalized learning mean at your school").fill("x");
  await page.getByLabel("What will teachers do differently, day to day?").fill("Every student gets a Chromebook and uses an adaptive app.");
  await wb.goToSection(/Adult learning/);
  await page.getByLabel("When will teachers plan and learn together?").fill("none");
  await wb.waitUntilSaved();
  await wb.goToSection(/Readiness check/);
  const flags = page.getByTestId("flag");
  for (const title of [
    "No one is named to lead the work",
    "Personalized learning is not defined for your school",
    "The plan names devices or software but no change in teaching",
    "No regular time for teachers to work together",
  ]) {
    await expect(flags.filter({ hasText: title })).toHaveCount(1);
  }
  await expect(flags.filter({ hasText: "No regular time" })).toContainText("What the check looked for: how often teachers meet");

  const html = await downloadText(await wb.exportAs("HTML", "omit"));
  const doc = await openDocument(page, html);
  const readiness = doc.locator("#readiness");
  await expect(readiness).toContainText(/\d+ warning signs from the CRPE report remain open/);
  await expect(readiness).toContainText("The plan names devices or software but no change in teaching");
  await expect(readiness).toContainText("No regular time for teachers to work together");
  await expect(doc.locator("#summary")).toContainText("warning signs from the CRPE report remain open");
  await doc.context().close();
});

test("a sign marked addressed needs a reason, and the export shows the reason", async ({ page }) => {
  const wb = new Workbook(page);
  await wb.openHome();
  await wb.startDraft("Common period");
  await wb.goToSection(/Readiness check/);
  const sign = page.getByTestId("flag").filter({ hasText: "No regular time for teachers to work together" });
  await sign.getByRole("button", { name: "Our plan addresses this: say why" }).click();
  const reason = sign.getByLabel(/Why this sign does not apply/);
  await expect(reason).toBeFocused();
  await sign.getByRole("button", { name: "Mark as addressed" }).click();
  await expect(sign.getByRole("alert")).toHaveText("Write the reason first: a sign is never set aside without one.");
  await reason.pressSequentially("Our contract gives every grade team a daily common period.");
  await sign.getByRole("button", { name: "Mark as addressed" }).click();
  const addressed = page.getByTestId("addressed-flag");
  await expect(addressed).toHaveCount(1);
  await expect(addressed).toContainText("Your reason: Our contract gives every grade team a daily common period.");
  await expect(page.getByTestId("flag").filter({ hasText: "No regular time" })).toHaveCount(0);
  await expect(page.getByTestId("readiness-summary")).toContainText("1 sign marked as addressed by your team.");
  await wb.waitUntilSaved();

  // Kept across a reload, in the draft.
  await page.reload();
  await expect(page.getByTestId("addressed-flag")).toContainText("daily common period");

  const html = await downloadText(await wb.exportAs("HTML"));
  const doc = await openDocument(page, html);
  await expect(doc.locator("#readiness")).toContainText("Signs the team marked as addressed");
  await expect(doc.locator("#readiness")).toContainText("No regular time for teachers to work together. The team’s reason: Our contract gives every grade team a daily common period.");
  await expect(doc.locator("#summary")).toContainText("1 more is marked as addressed by the team, with its reason.");
  await doc.context().close();

  // Shown as a sign again when the team takes it back.
  await wb.goToSection(/Readiness check/);
  await page.getByRole("button", { name: "Show it as a warning sign again" }).click();
  await expect(page.getByTestId("flag").filter({ hasText: "No regular time" })).toHaveCount(1);
});

test("the budget adds up as the team types, names an amount it cannot read, and the asks written earlier are gathered", async ({ page }) => {
  const wb = new Workbook(page);
  await wb.openHome();
  await wb.startDraft("Costs");
  await wb.goToSection(/Flexibility/);
  await wb.rowCell("flexibility.tensions", 1, "Rule, policy or habit").fill("Seat time of 50 minutes per course");
  await wb.rowCell("flexibility.tensions", 1, "What you ask for").fill("Credit by mastery for grade 9 math");
  await wb.goToSection("Resources and requests");
  await expect(page.getByTestId("gathered-asks")).toContainText("Credit by mastery for grade 9 math");
  await expect(page.getByTestId("gathered-asks")).toContainText("About: Seat time of 50 minutes per course");

  const budget = "resources.budget";
  await wb.rowCell(budget, 1, "Item").fill("Math coach, half time");
  await wb.rowCell(budget, 1, "Funding source").fill("Title II");
  await wb.rowCell(budget, 1, "Amount").pressSequentially("$45,000");
  await wb.rowCell(budget, 1, "One-time or recurring").selectOption({ label: "Recurring, every year" });
  await wb.rowCell(budget, 1, "School year").fill("2027-28");
  await wb.prompt(budget).getByRole("button", { name: /Add a budget line/ }).click();
  await wb.rowCell(budget, 2, "Item").fill("Flexible furniture");
  await wb.rowCell(budget, 2, "Funding source").fill("title ii");
  await wb.rowCell(budget, 2, "Amount").fill("12 000");
  await wb.rowCell(budget, 2, "One-time or recurring").selectOption({ label: "One-time" });
  await wb.prompt(budget).getByRole("button", { name: /Add a budget line/ }).click();
  await wb.rowCell(budget, 3, "Item").fill("Training days");
  await wb.rowCell(budget, 3, "Amount").fill("about ten thousand");
  const totals = page.getByTestId("budget-totals");
  await expect(page.getByTestId("budget-total")).toHaveText("Total: $57,000 ($12,000 one-time, $45,000 recurring every year)");
  await expect(totals.getByRole("table", { name: "By funding source" }).getByRole("row", { name: /Title II/ })).toContainText("$57,000");
  await expect(totals.getByRole("status")).toContainText("Budget line 3: “about ten thousand” is not an amount, so it is not counted.");
  await wb.waitUntilSaved();
  await page.reload();
  await expect(page.getByTestId("budget-total")).toContainText("Total: $57,000");
  await expect(wb.rowCell(budget, 1, "One-time or recurring")).toHaveValue("recurring");

  const md = await downloadText(await wb.exportAs("Markdown"));
  expect(md).toContain("- **What it costs:** $57,000 in all: $12,000 one\\-time and $45,000 recurring every year");
  expect(md).toContain("| Math coach, half time | Title II | 2027\\-28 | Recurring, every year | $45,000 |");
  expect(md).toContain("| Training days |  |  |  | about ten thousand \\(not an amount; not counted\\) |");
  const json = JSON.parse(await downloadText(await wb.exportAs("JSON")));
  expect(json.plan.budget.total_cents).toBe(5_700_000);
  expect(json.plan.budget.unreadable_lines).toEqual([3]);
  expect(json.plan.requests[0].ask).toBe("Credit by mastery for grade 9 math");
});
