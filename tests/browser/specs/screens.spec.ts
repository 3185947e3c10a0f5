// Screenshots of the main screens with a realistic draft, for people to look at
// (written to tests/browser/results/screens/). Each also checks the screen rendered its content.
import { test, expect } from "@playwright/test";
import { SCREENS_DIR, Workbook } from "../fixtures/workbook";

const dir = SCREENS_DIR;

test("screenshots of home, a section and the readiness check", async ({ page }) => {
  const wb = new Workbook(page);
  await wb.openHome();
  await wb.startDraft("Learning studios for grades 6–8");
  await page.getByLabel("School name").fill("Lincoln Middle School");
  await page.getByLabel("Which grades and students").fill("Grades 6–8, about 420 students, starting with the 6th-grade team");
  await wb.rowCell("profile.team", 1, "Name").fill("Ana Ruiz");
  await wb.rowCell("profile.team", 1, "Role").fill("Principal");
  await wb.rowCell("profile.team", 1, "What they bring to the team").fill("Leads the design; budget authority");
  await page.getByLabel("Who leads the design work?").fill("Ana Ruiz, principal");
  await wb.next();
  await page
    .getByLabel("What does personalized learning mean at your school")
    .fill("Every student works on goals that fit where they are, with a teacher who knows them well, and moves on when they show mastery.");
  await wb.rowCell("problems.goals", 1, "Goal for students").fill("Every 6th grader reads at grade level by June");
  await wb.rowCell("problems.goals", 1, "How you will measure it").fill("Spring reading benchmark");
  await wb.rowCell("problems.goals", 1, "Target and date").fill("85% by June 2027");
  await wb.rowCell("problems.identified", 1, "Problem").fill("Students who fall behind in 6th grade rarely catch up");
  await wb.rowCell("problems.identified", 1, "Evidence").fill("Only 41% of last year's 6th graders met the reading benchmark");
  await wb.waitUntilSaved();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${dir}/section.png`, fullPage: true });

  await wb.goToSection(/Readiness check/);
  await expect(page.getByTestId("readiness-summary")).toBeVisible();
  await page.screenshot({ path: `${dir}/readiness.png`, fullPage: true });

  await page.getByRole("link", { name: "All drafts" }).click();
  await page.getByLabel("Title of your proposal").fill("Math crews");
  await page.getByRole("button", { name: "Start a new draft" }).click();
  await expect(wb.sectionHeading()).toBeVisible();
  await page.getByRole("link", { name: "All drafts" }).click();
  await expect(page.getByTestId("draft-card")).toHaveCount(2);
  await page.screenshot({ path: `${dir}/home.png`, fullPage: true });

  await wb.card("Learning studios for grades 6–8").getByRole("link", { name: /Open/ }).click();
  await wb.goToSection("History");
  await page.getByTestId("version").first().getByRole("button", { name: /^View/ }).click();
  await expect(page.getByTestId("version-view")).toBeVisible();
  await page.screenshot({ path: `${dir}/history.png`, fullPage: true });
  await page.getByRole("link", { name: "All drafts" }).click();

  await page.setViewportSize({ width: 390, height: 844 });
  await wb.card("Learning studios for grades 6–8").getByRole("link", { name: /Open/ }).click();
  await wb.goToSection(/Flexibility/);
  await page.screenshot({ path: `${dir}/section-phone.png`, fullPage: false });
});
