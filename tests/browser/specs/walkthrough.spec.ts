// A design team walks the workbook: every kind of answer in every area survives a reload.
import { test, expect } from "@playwright/test";
import { Workbook } from "../fixtures/workbook";

test("answers of every kind in all four areas are kept across a reload", async ({ page }) => {
  const wb = new Workbook(page);
  await wb.openHome();
  await wb.startDraft("Learning studios");

  // Team profile: short text and rows.
  await page.getByLabel("School name").fill("Lincoln Elementary");
  await wb.rowCell("profile.team", 1, "Name").fill("Ana Ruiz");
  await wb.rowCell("profile.team", 1, "Role").fill("Principal");
  await wb.prompt("profile.team").getByRole("button", { name: "+ Add a team member" }).click();
  await expect(wb.rowCell("profile.team", 2, "Name")).toBeFocused();
  await wb.rowCell("profile.team", 2, "Name").fill("Sam Lee");
  await wb.next();

  // Area 1: long text and rows.
  await expect(wb.sectionHeading()).toHaveText("Get clear on the problems to solve");
  const meaning = "Students move on when they show mastery.\nTeachers coach small groups.";
  await page.getByLabel("What does personalized learning mean at your school").fill(meaning);
  await wb.rowCell("problems.goals", 1, "Goal for students").fill("Every 3rd grader reads at grade level");
  await wb.rowCell("problems.goals", 1, "How you will measure it").fill("Spring reading benchmark");
  await wb.next();

  // Area 2: checklist and single choice.
  await expect(wb.sectionHeading()).toHaveText("Create flexibility");
  await page.getByLabel("Set our own daily schedule and block lengths").check();
  await page.getByLabel("Use a dedicated space for the new model").check();
  await page.getByLabel("Yes, we would join one").check();
  await wb.next();

  // Area 3: rows with a date.
  await expect(wb.sectionHeading()).toHaveText("Support adult learning and prototyping");
  await wb.rowCell("learning.milestones", 1, "Prototype or milestone").fill("Pilot station rotation in grade 3");
  await wb.rowCell("learning.milestones", 1, "Date").fill("2027-01-15");
  await page.getByLabel("How will you record what you learn").fill("A shared playbook, updated monthly.");
  await wb.next();

  // Area 4: choice, checklist, short text.
  await expect(wb.sectionHeading()).toHaveText("Design a new model, or adapt and adopt one");
  await page.getByLabel("Adapt and adopt an existing model").check();
  await page.getByLabel("If you are adapting a model").fill("Summit Learning, seen at Hillside Middle");
  await page.getByLabel(/ESSA Title IV/).check();
  await wb.waitUntilSaved();

  await page.reload();
  await expect(wb.sectionHeading()).toHaveText("Design a new model, or adapt and adopt one");
  await expect(page.getByLabel("Adapt and adopt an existing model")).toBeChecked();
  await expect(page.getByLabel("Design a new model (a vanguard school)")).not.toBeChecked();
  await expect(page.getByLabel("If you are adapting a model")).toHaveValue("Summit Learning, seen at Hillside Middle");
  await expect(page.getByLabel(/ESSA Title IV/)).toBeChecked();

  await wb.goToSection(/Adult learning/);
  await expect(wb.rowCell("learning.milestones", 1, "Prototype or milestone")).toHaveValue("Pilot station rotation in grade 3");
  await expect(wb.rowCell("learning.milestones", 1, "Date")).toHaveValue("2027-01-15");
  await expect(page.getByLabel("How will you record what you learn")).toHaveValue("A shared playbook, updated monthly.");

  await wb.goToSection(/Flexibility/);
  await expect(page.getByLabel("Set our own daily schedule and block lengths")).toBeChecked();
  await expect(page.getByLabel("Use a dedicated space for the new model")).toBeChecked();
  await expect(page.getByLabel("Change the length of the school day or year")).not.toBeChecked();
  await expect(page.getByLabel("Yes, we would join one")).toBeChecked();

  await wb.goToSection(/Problems to solve/);
  await expect(page.getByLabel("What does personalized learning mean at your school")).toHaveValue(meaning);
  await expect(wb.rowCell("problems.goals", 1, "How you will measure it")).toHaveValue("Spring reading benchmark");

  await wb.goToSection(/School and team/);
  await expect(page.getByLabel("School name")).toHaveValue("Lincoln Elementary");
  await expect(wb.rowCell("profile.team", 1, "Name")).toHaveValue("Ana Ruiz");
  await expect(wb.rowCell("profile.team", 2, "Name")).toHaveValue("Sam Lee");

  // The side navigation counts what is answered in each area.
  const nav = page.getByRole("navigation", { name: "Workbook sections" });
  await expect(nav.getByRole("link", { name: /School and team/ })).toContainText("2 of 5");
  await expect(nav.getByRole("link", { name: /Problems to solve/ })).toContainText("2 of 9");
  await expect(nav.getByRole("link", { name: /Flexibility/ })).toContainText("2 of 9");
  await expect(nav.getByRole("link", { name: /Adult learning/ })).toContainText("2 of 6");
  await expect(nav.getByRole("link", { name: /New or adapted model/ })).toContainText("3 of 9");
});

test("reload and the Back button keep the place, and a draft reopens where the team left off", async ({ page }) => {
  const wb = new Workbook(page);
  await wb.openHome();
  await wb.startDraft("Crews");
  await wb.next();
  await wb.next();
  await expect(wb.sectionHeading()).toHaveText("Create flexibility");
  await expect(page).toHaveURL(/#\/drafts\/[a-z0-9]+\/flexibility$/);
  await page.reload();
  await expect(wb.sectionHeading()).toHaveText("Create flexibility");
  await page.goBack();
  await expect(wb.sectionHeading()).toHaveText("Get clear on the problems to solve");
  await page.goForward();
  await expect(wb.sectionHeading()).toHaveText("Create flexibility");

  await page.getByRole("link", { name: "All drafts" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Plan your school/);
  await wb.card("Crews").getByRole("link", { name: /Open/ }).click();
  await expect(wb.sectionHeading()).toHaveText("Create flexibility");
});

test("removing a row keeps the others, and clearing a choice leaves it unanswered", async ({ page }) => {
  const wb = new Workbook(page);
  await wb.openHome();
  await wb.startDraft("Rows");
  await wb.goToSection(/Problems to solve/);
  const add = wb.prompt("problems.identified").getByRole("button", { name: "+ Add a problem" });
  await wb.rowCell("problems.identified", 1, "Problem").fill("First");
  await add.click();
  await wb.rowCell("problems.identified", 2, "Problem").fill("Second");
  await add.click();
  await wb.rowCell("problems.identified", 3, "Problem").fill("Third");
  await wb.prompt("problems.identified").getByRole("button", { name: "Remove problem 2" }).click();
  await expect(wb.rowCell("problems.identified", 1, "Problem")).toHaveValue("First");
  await expect(wb.rowCell("problems.identified", 2, "Problem")).toHaveValue("Third");
  await expect(wb.prompt("problems.identified").locator(".rows__row")).toHaveCount(2);

  await wb.goToSection(/New or adapted model/);
  await page.getByLabel("Not decided yet").check();
  await page.getByRole("button", { name: "Clear this choice" }).click();
  await expect(page.getByLabel("Not decided yet")).not.toBeChecked();
  await wb.waitUntilSaved();
  const stored = await wb.storedDraft("Rows");
  expect(stored.answers["problems.identified"].rows.map((r: any) => r.problem)).toEqual(["First", "Third"]);
  expect(stored.answers["pathway.choice"]).toBeUndefined();
});
