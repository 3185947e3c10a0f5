import { defineConfig } from "@playwright/test";
import { args, executablePath } from "./chromium.mjs";

// The app's behaviour, tested in Debian's headless Chromium against the release build in dist/.
// `cargo xtask test` builds dist/ first; the browser is never downloaded.
// Another port when two checkouts test on one machine at once.
const port = Number(process.env.CROSSROADS_TEST_PORT ?? 4173);

export default defineConfig({
  testDir: "specs",
  outputDir: "results/artifacts",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 5_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    browserName: "chromium",
    headless: true,
    viewport: { width: 1280, height: 860 },
    trace: "retain-on-failure",
    launchOptions: { executablePath, args },
  },
  webServer: {
    command: `node serve.mjs ../../dist ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    stdout: "ignore",
  },
});
