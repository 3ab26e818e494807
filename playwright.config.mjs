// End-to-end tests: the built dist/ (run `scripts/trunk.sh build --release` first), served
// on 127.0.0.1, in Debian's Chromium. No browser is ever downloaded.
import { defineConfig } from "@playwright/test";

// NUTSHELL_E2E_PORT lets two checkouts run their suites side by side.
export const PORT = Number(process.env.NUTSHELL_E2E_PORT || 4173);

export const CHROMIUM = {
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 90_000,
  expect: { timeout: 15_000 },
  workers: 1,
  fullyParallel: false,
  reporter: [["list"]],
  outputDir: "test-results",
  use: {
    browserName: "chromium",
    baseURL: `http://127.0.0.1:${PORT}/`,
    launchOptions: CHROMIUM,
    serviceWorkers: "allow",
  },
  webServer: {
    command: `python3 -m http.server --bind 127.0.0.1 ${PORT} --directory dist`,
    url: `http://127.0.0.1:${PORT}/index.html`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: "ignore",
    stderr: "ignore",
  },
});
