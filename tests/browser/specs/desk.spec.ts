// The reviewer's desk keeps proposals in IndexedDB: many files, a folder, copies recognised or
// chosen between, the list's status, request, brief marks, search and filter, removal, and other
// desk tabs following.
import { test, expect, type Page } from "@playwright/test";
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Workbook, expectAccessible } from "../fixtures/workbook";

const FIXTURES = resolve(__dirname, "../../../crates/exchange/tests/fixtures");

type Made = { id: string; title: string; school: string; brief?: unknown; exported?: number; amount?: string };

/** A proposal file's JSON, built from the pinned version-1 file. */
async function proposal(made: Made) {
  const p = JSON.parse(await readFile(join(FIXTURES, "proposal-v1.json"), "utf8"));
  if (made.exported) p.exported_ms = made.exported;
  p.draft.id = made.id;
  p.draft.title = made.title;
  p.draft.answers["profile.school"] = { text: made.school };
  if (made.brief) p.draft.brief = made.brief;
  if (made.amount) {
    p.draft.answers["resources.budget"] = {
      rows: [{ item: "Coaching", source: "Riverton Learning Challenge", amount: made.amount, kind: "one_time", year: "1" }],
    };
  }
  return JSON.stringify(p);
}

async function brief(version = 1) {
  const b = JSON.parse(await readFile(join(FIXTURES, "brief-v1.json"), "utf8")).competition.brief;
  b.version = version;
  return b;
}

const file = (name: string, text: string) => ({ name, mimeType: "application/json", buffer: Buffer.from(text) });

async function threeAndBroken() {
  const b = await brief();
  return [
    file("studios.json", await proposal({ id: "studios1", title: "Learning studios", school: "Lincoln Middle School", brief: b, amount: "12,500" })),
    file("fridays.json", await proposal({ id: "fridays1", title: "Flexible Fridays", school: "Roosevelt Middle School", brief: b })),
    file("advisory.json", await proposal({ id: "advisory1", title: "Advisory for all", school: "Garfield High School" })),
    file("broken.json", "{ this is not a proposal"),
  ];
}

const picker = (page: Page) => page.getByLabel("Choose one or more proposal files");

test("the desk keeps many proposals across a reload, names a broken file, and chooses between copies, newer first", async ({ page }) => {
  await page.goto("/review.html");
  await expect(page.getByRole("heading", { name: "No proposals open yet" })).toBeVisible();
  await picker(page).setInputFiles(await threeAndBroken());
  const cards = page.getByTestId("proposal");
  await expect(page.getByRole("heading", { name: "3 proposals open" })).toBeVisible();
  await expect(cards).toHaveCount(3);
  await expect(page.getByTestId("refused")).toContainText(/broken\.json: \S+/);
  const studios = cards.filter({ hasText: "Learning studios" });
  await expect(studios).toContainText("Lincoln Middle School");
  await expect(studios).toContainText(/\d+ of \d+ prompts answered/);
  await expect(studios).toContainText(/warning signs? open/);
  await expect(studios).toContainText("asks $12,500 of the competition");
  await expect(studios.getByTestId("brief-mark")).toHaveCount(0);
  await expect(cards.filter({ hasText: "Advisory for all" })).toContainText("Answers no brief");
  await expectAccessible(page);

  // Kept in IndexedDB: a reload loses nothing.
  await page.reload();
  await expect(page.getByRole("heading", { name: "3 proposals open" })).toBeVisible();
  await expect(cards).toHaveCount(3);

  // The very same file again is recognised.
  const files = await threeAndBroken();
  await picker(page).setInputFiles([files[0]]);
  await expect(page.getByTestId("refused")).toContainText("already open on the desk");
  await expect(cards).toHaveCount(3);

  // Another copy, exported later: the reviewer chooses, the newer offered first.
  const b = await brief();
  const revised = await proposal({ id: "studios1", title: "Learning studios, revised", school: "Lincoln Middle School", brief: b, exported: 1_800_000_000_000 });
  await picker(page).setInputFiles([file("studios-revised.json", revised)]);
  const choice = page.getByTestId("choice");
  await expect(choice).toContainText("Two copies of “Learning studios”");
  await expect(choice.getByRole("button").first()).toHaveText("Keep the copy from studios-revised.json (exported later)");
  await expectAccessible(page);
  await choice.getByRole("button").first().click();
  await expect(choice).toHaveCount(0);
  await expect(cards.filter({ hasText: "Learning studios, revised" })).toHaveCount(1);
  await expect(cards).toHaveCount(3);

  // An older copy: the one on the desk is offered first, and kept.
  const older = await proposal({ id: "studios1", title: "Learning studios, first try", school: "Lincoln Middle School", brief: b, exported: 1_700_000_000_000 });
  await picker(page).setInputFiles([file("studios-old.json", older)]);
  await expect(choice.getByRole("button").first()).toHaveText("Keep the copy on the desk (exported later)");
  await choice.getByRole("button").first().click();
  await expect(choice).toHaveCount(0);
  await page.reload();
  await expect(cards.filter({ hasText: "Learning studios, revised" })).toHaveCount(1);
  await expect(cards).toHaveCount(3);

  // Read by id, after a reload too.
  await cards.filter({ hasText: "Flexible Fridays" }).getByRole("link").click();
  await expect(page).toHaveURL(/#\/proposals\/fridays1$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Flexible Fridays");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Flexible Fridays");
  await expect(page.getByTestId("reading")).toContainText(/Proposal \d of 3/);
  await expectAccessible(page);
  await page.getByRole("link", { name: "All proposals" }).click();

  // Removed after asking; gone after a reload too.
  await page.getByRole("button", { name: "Remove from the desk: Advisory for all" }).click();
  await expect(page.getByRole("button", { name: "Keep it" })).toBeFocused();
  await page.getByRole("button", { name: "Yes, take it off" }).click();
  await expect(cards).toHaveCount(2);
  await page.reload();
  await expect(cards).toHaveCount(2);
  await expect(cards.filter({ hasText: "Advisory for all" })).toHaveCount(0);
});

test("a whole folder is imported with its subfolders, other files skipped; search and filter narrow the list", async ({ page }) => {
  const dir = await mkdtemp(join(tmpdir(), "desk-folder-"));
  await mkdir(join(dir, "east"));
  const b = await brief();
  await writeFile(join(dir, "studios.json"), await proposal({ id: "studios1", title: "Learning studios", school: "Lincoln Middle School", brief: b }));
  await writeFile(join(dir, "east", "fridays.json"), await proposal({ id: "fridays1", title: "Flexible Fridays", school: "Roosevelt Middle School", brief: b }));
  await writeFile(join(dir, "east", "advisory.json"), await proposal({ id: "advisory1", title: "Advisory for all", school: "Garfield High School" }));
  await writeFile(join(dir, "east", "labs.json"), await proposal({ id: "labs1", title: "Maker labs", school: "Garfield High School", brief: await brief(2) }));
  await writeFile(join(dir, "notes.txt"), "not a proposal");
  await page.goto("/review.html");
  await expect(page.getByRole("heading", { name: "No proposals open yet" })).toBeVisible();
  await page.getByLabel("Choose a folder of proposals").setInputFiles(dir);
  const cards = page.getByTestId("proposal");
  await expect(cards).toHaveCount(4);
  await expect(page.getByTestId("skipped")).toContainText("1 file in the folder was skipped");
  await expect(page.getByTestId("refused")).toHaveCount(0);
  await expect(cards.filter({ hasText: "Maker labs" })).toContainText("Answers brief riverton-2027 version 2");
  await expect(cards.filter({ hasText: "Advisory for all" })).toContainText("Answers no brief");

  // Search: title or school, any case.
  const search = page.getByLabel("Search by title or school");
  await search.fill("garfield");
  await expect(cards).toHaveCount(2);
  await expect(page.getByTestId("shown")).toHaveText("Showing 2 of 4.");
  await search.fill("FRIDAYS");
  await expect(cards).toHaveCount(1);
  await search.fill("");
  await expect(cards).toHaveCount(4);

  // Filter by the brief most proposals answer.
  const show = page.getByLabel("Show");
  await show.selectOption({ label: "Those answering the brief" });
  await expect(cards).toHaveCount(2);
  await show.selectOption({ label: "Those answering no brief or another" });
  await expect(cards).toHaveCount(2);
  await expect(cards.filter({ hasText: "Maker labs" })).toHaveCount(1);
  await expect(cards.filter({ hasText: "Advisory for all" })).toHaveCount(1);
  await expectAccessible(page);
  await show.selectOption({ label: "All proposals" });
  await expect(cards).toHaveCount(4);

  // By keyboard: the search, the filter, and each proposal's link and removal are reachable.
  await page.locator("body").click({ position: { x: 1, y: 1 } });
  const reached: string[] = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    reached.push(await page.evaluate(() => (document.activeElement?.id || document.activeElement?.textContent || "").trim()));
    if (reached.at(-1) === "Learning studios") break;
  }
  expect(reached).toContain("desk-search");
  expect(reached).toContain("desk-filter");
  expect(reached).toContain("proposal-folder");
  expect(reached.at(-1)).toBe("Learning studios");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Learning studios");
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
});

test("a second desk tab's list follows an import and a removal in the first", async ({ context }) => {
  const first = await context.newPage();
  const second = await context.newPage();
  await first.goto("/review.html");
  await second.goto("/review.html");
  await expect(second.getByRole("heading", { name: "No proposals open yet" })).toBeVisible();
  await picker(first).setInputFiles(await threeAndBroken());
  await expect(first.getByTestId("proposal")).toHaveCount(3);
  await expect(second.getByTestId("proposal")).toHaveCount(3);
  await expect(second.getByRole("heading", { name: "3 proposals open" })).toBeVisible();
  await first.getByRole("button", { name: "Remove from the desk: Flexible Fridays" }).click();
  await first.getByRole("button", { name: "Yes, take it off" }).click();
  await expect(first.getByTestId("proposal")).toHaveCount(2);
  await expect(second.getByTestId("proposal")).toHaveCount(2);
  await expect(second.getByTestId("proposal").filter({ hasText: "Flexible Fridays" })).toHaveCount(0);
});

test.describe("with little room", () => {
// The service worker's copy of the pages would count against the small quota set below.
test.use({ serviceWorkers: "block" });

test("a full desk refuses the file in plain words, keeps every proposal already on it, and never touches a team's drafts", async ({ page, browserName }) => {
  test.skip(browserName !== "chromium", "the storage quota is set through Chromium's DevTools protocol");
  // A team's draft on the same origin, in local storage.
  const wb = new Workbook(page);
  await wb.openHome();
  await wb.startDraft("Learning studios");
  await page.getByLabel("School name").fill("Lincoln Middle School");
  await wb.waitUntilSaved();
  const drafts = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("crossroads/draft/")).sort());
  const before = await drafts();
  expect(before.length).toBeGreaterThan(0);

  // The browser gives this origin little room beyond what it holds: a proposal fits, a large
  // one does not.
  await page.goto("/review.html");
  const cdp = await page.context().newCDPSession(page);
  const origin = new URL(page.url()).origin;
  await cdp.send("Storage.overrideQuotaForOrigin", { origin, quotaSize: 600_000 });
  await picker(page).setInputFiles([file("studios.json", await proposal({ id: "studios1", title: "Learning studios", school: "Lincoln Middle School" }))]);
  await expect(page.getByTestId("proposal")).toHaveCount(1);
  const big = JSON.parse(await proposal({ id: "big1", title: "A very long proposal", school: "Roosevelt Middle School" }));
  big.draft.answers["problems.meaning"] = { text: "Every student moves on when ready. ".repeat(60_000) };
  await picker(page).setInputFiles([file("long.json", JSON.stringify(big))]);
  const refused = page.getByTestId("refused");
  await expect(refused).toContainText("long.json: this browser's storage for the reviewer's desk is full.");
  await expect(refused).toContainText("every proposal already on the desk is kept");
  await expect(page.getByTestId("proposal")).toHaveCount(1);
  await expectAccessible(page);

  // Room again: the same file goes on, and nothing was lost on the way.
  await cdp.send("Storage.overrideQuotaForOrigin", { origin });
  await page.reload();
  await expect(page.getByTestId("proposal")).toHaveCount(1);
  await expect(page.getByTestId("proposal")).toContainText("Learning studios");
  await picker(page).setInputFiles([file("long.json", JSON.stringify(big))]);
  await expect(page.getByTestId("proposal")).toHaveCount(2);
  expect(await drafts()).toEqual(before);
});
});
