// In-browser timings through the real page and its worker, in Debian's
// Chromium (playwright-core, the launch options of playwright.config.mjs).
//
//   node bench/browser.mjs [--no-load] DIST_DIR DOC...
//
// Prints JSON lines:
//   {"kind":"load", ...}  navigation start -> first rendered summary of the
//                          example (fresh browser context each run, cold HTTP
//                          cache, service worker blocked), median of 5.
//   {"kind":"doc", ...}    per document, median of >= 5 runs in one page (25
//                          under 100 KB, 7 to 1 MB, 5 above):
//     change_ms   the text change -> the summary rendered (DOM updated and the
//                 next animation frame begun). The change is how a person
//                 makes it without waiting for the typing pause: texts under
//                 the page's large-text limit are set in the text box with an
//                 input event and Ctrl+Enter; larger ones arrive as a plain
//                 paste event (which the page summarises at once).
//     pasted_ms    (3 KB only) the text set in the text box with the input
//                 event a paste makes (inputType "insertFromPaste"), which
//                 the page summarises at once: paste -> rendered.
//     typed_ms     (3 KB only) the same with an input event that has no
//                 inputType (typing), so including the page's typing pause.
//     worker_ms   inside the worker: the request message arriving -> the reply
//                 posted (decode + engine + encode). Measured by a listener
//                 this script prepends to the *served copy* of the worker's
//                 first script (worker_loader.js, or the module worker.js);
//                 the app itself is not changed.
//
// Runs alternate with "Clear" so every run renders a new summary.
import http from "node:http";
import { readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { extname, join, normalize, basename } from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM } from "../playwright.config.mjs";

// `--no-load` skips the time-to-first-summary runs.
const noLoad = process.argv.includes("--no-load");
const [distDir, ...docPaths] = process.argv.slice(2).filter((a) => a !== "--no-load");
// Runs per document: many for small ones (a run takes milliseconds and the
// shared machine is noisy), fewer for the large ones. BROWSER_RUNS overrides
// the small-document count.
const RUNS = Number(process.env.BROWSER_RUNS ?? 25);
const LOAD_RUNS = 5;
// The page's TEXT_BOX_MAX_BYTES (read from the UI's source): above it, a plain
// paste bypasses the text box and is summarised at once.
const TEXT_BOX_MAX_BYTES = await textBoxMaxBytes();

async function textBoxMaxBytes() {
  const source = await readFile(new URL("../src/ui/state.rs", import.meta.url), "utf8");
  const m = source.match(/const TEXT_BOX_MAX_BYTES: usize = ([\d_]+);/);
  if (m) return Number(m[1].replaceAll("_", ""));
  throw new Error("TEXT_BOX_MAX_BYTES not found in src/ui/state.rs");
}

// Records, in the worker, when each request arrives and when its reply is
// posted. Registered before the app's own handler, so it runs first.
const WORKER_PROBE = `
self.__bench = [];
(() => {
  let start = null;
  self.addEventListener("message", () => { start = performance.now(); });
  const post = self.postMessage;
  self.postMessage = function (...args) {
    // (A one-byte message is the worker's "begun" note, ui/agent.rs: not the reply.)
    const note = args[0] && args[0].byteLength === 1;
    if (start !== null && !note) {
      self.__bench.push(performance.now() - start);
      start = null;
    }
    return post.apply(self, args);
  };
})();
`;

const TYPES = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".wasm": "application/wasm",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".webmanifest": "application/manifest+json",
};

function serve(root) {
  // The worker's first script: trunk's classic loader shim, or the page's own
  // module worker (`worker.js`, which loads the app's wasm).
  const probed = existsSync(join(root, "worker_loader.js")) ? "worker_loader.js" : "worker.js";
  const server = http.createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
    const file = join(root, path.endsWith("/") ? path + "index.html" : path);
    try {
      let body = await readFile(file);
      if (basename(file) === probed) body = Buffer.concat([Buffer.from(WORKER_PROBE), body]);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x) => (x === undefined ? null : +x.toFixed(2));

// In the page: waits until a summary is rendered (sentences shown, not busy)
// or the cleared state (no summary, not busy), then for the next frame.
const WAIT_FOR = `
window.__waitFor = (want) => new Promise((resolve) => {
  const done = () => {
    const results = document.querySelector(".workspace-results");
    if (!results || results.getAttribute("aria-busy") !== "false") return false;
    const n = document.querySelectorAll(".summary-view-sentence").length;
    return want === "summary" ? n > 0 : n === 0 && !document.querySelector(".source-view");
  };
  const finish = () => {
    const dom = performance.now();
    requestAnimationFrame(() => resolve({ dom, frame: performance.now() }));
  };
  if (done()) return finish();
  const observer = new MutationObserver(() => {
    if (done()) { observer.disconnect(); finish(); }
  });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
});
`;

async function clear(page) {
  await page.evaluate(async () => {
    const button = [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === "Clear");
    button.click();
    await window.__waitFor("cleared");
  });
}

/** One change -> render, measured in the page. `how`: "now" | "pasted" | "typed" | "paste". */
async function changeToRender(page, text, how) {
  return page.evaluate(
    async ([text, how]) => {
      const box = document.querySelector("#article-text");
      const t0 = performance.now();
      if (how === "paste") {
        const data = new DataTransfer();
        data.setData("text/plain", text);
        box.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
      } else {
        box.value = text;
        const inputType = how === "pasted" ? "insertFromPaste" : undefined;
        box.dispatchEvent(new InputEvent("input", { bubbles: true, inputType }));
        if (how === "now") {
          box.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", ctrlKey: true, bubbles: true }));
        }
      }
      const { dom, frame } = await window.__waitFor("summary");
      return { dom: dom - t0, frame: frame - t0 };
    },
    [text, how],
  );
}

async function main() {
  const server = await serve(distDir);
  const url = `http://127.0.0.1:${server.address().port}/index.html`;
  const browser = await chromium.launch(CHROMIUM);
  try {
    // Time to first summary: a fresh context (cold cache) per run.
    const loads = [];
    for (let i = 0; i < (noLoad ? 0 : LOAD_RUNS); i++) {
      const context = await browser.newContext({ serviceWorkers: "block" });
      const page = await context.newPage();
      await page.addInitScript(() => {
        // As soon as the example button exists, press it; note when the
        // first summary sentence is in the DOM and the next frame begins.
        window.__firstSummary = new Promise((resolve) => {
          let clicked = false;
          const observer = new MutationObserver(() => {
            const button = [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === "Try an example");
            if (button && !clicked) {
              clicked = true;
              window.__ready = performance.now();
              button.click();
            }
            if (document.querySelector(".summary-view-sentence")) {
              observer.disconnect();
              const dom = performance.now();
              requestAnimationFrame(() => resolve({ ready: window.__ready, dom, frame: performance.now() }));
            }
          });
          document.addEventListener("DOMContentLoaded", () =>
            observer.observe(document.body, { subtree: true, childList: true }),
          );
        });
      });
      await page.goto(url);
      const r = await page.evaluate(() => window.__firstSummary);
      loads.push(r);
      await context.close();
    }
    if (loads.length) console.log(
      JSON.stringify({
        kind: "load",
        runs: loads.length,
        ready_ms: round(median(loads.map((r) => r.ready))),
        first_summary_ms: round(median(loads.map((r) => r.frame))),
        first_summary_dom_ms: round(median(loads.map((r) => r.dom))),
      }),
    );

    // Per document, in one page.
    const context = await browser.newContext({ serviceWorkers: "block" });
    const page = await context.newPage();
    await page.addInitScript(WAIT_FOR);
    await page.goto(url);
    await page.waitForSelector("#article-text");
    await page.waitForFunction(() => document.querySelector(".workspace-results")?.getAttribute("aria-busy") === "false");
    const worker = page.workers()[0];
    for (const path of docPaths) {
      const text = await readFile(path, "utf8");
      const bytes = Buffer.byteLength(text);
      const how = bytes > TEXT_BOX_MAX_BYTES ? "paste" : "now";
      const runs = bytes > 1_000_000 ? 5 : bytes > 100_000 ? 7 : RUNS;
      // One warm-up run, not counted.
      await clear(page);
      await changeToRender(page, text, how);
      await worker.evaluate(() => (self.__bench.length = 0));
      const change = [];
      const changeDom = [];
      for (let i = 0; i < runs; i++) {
        await clear(page);
        const r = await changeToRender(page, text, how);
        change.push(r.frame);
        changeDom.push(r.dom);
      }
      // Replies: one per Clear, one per document run; the document's are the big ones.
      const replies = await worker.evaluate(() => self.__bench.slice());
      const workerMs = replies.filter((_, i) => i % 2 === 1);
      const typed = [];
      const pasted = [];
      if (bytes < 10_000) {
        for (let i = 0; i < runs; i++) {
          await clear(page);
          pasted.push((await changeToRender(page, text, "pasted")).frame);
          await clear(page);
          typed.push((await changeToRender(page, text, "typed")).frame);
        }
      }
      console.log(
        JSON.stringify({
          kind: "doc",
          text_box_max_bytes: TEXT_BOX_MAX_BYTES,
          doc: basename(path, ".txt"),
          bytes,
          how,
          runs,
          change_ms: round(median(change)),
          change_dom_ms: round(median(changeDom)),
          change_min_ms: round(Math.min(...change)),
          worker_ms: workerMs.length ? round(median(workerMs)) : null,
          worker_min_ms: workerMs.length ? round(Math.min(...workerMs)) : null,
          worker_runs: workerMs.length,
          typed_ms: typed.length ? round(median(typed)) : null,
          pasted_ms: pasted.length ? round(median(pasted)) : null,
          pasted_min_ms: pasted.length ? round(Math.min(...pasted)) : null,
          change_all_ms: change.map(round),
          worker_all_ms: workerMs.map(round),
        }),
      );
    }
    await context.close();
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
