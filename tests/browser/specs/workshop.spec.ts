// The facilitator's workshop: a plan built from a default, run with timed protocol steps, a
// projector window that follows through the browser alone, the parking lot, the plan file shared
// with a co-facilitator, and handouts and the facilitator guide printed to PDF.
import { test, expect, type Page, type BrowserContext } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { SCREENS_DIR, expectAccessible, fillStorage, holdTimers, releaseTimers } from "../fixtures/workbook";

const PLAN_PREFIX = "crossroads/plan/";

/** Starts a plan from the two-hour default and adds a tuning session and a pitch round for three teams. */
async function buildPlan(page: Page) {
  await page.goto("/workshop.html");
  await expect(page.getByTestId("no-plans")).toBeVisible();
  await page.getByRole("button", { name: "Start from the two-hour plan" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("A two-hour session");
  await expect(page.getByTestId("session")).toHaveCount(5);

  await page.getByRole("button", { name: "Add a session" }).click();
  await expect(page.getByTestId("session")).toHaveCount(6);
  await expect(page.locator("#session-5-title")).toBeFocused();
  await page.locator("#session-5-title").fill("Tune the Lincoln plan");
  await page.locator("#session-5-area").selectOption({ index: 3 });
  await expect(page.locator("#session-5-area")).toHaveValue("3");
  await page.locator("#session-5-protocol").selectOption({ label: "Tuning a plan (40 minutes)" });
  await expect(page.locator("#session-5-activity")).toHaveValue("Tuning a plan (40 minutes)");
  await expect(page.getByTestId("session").nth(5).getByTestId("protocol-step")).toHaveCount(7);
  // Adapt a step for this session: the agenda follows.
  await page.getByTestId("session").nth(5).getByText("The protocol\u2019s 7 steps").click();
  await page.locator("#session-5-step-4-minutes").fill("15");
  await expect(page.getByTestId("session").nth(5)).toContainText("43 minutes in all");
  await page.locator("#session-5-step-4-minutes").fill("12");
  // Saved as a protocol of the facilitator's own, it is offered to every session.
  await page.locator("#session-5-save-as").fill("Lincoln tuning");
  await page.getByTestId("session").nth(5).getByRole("button", { name: "Save as a new protocol" }).click();
  await expect(page.locator("#session-5-protocol")).toHaveValue(/.+/);
  await expect(page.locator("#session-5-protocol option:checked")).toHaveText("Lincoln tuning");
  await expect(page.locator("#session-0-protocol option", { hasText: "Lincoln tuning" })).toHaveCount(1);

  await page.getByRole("button", { name: "Add a session" }).click();
  await page.locator("#session-6-title").fill("Pitches");
  await page.locator("#session-6-protocol").selectOption({ label: "Pitch round (20 minutes for each team)" });
  // Typed as a person types: Enter between the names, and a space inside one stays.
  await page.getByLabel("Presenting teams, one per line").click();
  await page.getByLabel("Presenting teams, one per line").pressSequentially("Lincoln\nRoosevelt\nAdams");
  await expect(page.getByLabel("Presenting teams, one per line")).toHaveValue("Lincoln\nRoosevelt\nAdams");
  await expect(page.getByTestId("session").nth(6)).toContainText("60 minutes in all");

  // The agenda follows: 3:30 to 5:30 pm by default, now 100 minutes more.
  const agenda = page.getByTestId("agenda");
  await expect(agenda.getByRole("row", { name: /Tune the Lincoln plan/ })).toContainText("5:30 pm\u20136:10 pm");
  await expect(agenda.getByRole("row", { name: /Pitches/ })).toContainText("6:10 pm\u20137:10 pm");
  await expect(page.getByTestId("overrun")).toContainText("100 minutes past the end of the day (5:30 pm)");
  await expect(page.getByTestId("save-status")).toHaveText("Saved");

  // Reorder: the pitches before the tuning, and back; the times follow each move.
  await page.getByRole("button", { name: "Move session 7 up" }).click();
  await expect(page.locator("#session-5-heading")).toBeFocused();
  await expect(agenda.getByRole("row", { name: /Pitches/ })).toContainText("5:30 pm\u20136:30 pm");
  await page.getByRole("button", { name: "Move session 6 down" }).click();
  await expect(agenda.getByRole("row", { name: /Pitches/ })).toContainText("6:10 pm\u20137:10 pm");
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
}

/** The stored plan, as the projector and a reload read it. */
async function storedPlan(page: Page) {
  return page.evaluate((prefix) => {
    const key = Object.keys(localStorage).find((k) => k.startsWith(prefix))!;
    return JSON.parse(localStorage.getItem(key)!).doc;
  }, PLAN_PREFIX);
}

test("a facilitator builds a plan, runs it step by step, and the projector window follows", async ({ page }) => {
  test.setTimeout(150_000);
  await buildPlan(page);
  await expectAccessible(page);
  await page.screenshot({ path: `${SCREENS_DIR}/workshop-plan.png`, fullPage: true });
  const plan = await storedPlan(page);
  expect(plan.plan.sessions.map((s: { title: string }) => s.title).slice(5)).toEqual(["Tune the Lincoln plan", "Pitches"]);
  expect(plan.plan.sessions[6].teams).toEqual(["Lincoln", "Roosevelt", "Adams"]);

  await page.getByRole("link", { name: "Run this plan" }).click();
  await expect(page.getByTestId("run-session")).toHaveText("Welcome and goals");
  const [projector] = await Promise.all([
    page.waitForEvent("popup"),
    page.getByRole("button", { name: "Open the projector window" }).click(),
  ]);
  await expect(projector.getByTestId("projector-step")).toHaveText("Welcome and goals");

  // On to the tuning session: five sessions on.
  for (let i = 0; i < 5; i++) await page.getByRole("button", { name: "Next session" }).click();
  await expect(page.getByTestId("run-session")).toHaveText("Tune the Lincoln plan");
  await expect(page.getByTestId("run-step")).toHaveText("Introduction");
  // The sessions skipped before their countdowns started count as cut: the day's times move up.
  await expect(page.getByTestId("agenda").getByRole("row", { name: /Tune the Lincoln plan/ })).toContainText("3:30 pm\u20134:10 pm");
  await expect(projector.getByTestId("projector-step")).toHaveText("Introduction");
  await expect(projector.getByTestId("projector-prompt")).toBeVisible();
  await page.getByRole("button", { name: "Next step \u2192" }).click();
  await expect(page.getByTestId("run-step")).toHaveText("Presentation");
  await expect(page.getByTestId("run-roles")).toHaveText("Speaking: the presenting team. Silent: the other participants.");
  await expect(projector.getByTestId("projector-step")).toHaveText("Presentation");
  await expect(projector.getByTestId("projector-roles")).toHaveText("Speaking: the presenting team. Silent: the other participants.");
  await expect(page.getByTestId("to-come").locator("li").first()).toContainText("Clarifying questions (5 min)");
  await expectAccessible(page);
  await page.screenshot({ path: `${SCREENS_DIR}/workshop-run.png`, fullPage: true });

  // The keyboard: N moves on, but not while typing in a field.
  await page.locator("body").press("n");
  await expect(page.getByTestId("run-step")).toHaveText("Clarifying questions");
  await expect(projector.getByTestId("projector-step")).toHaveText("Clarifying questions");
  const park = page.getByLabel("A question to park");
  await park.click();
  await park.pressSequentially("Who pays for the substitutes on Fridays?");
  await expect(park).toHaveValue("Who pays for the substitutes on Fridays?");
  await park.press("Enter");
  await expect(page.getByTestId("parked")).toHaveText(["Who pays for the substitutes on Fridays?"]);
  await expect(page.getByTestId("run-step")).toHaveText("Clarifying questions");
  // Out of the field, the keys work again.
  await page.getByTestId("run-session").click();
  await page.keyboard.press("b");
  await expect(page.getByTestId("run-step")).toHaveText("Presentation");
  await page.keyboard.press("ArrowRight");
  await expect(page.getByTestId("run-step")).toHaveText("Clarifying questions");

  // The pitch round: the presenting team is on both screens.
  await page.getByRole("button", { name: "Next session" }).click();
  await expect(page.getByTestId("run-team")).toHaveText("Presenting: Lincoln");
  await expect(projector.getByTestId("projector-team")).toHaveText("Presenting: Lincoln");
  await page.getByRole("button", { name: "Next step \u2192" }).click();
  await page.getByRole("button", { name: "Next step \u2192" }).click();
  await expect(page.getByTestId("run-team")).toHaveText("Presenting: Roosevelt");
  await expect(page.getByTestId("run-step")).toHaveText("Presentation");
  await expect(projector.getByTestId("projector-team")).toHaveText("Presenting: Roosevelt");
  await expect(projector.getByTestId("projector-roles")).toHaveText("Speaking: the presenting team. Silent: the panel.");

  // Pause and resume: the countdown stops and goes on from where it was (P starts it too).
  await page.keyboard.press("p");
  await expect(page.getByRole("button", { name: "Pause" })).toBeVisible();
  await page.keyboard.press("p");
  await expect(page.getByRole("button", { name: "Start" })).toBeVisible();
  await page.getByRole("button", { name: "Reset" }).click();
  await expect(page.getByTestId("timer").locator("[role=timer]")).toHaveText("10:00");
  await page.getByRole("button", { name: "Start" }).click();
  await expect(page.getByTestId("timer")).toContainText("Time left");
  await page.waitForTimeout(1_500);
  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByTestId("timer")).toContainText("Paused");
  await expect(projector.getByTestId("projector-timer")).toContainText("Paused");
  const paused = await page.getByTestId("timer").locator("[role=timer]").textContent();
  expect(paused).toMatch(/^9:5\d$/);
  await page.waitForTimeout(1_200);
  await expect(page.getByTestId("timer").locator("[role=timer]")).toHaveText(paused!);
  await expect(projector.getByTestId("projector-timer").locator("[role=timer]")).toHaveText(paused!);
  await page.getByRole("button", { name: "Start" }).click();
  await expect(page.getByTestId("timer")).toContainText("Time left");
  await expect(projector.getByTestId("projector-timer")).not.toContainText("Paused");

  // The projector, reloaded, finds its place.
  await projector.reload();
  await expect(projector.getByTestId("projector-step")).toHaveText("Presentation");
  await expect(projector.getByTestId("projector-team")).toHaveText("Presenting: Roosevelt");
  await expect(projector.getByTestId("projector-timer")).not.toContainText("Paused");
  // And keeps following.
  await page.getByRole("button", { name: "Next step \u2192" }).click();
  await expect(projector.getByTestId("projector-step")).toHaveText("Questions from the panel");
  await expect(projector.getByTestId("projector-roles")).toHaveText("Speaking: the panel. Silent: no one.");

  // Readable from the back of a room, at AAA contrast.
  await projector.setViewportSize({ width: 1280, height: 720 });
  await expectAccessible(projector);
  await expectAccessible(projector, ["color-contrast-enhanced"]);
  const sizes = await projector.evaluate(() => ({
    step: parseFloat(getComputedStyle(document.querySelector(".projector__step")!).fontSize),
    time: parseFloat(getComputedStyle(document.querySelector(".projector__time")!).fontSize),
    text: parseFloat(getComputedStyle(document.querySelector(".projector__who")!).fontSize),
  }));
  expect(sizes.step).toBeGreaterThanOrEqual(64);
  expect(sizes.time).toBeGreaterThanOrEqual(120);
  expect(sizes.text).toBeGreaterThanOrEqual(32);
  await projector.screenshot({ path: `${SCREENS_DIR}/workshop-projector.png` });

  // The parking lot is kept with the plan.
  const kept = await storedPlan(page);
  expect(kept.parking_lot.map((p: { text: string }) => p.text)).toEqual(["Who pays for the substitutes on Fridays?"]);
});

test("a short time box ends: the run view and the projector show it, a chime plays, and the agenda's later times move", async ({ page, context }) => {
  await context.clock.install();
  // Count the chimes: the page's sound goes through the Web Audio API, two notes a chime.
  await context.addInitScript(() => {
    const w = window as unknown as { notes: number };
    w.notes = 0;
    const real = AudioContext.prototype.createOscillator;
    AudioContext.prototype.createOscillator = function (this: AudioContext) {
      w.notes++;
      return real.call(this);
    };
  });
  const notes = () => page.evaluate(() => (window as unknown as { notes: number }).notes);
  await page.goto("/workshop.html");
  await page.getByRole("button", { name: "Start from the two-hour plan" }).click();
  await page.locator("#session-0-minutes").fill("1");
  await expect(page.getByTestId("agenda").getByRole("row", { name: /Welcome and goals/ })).toContainText("3:30 pm\u20133:31 pm");
  await page.getByRole("link", { name: "Run this plan" }).click();
  const [projector] = await Promise.all([
    page.waitForEvent("popup"),
    page.getByRole("button", { name: "Open the projector window" }).click(),
  ]);
  await page.getByLabel("Play a chime when a time box ends").check();
  await page.getByRole("button", { name: "Add a minute" }).click();
  await expect(page.getByTestId("timer").locator("[role=timer]")).toHaveText("2:00");
  await page.getByRole("button", { name: "Reset" }).click();
  await page.getByRole("button", { name: "Start" }).click();
  await expect(page.getByTestId("timer").locator("[role=timer]")).toHaveText(/^(1:00|0:59)$/);
  expect(await notes()).toBe(0);
  await context.clock.fastForward("01:30");
  await expect(page.getByTestId("timer")).toContainText("Time is up");
  await expect(page.getByTestId("timer")).toHaveClass(/timer--up/);
  await expect(page.getByTestId("timer").locator("[role=timer]")).toHaveText(/^\+0:(29|30|31)$/);
  await expect(projector.getByTestId("projector-timer")).toContainText("Time is up");
  await expect.poll(notes).toBe(2);
  // Running long moves every later time: the next session starts when this one really ends.
  const next = page.getByTestId("agenda").getByRole("row", { name: /Get clear on the problems/ });
  await expect(next).toContainText("3:32 pm");
  // Once: more time over (and the agenda follows the overrun) does not chime again.
  await context.clock.fastForward("00:30");
  await expect(page.getByTestId("timer").locator("[role=timer]")).toHaveText(/^\+1:0\d$/);
  expect(await notes()).toBe(2);
  await expect(next).toContainText("3:33 pm");
  await expectAccessible(page);
  await page.screenshot({ path: `${SCREENS_DIR}/workshop-time-up.png` });
});

async function exportPlan(page: Page): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export the plan file" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^workshop-a-two-hour-session-\d{4}-\d{2}-\d{2}\.json$/);
  return download.path();
}

test("a co-facilitator imports the plan file in a fresh profile, and both print the handouts and the guide", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await buildPlan(page);
  await page.getByLabel("A question to park").fill("Can teams keep their laptops overnight?");
  await page.getByRole("button", { name: "Park it" }).click();
  await expect(page.getByTestId("parked")).toHaveCount(1);
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  const file = await exportPlan(page);

  const fresh: BrowserContext = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto("/workshop.html");
  await expect(other.getByTestId("no-plans")).toBeVisible();
  await other.getByLabel("Import a plan file").setInputFiles(file);
  await expect(other.getByRole("heading", { level: 1 })).toHaveText("A two-hour session");
  await expect(other.getByTestId("session")).toHaveCount(7);
  await expect(other.locator("#session-6-teams")).toHaveValue("Lincoln\nRoosevelt\nAdams");
  await expect(other.getByTestId("parked")).toHaveText(["Can teams keep their laptops overnight?"]);
  // Imported twice: the second comes in beside the first, never over it.
  await other.getByRole("link", { name: "\u2190 Your plans" }).click();
  await other.getByLabel("Import a plan file").setInputFiles(file);
  await expect(other.getByRole("heading", { level: 1 })).toHaveText(/^A two-hour session \(imported /);
  await other.getByRole("link", { name: "\u2190 Your plans" }).click();
  await expect(other.getByTestId("plan-card")).toHaveCount(2);
  // A broken file is refused in plain words, and nothing changes.
  await other.getByLabel("Import a plan file").setInputFiles({ name: "plan.json", mimeType: "application/json", buffer: Buffer.from('{"format":"crossroads-workshop","version":1,"workshop":{"plan":') });
  await expect(other.getByRole("alert")).toContainText("plan.json was not imported");
  await expect(other.getByTestId("plan-card")).toHaveCount(2);
  await fresh.close();

  // The handout of one session: its prompts with room to write, on paper.
  await page.getByRole("link", { name: "Handout for session 6" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Session 6: Tune the Lincoln plan");
  await expect(page.getByTestId("handout").locator(".handout__prompt").first()).toBeVisible();
  await expectAccessible(page);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Print this handout" })).toBeHidden();
  const handoutPdf = await page.pdf({ format: "Letter" });
  expect(handoutPdf.subarray(0, 5).toString()).toBe("%PDF-");
  await page.emulateMedia({ media: "screen" });

  // The facilitator guide: the agenda with times, and each protocol's steps and times.
  await page.getByRole("link", { name: "\u2190 Back to the plan" }).click();
  const [guide] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download the facilitator guide" }).click()]);
  expect(guide.suggestedFilename()).toMatch(/-guide\.html$/);
  const html = await readFile(await guide.path(), "utf8");
  const sheet = await page.context().newPage();
  await sheet.setContent(html);
  await expect(sheet.getByRole("heading", { level: 1 })).toHaveText("A two-hour session");
  await expect(sheet.getByRole("row", { name: /Clarifying questions/ }).first()).toContainText("5");
  await expect(sheet.getByText("Presenting in turn: Lincoln, Roosevelt, Adams.")).toBeVisible();
  await expect(sheet.getByRole("row", { name: /Questions from the panel/ })).toContainText("10");
  const guidePdf = await sheet.pdf({ format: "A4" });
  expect(guidePdf.subarray(0, 5).toString()).toBe("%PDF-");
  await expectAccessible(sheet);
});

test("two tabs change one plan: the second is asked which to keep, and the other is kept as a copy", async ({ page, context }) => {
  await page.goto("/workshop.html");
  await page.getByRole("button", { name: "Start from the two-hour plan" }).click();
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  const url = page.url();
  const second = await context.newPage();
  await second.goto(url);
  await expect(second.getByRole("heading", { level: 1 })).toHaveText("A two-hour session");
  // The first tab's save reaches the second while it has nothing unsaved: it simply follows.
  await page.getByLabel("Title of the plan").fill("Design evening");
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  await expect(second.getByRole("heading", { level: 1 })).toHaveText("Design evening");
  // Both change it: the second tab's edit is not written yet when the first tab saves.
  await holdTimers(second);
  await second.getByLabel("Title of the plan").fill("Evening two");
  await expect(second.getByTestId("save-status")).toHaveText("Saving\u2026");
  await page.getByLabel("Title of the plan").fill("Evening one");
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  const conflict = second.getByTestId("conflict");
  await expect(conflict).toContainText("This plan was also changed in another tab");
  await expect(conflict.getByRole("row", { name: "Title" })).toContainText("Evening two");
  await expect(conflict.getByRole("row", { name: "Title" })).toContainText("Evening one");
  await releaseTimers(second);
  await expect(second.getByTestId("save-status")).toHaveText("Not saved: this plan was also changed in another tab");
  await expectAccessible(second);
  await second.getByRole("button", { name: "Keep this tab\u2019s version" }).click();
  await expect(second.getByTestId("conflict")).toHaveCount(0);
  await expect(second.getByTestId("save-status")).toHaveText("Saved");
  await second.getByRole("link", { name: "\u2190 Your plans" }).click();
  await expect(second.getByTestId("plan-card")).toHaveCount(2);
  await expect(second.getByTestId("plans")).toContainText("Evening two");
  await expect(second.getByTestId("plans")).toContainText("Evening one (the other tab\u2019s version");
});

test("a damaged stored plan is listed and kept as it is; a full storage says so and keeps the edit on screen", async ({ page }) => {
  await page.goto("/workshop.html");
  await page.evaluate(() => localStorage.setItem("crossroads/plan/broken", '{"schema":1,"revision":3,"doc":{"plan":{"id":'));
  await page.reload();
  await expect(page.getByTestId("plan-card")).toContainText("damaged and is kept exactly as it is");
  await page.getByRole("button", { name: "Start from the two-hour plan" }).click();
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  // Fill local storage to the brim, then type.
  await fillStorage(page, 10);
  await page.getByLabel("Title of the plan").fill("A much longer title that no longer fits in the browser's storage at all, not one bit of it");
  await expect(page.getByTestId("save-status")).toHaveText("Not saved: this browser's storage for Crossroads is full");
  await expect(page.getByLabel("Title of the plan")).toHaveValue(/A much longer title/);
  // Space is freed: saving again works, and the damaged record was never touched.
  await page.evaluate(() => localStorage.removeItem("someone-else/cache"));
  await page.getByRole("button", { name: "Try saving again" }).click();
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  expect(await page.evaluate(() => localStorage.getItem("crossroads/plan/broken"))).toBe('{"schema":1,"revision":3,"doc":{"plan":{"id":');
});
