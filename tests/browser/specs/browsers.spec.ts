// What each browser does with the drafts, said where the team works: Safari's seven-day
// deletion (emulated here: a Safari user agent and touch points in Chromium; the deletion itself
// cannot be tested), and the one-file kit's storage when opened from disk.
import { test, expect, type Browser } from "@playwright/test";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { DIST, SCREENS_DIR, Workbook } from "../fixtures/workbook";

const IPAD = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15";
const IPHONE_CHROME = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1";

/** A page that looks to Crossroads like Safari on an Apple device. */
async function appleTab(browser: Browser, userAgent: string, touchPoints: number, standalone = false) {
  const context = await browser.newContext({ userAgent, hasTouch: touchPoints > 0 });
  await context.addInitScript(
    ([touchPoints, standalone]) => {
      Object.defineProperty(Navigator.prototype, "maxTouchPoints", { get: () => touchPoints });
      if (standalone) Object.defineProperty(Navigator.prototype, "standalone", { get: () => true });
    },
    [touchPoints, standalone] as const,
  );
  return { context, wb: new Workbook(await context.newPage()) };
}

test("in a Safari tab on an iPad, the home screen and the draft say what Safari does and how to keep drafts", async ({ browser }) => {
  const { context, wb } = await appleTab(browser, IPAD, 5);
  const page = wb.page;
  await wb.openHome();
  const notice = page.getByTestId("safari-notice");
  await expect(notice).toContainText("Safari may delete these drafts after seven days away");
  await expect(notice).toContainText("To keep your drafts on this iPad");
  await expect(notice.getByRole("listitem")).toHaveText([
    /Back up all drafts/,
    /tap Share, then “Add to Home Screen”/,
    /Open Crossroads from its Home Screen icon/,
    /starts empty.*Restore from a backup/,
  ]);
  await expect(page.getByTestId("persistence")).toBeVisible();
  await wb.expectAccessible();
  await page.screenshot({ path: `${SCREENS_DIR}/safari-home.png`, fullPage: true });

  await wb.startDraft("Studios on iPads");
  await expect(page.getByTestId("safari-reminder")).toContainText("back up at the end of every working session");
  await page.getByLabel("School name").fill("Lincoln");
  await wb.waitUntilSaved();
  await wb.expectAccessible();
  // Back home the same day, the reminder asks for today's backup, not a week from now.
  await wb.goHome();
  await expect(page.getByTestId("backup-reminder")).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Back up all drafts" }).click();
  await download;
  await expect(page.getByTestId("backup-reminder")).toHaveCount(0);
  await context.close();
});

test("every iPhone browser gets the same caution, and a Home Screen app gets none", async ({ browser }) => {
  const chrome = await appleTab(browser, IPHONE_CHROME, 5);
  await chrome.wb.openHome();
  await expect(chrome.wb.page.getByTestId("safari-notice")).toContainText("To keep your drafts on this iPhone");
  await chrome.context.close();

  const installed = await appleTab(browser, IPAD, 5, true);
  await installed.wb.openHome();
  await expect(installed.wb.page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(installed.wb.page.getByTestId("safari-notice")).toHaveCount(0);
  await installed.wb.startDraft("Installed");
  await expect(installed.wb.page.getByTestId("safari-reminder")).toHaveCount(0);
  await installed.context.close();
});

test("Safari on a Mac is told to add Crossroads to the Dock", async ({ browser }) => {
  const { context, wb } = await appleTab(browser, IPAD, 0);
  await wb.openHome();
  await expect(wb.page.getByTestId("safari-notice").getByRole("listitem").nth(1)).toHaveText(/File, then “Add to Dock”/);
  await context.close();
});

test("Chromium on the hosted app shows neither notice", async ({ page }) => {
  const wb = new Workbook(page);
  await wb.openHome();
  await expect(page.getByTestId("safari-notice")).toHaveCount(0);
  await expect(page.getByTestId("kit-notice")).toHaveCount(0);
  await expect(page.getByTestId("kit-empty")).toHaveCount(0);
});

test("the kit opened from disk in Chromium names the storage every local page shares, and explains an empty list", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(pathToFileURL(join(DIST, "crossroads-kit.html")).href);
  const wb = new Workbook(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Plan your school/);
  await expect(page.getByTestId("kit-notice")).toContainText("Every page opened from disk on this computer shares that storage");
  await expect(page.getByTestId("kit-notice")).toContainText("Before you replace this file with a newer kit");
  await expect(page.getByTestId("kit-empty")).toContainText("may be with another copy of this file");
  await page.getByTestId("kit-empty").getByRole("link", { name: "restore from a backup" }).click();
  await expect(page.getByLabel("Restore from a backup")).toBeFocused();
  await wb.expectAccessible();
  await page.screenshot({ path: `${SCREENS_DIR}/kit-home.png`, fullPage: true });
  await context.close();
});
