// The bookmarklet: an article page on a second local origin hands its text to Nutshell by
// postMessage; nothing goes to a third origin; forged messages are ignored; undo brings the
// earlier text back; a page whose policy stops the bookmarklet gets a plain-words message.
import { test, expect } from "@playwright/test";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { ARTICLE, openPage, summarySentences, textBox } from "./helpers.mjs";

const NOTES = "My own notes about the garden. The tomatoes need water every morning. The beans are late this year.";
const ARTICLE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ferry to close</title></head>
<body><nav><a href="#">Home</a> | <a href="#">News</a></nav><article><h1>The Stour ferry will stop in June</h1>
${ARTICLE.split(/(?<=\.) /).map((s) => `<p>${s}</p>`).join("\n")}</article></body></html>`;

/** A second origin: the article page, the same under a policy that forbids pop-ups, a huge page. */
let server;
let articleOrigin;
test.beforeAll(async () => {
  server = createServer((request, response) => {
    const headers = { "content-type": "text/html; charset=utf-8" };
    let body = ARTICLE_PAGE;
    if (request.url.startsWith("/sandboxed")) headers["content-security-policy"] = "sandbox allow-scripts allow-modals";
    if (request.url.startsWith("/isolated")) headers["cross-origin-opener-policy"] = "same-origin";
    // Paragraphs of the article's sentences, numbered, until the text is `chars` long.
    const huge = (chars) => {
      const sentences = ARTICLE.split(/(?<=\.) /);
      const parts = [];
      for (let i = 0, size = 0; size < chars; i++) {
        const sentence = `${i}. ${sentences[i % sentences.length]}`;
        parts.push(`<p>${sentence}</p>\n`);
        size += sentence.length + 2;
      }
      return `<!doctype html><html><head><title>Huge</title></head><body>${parts.join("")}</body></html>`;
    };
    if (request.url.startsWith("/huge")) body = huge(9_800_000);
    if (request.url.startsWith("/too-long")) body = huge(10_200_000);
    response.writeHead(200, headers);
    response.end(body);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  articleOrigin = `http://127.0.0.1:${server.address().port}`;
});
test.afterAll(() => server.close());

/** Opens Nutshell with `NOTES` saved in it and returns the page and its bookmarklet link. */
async function nutshellWithNotes(context) {
  const nutshell = await context.newPage();
  await openPage(nutshell);
  await textBox(nutshell).fill(NOTES);
  await nutshell.waitForFunction((notes) => localStorage.getItem("nutshell.text") === notes, NOTES);
  const href = await nutshell.getByRole("link", { name: "Summarize this page" }).getAttribute("href");
  expect(href).toMatch(/^javascript:/);
  return { nutshell, href };
}

/** Clicks the bookmarklet on `page` (as a link on it: a click, as from the bookmarks bar). */
async function clickBookmarklet(page, href) {
  await page.evaluate((href) => {
    const link = document.createElement("a");
    link.id = "the-bookmarklet";
    link.href = href;
    link.textContent = "bookmarklet";
    document.body.prepend(link);
  }, href);
  await page.click("#the-bookmarklet");
}

test("the bookmarklet hands the article to Nutshell in a new tab, and undo brings the earlier text back", async ({ context, baseURL }) => {
  const urls = [];
  context.on("request", (request) => urls.push(request.url()));
  const { href } = await nutshellWithNotes(context);
  const article = await context.newPage();
  await article.goto(`${articleOrigin}/article.html`);
  const [popup] = await Promise.all([article.waitForEvent("popup"), clickBookmarklet(article, href)]);
  await expect(textBox(popup)).toHaveValue(/The old ferry across the Stour estuary/);
  await expect(summarySentences(popup)).toHaveCount(3);
  for (const sentence of await summarySentences(popup).allTextContents()) {
    expect(ARTICLE).toContain(sentence);
  }
  // As a paste: saved, so it survives a reload.
  await popup.waitForFunction(() => (localStorage.getItem("nutshell.text") || "").includes("Stour estuary"));
  // The undo offer, like the rest of the page, passes axe.
  // (Evaluated from the test, so that the page's CSP stays on: it forbids adding a script.)
  await popup.evaluate(await readFile("node_modules/axe-core/axe.min.js", "utf8"));
  const violations = await popup.evaluate(async () =>
    (await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } }))
      .violations.map((v) => v.id),
  );
  expect(violations).toEqual([]);
  // One step of undo brings the notes back.
  await popup.getByRole("button", { name: "Undo" }).click();
  await expect(textBox(popup)).toHaveValue(NOTES);
  await expect(popup.getByRole("button", { name: "Undo" })).toHaveCount(0);

  // Again, then a reload: the article's text stays.
  const [again] = await Promise.all([article.waitForEvent("popup"), clickBookmarklet(article, href)]);
  await expect(textBox(again)).toHaveValue(/Stour estuary/);
  await again.waitForFunction(() => (localStorage.getItem("nutshell.text") || "").includes("Stour estuary"));
  await again.reload();
  await expect(textBox(again)).toHaveValue(/Stour estuary/);

  // Only the two origins were ever asked for anything.
  const origins = new Set(
    urls.filter((u) => !u.startsWith("data:")).map((u) => new URL(u.startsWith("blob:") ? u.slice(5) : u).origin),
  );
  expect([...origins].sort()).toEqual([new URL(baseURL).origin, articleOrigin].sort());
});

test("a selection is sent alone", async ({ context }) => {
  const { href } = await nutshellWithNotes(context);
  const article = await context.newPage();
  await article.goto(`${articleOrigin}/article.html`);
  await article.evaluate(() => {
    const paragraphs = document.querySelectorAll("article p");
    const range = document.createRange();
    range.setStartBefore(paragraphs[1]);
    range.setEndAfter(paragraphs[3]);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
  });
  const [popup] = await Promise.all([article.waitForEvent("popup"), clickBookmarklet(article, href)]);
  await expect(textBox(popup)).toHaveValue(/^The ferry has carried foot passengers/);
  expect(await textBox(popup).inputValue()).not.toContain("Stour estuary will stop");
});

test("a message without the token, or from another window, is ignored", async ({ context, baseURL }) => {
  const { nutshell } = await nutshellWithNotes(context);
  const token = await nutshell.evaluate(() => localStorage.getItem("nutshell.bookmarklet-token"));
  expect(token).toMatch(/^[0-9a-f]{32}$/);
  const opener = await context.newPage();
  await opener.goto(`${articleOrigin}/article.html`);
  // The page opens Nutshell itself and waits for its "ready".
  const [opened] = await Promise.all([
    opener.waitForEvent("popup"),
    opener.evaluate((url) => {
      window.ready = new Promise((resolve) => {
        addEventListener("message", (e) => e.data === "nutshell-ready" && resolve());
      });
      window.nutshell = window.open(url, "_blank");
    }, baseURL),
  ]);
  await opener.evaluate(() => window.ready);
  const origin = new URL(baseURL).origin;
  // No token, a wrong one, and the right one from another window (Nutshell's own).
  await opener.evaluate((origin) => {
    window.nutshell.postMessage({ text: "Forged one. It has no token at all." }, origin);
    window.nutshell.postMessage({ nutshell: "0".repeat(32), text: "Forged two. Its token is wrong." }, origin);
  }, origin);
  await opened.evaluate((token) => window.postMessage({ nutshell: token, text: "Forged three. Wrong window." }, "*"), token);
  await opened.waitForTimeout(500);
  await expect(textBox(opened)).toHaveValue(NOTES);
  // The listener was live all along: the opener with the token is heard.
  await opener.evaluate(
    ([origin, token]) => window.nutshell.postMessage({ nutshell: token, text: "The real one. It has the token." }, origin),
    [origin, token],
  );
  await expect(textBox(opened)).toHaveValue("The real one. It has the token.");
});

for (const [policy, path] of [
  ["a sandbox without pop-ups (CSP)", "sandboxed.html"],
  ["an opener policy that keeps other origins' tabs apart (COOP)", "isolated.html"],
]) {
  test(`a page whose policy stops the bookmarklet gets a message in plain words: ${policy}`, async ({ context }) => {
    test.setTimeout(60_000);
    const { href } = await nutshellWithNotes(context);
    const article = await context.newPage();
    await article.goto(`${articleOrigin}/${path}`);
    const dialog = article.waitForEvent("dialog");
    // (Run as the browser runs a bookmark: the script itself, not a link on the page.)
    await article.evaluate((code) => setTimeout(() => (0, eval)(code)), decodeURIComponent(href.slice("javascript:".length)));
    const shown = await dialog;
    expect(shown.message()).toMatch(/this site's security settings .*\. Copy the article's text and paste it into Nutshell instead\./);
    await shown.dismiss();
  });
}

test("a page with nearly 10 MB of text goes over; one with more says so", async ({ context }) => {
  test.setTimeout(300_000);
  const { href } = await nutshellWithNotes(context);
  const article = await context.newPage();
  await article.goto(`${articleOrigin}/huge.html`);
  expect(await article.evaluate(() => document.body.innerText.length)).toBeGreaterThan(9_500_000);
  const [popup] = await Promise.all([article.waitForEvent("popup"), clickBookmarklet(article, href)]);
  await expect(summarySentences(popup).first()).toBeVisible({ timeout: 240_000 });
  const words = await popup.locator(".stats-bar-words-in dd").textContent();
  expect(Number(words.replace(/\D/g, ""))).toBeGreaterThan(1_500_000);

  const tooLong = await context.newPage();
  await tooLong.goto(`${articleOrigin}/too-long.html`);
  const dialog = tooLong.waitForEvent("dialog");
  // (Not a click: the click would wait for the alert it opens.)
  await tooLong.evaluate((code) => setTimeout(() => (0, eval)(code)), decodeURIComponent(href.slice("javascript:".length)));
  const shown = await dialog;
  expect(shown.message()).toMatch(/more than 10 MB of text.*Select the article/);
  await shown.dismiss();
});

/** Serves dist/ on a port of its own (so that it can be stopped), with the types the page needs. */
async function serveDist() {
  const types = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css",
    ".svg": "image/svg+xml", ".webmanifest": "application/manifest+json", ".json": "application/json" };
  const dist = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    const file = join("dist", path.endsWith("/") ? `${path}index.html` : path);
    try {
      const body = await readFile(file);
      response.writeHead(200, { "content-type": types[extname(file)] || "application/octet-stream" });
      response.end(body);
    } catch {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise((resolve) => dist.listen(0, "127.0.0.1", resolve));
  return dist;
}

test("offline: once Nutshell is cached, the bookmarklet works with its server stopped", async ({ browser }) => {
  const dist = await serveDist();
  const origin = `http://127.0.0.1:${dist.address().port}`;
  const context = await browser.newContext({ serviceWorkers: "allow" });
  try {
    const nutshell = await context.newPage();
    await nutshell.goto(`${origin}/`);
    await expect(textBox(nutshell)).toBeVisible();
    await nutshell.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve));
      }
    });
    const href = await nutshell.getByRole("link", { name: "Summarize this page" }).getAttribute("href");
    const closed = new Promise((resolve) => dist.close(resolve));
    dist.closeAllConnections();
    await closed;
    await expect(nutshell.request.get(`${origin}/index.html`)).rejects.toThrow();

    const article = await context.newPage();
    await article.goto(`${articleOrigin}/article.html`);
    const [popup] = await Promise.all([article.waitForEvent("popup"), clickBookmarklet(article, href)]);
    await expect(textBox(popup)).toHaveValue(/Stour estuary/);
    await expect(summarySentences(popup)).toHaveCount(3);
  } finally {
    dist.close();
    await context.close();
  }
});
