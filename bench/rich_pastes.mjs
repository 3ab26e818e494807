// The rich-paste path on the real pasted pages (issue 20): each dev page's saved HTML is opened in
// Chromium (JavaScript off, every other request blocked, as the plain pastes were made), selected
// and copied with real key presses, and pasted into the built page (dist/), which converts the
// clipboard's HTML (`ui/rich_text.rs`). The same pages' plain pastes go through the CLI. Both are
// scored alike against each page's gold article text (`gold_body`): a summary sentence is junk
// when under 60% of its word pairs occur in the gold text. It reports; it asserts nothing.
//
//     scripts/trunk.sh build --release && node bench/rich_pastes.mjs [--limit N] [--dump FILE]   (SHOW=1: each page's rich summary)
//
// --dump writes each page's pasted text and its lines' hints, as the page kept them (localStorage),
// one JSON line per page: what scripts/fit_cleaner.py fits the markup stage on and scores.
//
// This is not score_pastes.py: the rich path's text differs from the plain paste, so the byte
// labels of pastes.dev.jsonl do not apply to it; the criterion here is the gold text alone.
import http from "node:http";
import { readFileSync, existsSync, writeFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { spawnSync } from "node:child_process";
import { join, normalize } from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM } from "../playwright.config.mjs";

const SHARED = new URL("../../shared/eval/pastes/", import.meta.url).pathname;
const DIST = new URL("../dist/", import.meta.url).pathname;
const CLI = new URL("../target/release/nutshell", import.meta.url).pathname;
const limit = process.argv.includes("--limit") ? Number(process.argv[process.argv.indexOf("--limit") + 1]) : Infinity;

const dump = process.argv.includes("--dump") ? process.argv[process.argv.indexOf("--dump") + 1] : null;
const dumped = [];
const rows = readFileSync(join(SHARED, "pastes.dev.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l)).slice(0, limit);

/** Lower-case word tokens. */
const tokens = (s) => (s.toLowerCase().match(/[\p{L}\p{N}]+/gu) || []);
const pairs = (ts) => (ts.length < 2 ? ts : ts.slice(1).map((t, i) => ts[i] + " " + t));

/** Whether `sentence` is article text of a page whose gold text gives `goldPairs`. */
function isArticle(sentence, goldPairs) {
  const ps = pairs(tokens(sentence));
  if (ps.length === 0) return false;
  return ps.filter((p) => goldPairs.has(p)).length / ps.length >= 0.6;
}

function score(name, results) {
  let n = 0, junk = 0, pagesWithJunk = 0, firstJunk = 0, pages = 0;
  for (const { summary, gold } of results) {
    if (!summary.length) continue;
    pages++;
    const flags = summary.map((s) => !isArticle(s, gold));
    n += flags.length;
    junk += flags.filter(Boolean).length;
    if (flags.some(Boolean)) pagesWithJunk++;
    if (flags[0]) firstJunk++;
  }
  const pct = (a, b) => (b ? ((100 * a) / b).toFixed(1) + "%" : "-");
  return `| ${name} | ${pages} | ${n} | ${pct(junk, n)} | ${pagesWithJunk}/${pages} | ${pct(firstJunk, pages)} |`;
}

// The plain pastes, through the CLI (the same engine).
const plain = spawnSync(CLI, ["batch", "--sentences", "3"], {
  input: rows.map((r) => JSON.stringify({ id: r.id, text: r.text })).join("\n") + "\n",
  maxBuffer: 1 << 30,
});
const plainSummaries = plain.stdout.toString().trim().split("\n").map((l) => JSON.parse(l).summary);

// dist/ and the saved pages, on one local server; nothing else is reachable.
const server = http.createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  if (path.startsWith("/page/")) {
    const id = path.slice(6).split("/").pop();
    const file = join(SHARED, "html", `${id}.html.gz`);
    if (!existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    return res.end(gunzipSync(readFileSync(file)));
  }
  const file = join(DIST, normalize(path.endsWith("/") ? path + "index.html" : path));
  if (!file.startsWith(DIST) || !existsSync(file)) return res.writeHead(404).end();
  const type = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css" }[file.slice(file.lastIndexOf("."))] || "application/octet-stream";
  res.writeHead(200, { "content-type": type });
  res.end(readFileSync(file));
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch(CHROMIUM);
const app = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"], serviceWorkers: "block" });
const sources = await browser.newContext({ javaScriptEnabled: false, permissions: ["clipboard-read", "clipboard-write"] });
await sources.route("**/*", (route) => (route.request().url().startsWith(`${origin}/page/`) ? route.continue() : route.abort()));
const page = await app.newPage();
await page.goto(`${origin}/index.html`);
const box = page.getByLabel(/Paste an article/);
await box.waitFor();

const rich = [];
for (const [i, row] of rows.entries()) {
  const id = row.id.split("/").pop();
  const source = await sources.newPage();
  let summary = [];
  try {
    // (An empty clipboard first: a copy that fails pastes nothing, not the last page again.)
    await page.evaluate(() => navigator.clipboard.writeText(""));
    await source.goto(`${origin}/page/${id}`, { waitUntil: "domcontentloaded", timeout: 20000 });
    // (Focus the document itself: a click could land in a blocked frame and copy nothing.)
    await source.bringToFront();
    await source.locator("body").focus({ timeout: 5000 }).catch(() => {});
    await source.keyboard.press("Control+A");
    await source.keyboard.press("Control+C");
    await page.bringToFront();
    await page.getByRole("button", { name: "Clear", exact: true }).first().click();
    await page.waitForFunction(() => document.querySelectorAll(".summary-view-sentence").length === 0);
    await box.focus();
    await page.keyboard.press("Control+V");
    await page.locator(".summary-view-sentence").first().waitFor({ timeout: 20000 });
    await page.waitForTimeout(300);
    summary = await page.locator(".summary-view-sentence").allInnerTexts();
    {
      // (The text is saved after a pause; the hints with it.)
      await page.waitForFunction(() => localStorage.getItem("nutshell.text") === document.querySelector("textarea").value, null, { timeout: 10000 });
      const [text, hints] = await page.evaluate(() => [localStorage.getItem("nutshell.text"), localStorage.getItem("nutshell.hints") || ""]);
      const parsed = hints ? hints.split(",").map((h) => h.split(".").map(Number)) : [];
      dumped.push({ id: row.id, url: row.url, text, hints: parsed, summary });
    }
  } catch (e) {
    const status = await page.locator(".workspace-status").innerText().catch(() => "?");
    const clip = await page.evaluate(() => navigator.clipboard.readText().then((t) => t.length)).catch(() => -1);
    console.error(`${row.id}: ${String(e).split("\n")[0]} (clipboard ${clip} chars; status: ${status.slice(0, 120)})`);
  }
  await source.close();
  rich.push(summary.map((s) => s.replace(/\s*Why this sentence\?[\s\S]*$/, "").trim()));
  process.stderr.write(`\r${i + 1}/${rows.length}`);
}
process.stderr.write("\n");
if (dump) writeFileSync(dump, dumped.map((d) => JSON.stringify(d)).join("\n") + "\n");
await browser.close();
server.close();

if (process.env.SHOW) for (const [i, s] of rich.entries()) console.log(rows[i].id.slice(-12), JSON.stringify(s));
const gold = rows.map((r) => new Set(pairs(tokens(r.gold_body))));
console.log("| path | pages | summary sentences | junk in summary | pages w/ junk | 1st sent. junk |");
console.log("|---|---:|---:|---:|---:|---:|");
console.log(score("plain paste (CLI)", plainSummaries.map((summary, i) => ({ summary, gold: gold[i] }))));
console.log(score("rich paste (Chromium, dist/)", rich.map((summary, i) => ({ summary, gold: gold[i] }))));

// Article kept and junk removed, byte shares of the pasted lines (the same criterion labels each
// line; lines of one word, and the headline and standfirst, are left out): what the engine sets aside of the text and hints the page
// kept, through the CLI (the same engine; its outputs on them are the page's).
const marked = spawnSync(CLI, ["batch", "--no-facts"], {
  input: dumped.map((d) => JSON.stringify({ id: d.id, text: d.text, hints: d.hints })).join("\n") + "\n",
  maxBuffer: 1 << 30,
});
let art = 0, artKept = 0, junk = 0, junkRemoved = 0;
for (const [k, line] of marked.stdout.toString().trim().split("\n").entries()) {
  const d = dumped[k];
  const setAside = JSON.parse(line).boilerplate;
  const row = rows.find((r) => r.id === d.id);
  const goldPairs = gold[rows.indexOf(row)];
  // (The headline and standfirst are neither article nor junk, as in score_pastes.py.)
  const squash = (t) => t.split(/\s+/).filter(Boolean).join(" ");
  const plainBytes = Buffer.from(row.text);
  const neutral = new Set((row.neutral_spans || []).map(([a, b]) => squash(plainBytes.subarray(a, b).toString())));
  let start = 0;
  for (const piece of d.text.split("\n")) {
    const end = start + Buffer.byteLength(piece);
    if (tokens(piece).length >= 2 && !neutral.has(squash(piece))) {
      const n = Buffer.byteLength(piece.replace(/\s/g, ""));
      const aside = setAside.some((b) => start <= b.start && b.start < end);
      if (isArticle(piece, goldPairs)) {
        art += n;
        if (!aside) artKept += n;
      } else {
        junk += n;
        if (aside) junkRemoved += n;
      }
    }
    start = end + 1;
  }
}
console.log(`\nrich paste, lines labelled by their word pairs: article kept ${((100 * artKept) / art).toFixed(1)}%, junk removed ${((100 * junkRemoved) / junk).toFixed(1)}%`);
