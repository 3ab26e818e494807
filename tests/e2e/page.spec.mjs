// The page's promises, one test each, against the built dist/.
import { test, expect } from "@playwright/test";
import { PORT } from "../../playwright.config.mjs";
import {
  ARTICLE,
  expectSameOrigin,
  openPage,
  recordRequests,
  summarySentences,
  textBox,
} from "./helpers.mjs";

test("pasting an article shows its summary, and nothing leaves the page's origin", async ({ page, context, baseURL }) => {
  const urls = recordRequests(context);
  const violations = await openPage(page);
  await expect(page.locator(".workspace-status")).toHaveText("Paste an article to summarise it.");

  await textBox(page).focus();
  await page.keyboard.insertText(ARTICLE);
  await expect(summarySentences(page)).toHaveCount(3);
  for (const sentence of await summarySentences(page).allTextContents()) {
    expect(ARTICLE).toContain(sentence);
  }
  await expect(page.locator(".stats-bar-words-in dd")).not.toHaveText("0");
  await expect(page.locator(".stats-bar-language dd")).toHaveText("English");
  await expect(page.locator(".workspace-status")).toContainText("Summary ready");

  // The worker did the work: it was started from the page's origin (it runs the page's own wasm).
  expect(urls.some((url) => url.endsWith("/worker.js"))).toBe(true);
  expect(page.workers().map((worker) => new URL(worker.url()).pathname)).toContain("/worker.js");
  expectSameOrigin(urls, new URL(baseURL).origin);
  expect(violations).toEqual([]);
});

test("a rich-text paste keeps the words and paragraphs, never the markup", async ({ page }) => {
  await openPage(page);
  await textBox(page).focus();
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData(
      "text/html",
      "<h2>Ferry to close</h2><p>The old ferry will <b>stop</b> running in June.</p>" +
        "<script>window.pwned = true</script><img src=x onerror='window.pwned = true'>" +
        "<p>Councillors looked for a new operator for two years.</p>",
    );
    data.setData("text/plain", "plain fallback");
    const event = new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true });
    document.querySelector("#article-text").dispatchEvent(event);
  });
  await expect(textBox(page)).toHaveValue(
    "Ferry to close\n\nThe old ferry will stop running in June.\n\nCouncillors looked for a new operator for two years.",
  );
  expect(await page.evaluate(() => window.pwned)).toBeUndefined();
  await expect(page.locator(".source-view-text")).toContainText("The old ferry will stop running in June.");
  await expect(page.locator(".source-view-text img, .source-view-text script")).toHaveCount(0);
});

test("the example button fills in an article and sets its page furniture aside", async ({ page }) => {
  await openPage(page);
  await page.getByRole("button", { name: "Try an example" }).click();
  await expect(textBox(page)).toHaveValue(/Millbrook/);
  await expect(summarySentences(page)).toHaveCount(3);
  const struck = page.locator(".source-view-text .source-view-sentence--boilerplate");
  expect(await struck.count()).toBeGreaterThan(0);
  await expect(page.locator(".source-view-text")).toContainText("Sign up to our Green Valley newsletter");
  await page.getByLabel(/Show why/).check();
  await expect(page.locator(".source-view-reason").first()).toContainText("Set aside:");
});

test("the reader sets a line aside and brings it back, and the choice survives a reload", async ({ page }) => {
  await openPage(page);
  await page.getByRole("button", { name: "Try an example" }).click();
  await expect(summarySentences(page)).toHaveCount(3);
  await page.getByLabel(/Show why/).check();
  // A chosen sentence that starts its line has a "Set aside" button just before it.
  const chosen = await page.evaluate(() => {
    for (const s of document.querySelectorAll(".source-view-text .source-view-sentence--chosen")) {
      const button = s.previousElementSibling;
      if (button && button.matches("button.source-view-override")) {
        button.click();
        return s.textContent;
      }
    }
    return null;
  });
  expect(chosen).not.toBeNull();
  const reason = page.locator(".source-view-reason", { hasText: "set aside by you" });
  await expect(reason).toHaveCount(1);
  await expect(summarySentences(page)).toHaveCount(3);
  expect(await summarySentences(page).allTextContents()).not.toContain(chosen);
  await expect(page.locator(".source-view-text .source-view-sentence--boilerplate", { hasText: chosen })).toHaveCount(1);

  await page.waitForFunction(() => (localStorage.getItem("nutshell.overrides") || "").endsWith("-"));
  await page.waitForFunction(() => (localStorage.getItem("nutshell.text") || "").includes("Millbrook"));
  await page.reload();
  await expect(summarySentences(page)).toHaveCount(3);
  expect(await summarySentences(page).allTextContents()).not.toContain(chosen);
  await page.getByLabel(/Show why/).check();
  await reason.getByRole("button", { name: "Bring back" }).click();
  await expect(summarySentences(page).filter({ hasText: chosen })).toHaveCount(1);
  await expect(reason).toHaveCount(0);
  await page.waitForFunction(() => localStorage.getItem("nutshell.overrides") === null);
});

test("changing the length changes the summary", async ({ page }) => {
  await openPage(page);
  await page.getByRole("button", { name: "Try an example" }).click();
  await expect(summarySentences(page)).toHaveCount(3);
  await page.getByLabel("Summary length in sentences").fill("5");
  await expect(summarySentences(page)).toHaveCount(5);
  await page.getByLabel("Unit").selectOption("percent");
  await expect(page.getByLabel("Summary length in percent of the article")).toHaveValue("20");
  const n_percent = await summarySentences(page).count();
  await page.getByLabel("Summary length in percent of the article").fill("60");
  await expect.poll(() => summarySentences(page).count()).toBeGreaterThan(n_percent);
});

test("a word budget is never exceeded, and one sentence is a TL;DR", async ({ page }) => {
  await openPage(page);
  await page.getByRole("button", { name: "Try an example" }).click();
  await expect(summarySentences(page)).toHaveCount(3);
  await page.getByLabel("Summary length in sentences").fill("1");
  await expect(summarySentences(page)).toHaveCount(1);
  await page.getByLabel("Unit").selectOption("words");
  await expect(page.getByLabel("Summary length in words at most")).toHaveValue("60");
  // Words as the engine counts them: runs with a letter or digit.
  const words = async () =>
    (await summarySentences(page).allTextContents())
      .join(" ")
      .split(/\s+/)
      .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  await expect.poll(words).toBeGreaterThan(0);
  expect(await words()).toBeLessThanOrEqual(60);
  await page.getByLabel("Summary length in words at most").fill("30");
  await expect.poll(words).toBeLessThanOrEqual(30);
  expect(await summarySentences(page).count()).toBeGreaterThan(0);
});

test("the kinds of summary are chosen with the keyboard: key points as bullets, a one-sentence TL;DR", async ({ page }) => {
  await openPage(page);
  await page.getByRole("button", { name: "Try an example" }).click();
  await expect(summarySentences(page)).toHaveCount(3);
  const three = await summarySentences(page).allTextContents();
  const kind = page.getByRole("group", { name: "Kind of summary" });
  await kind.getByRole("radio", { name: "Summary" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(kind.getByRole("radio", { name: "Key points" })).toBeChecked();
  await expect(page.getByRole("list", { name: "Key points" }).locator(".summary-view-sentence")).toHaveText(three);
  await page.keyboard.press("ArrowRight");
  await expect(kind.getByRole("radio", { name: "TL;DR" })).toBeChecked();
  await expect(summarySentences(page)).toHaveCount(1);
  await expect(page.getByLabel("Summary length in sentences")).toHaveCount(0);
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await expect(summarySentences(page)).toHaveText(three);
});

test("Ctrl+Enter summarises at once", async ({ page }) => {
  await openPage(page);
  await textBox(page).fill(ARTICLE);
  await textBox(page).press("Control+Enter");
  await expect(summarySentences(page)).toHaveCount(3, { timeout: 2_000 });
});

test("clicking a summary sentence shows it in the source", async ({ page }) => {
  await openPage(page);
  await page.getByRole("button", { name: "Try an example" }).click();
  const third = summarySentences(page).nth(2);
  const sentence = await third.textContent();
  await third.click();
  await expect(third).toHaveAttribute("aria-pressed", "true");
  const focused = page.locator(".source-view-text .source-view-sentence--focused");
  await expect(focused).toHaveText(sentence);
  await expect(focused).toBeInViewport();
});

test("each summary sentence says why it was chosen, from the keyboard too", async ({ page }) => {
  await openPage(page);
  await page.getByRole("button", { name: "Try an example" }).click();
  await expect(summarySentences(page)).toHaveCount(3);
  const why = page.locator(".summary-view-why");
  await expect(why).toHaveCount(3);
  const reasons = why.first().locator("li");
  await expect(reasons.first()).toBeHidden();
  // The disclosure is reached with Tab after its sentence and opened with Enter.
  await summarySentences(page).first().focus();
  await page.keyboard.press("Tab");
  await expect(why.first().locator("summary")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(reasons.first()).toBeVisible();
  expect(await reasons.count()).toBeGreaterThan(0);
  expect(await reasons.count()).toBeLessThanOrEqual(3);
  // Hovering shows the same words.
  const words = (await reasons.allTextContents()).join("; ");
  await expect(why.first().locator("summary")).toHaveAttribute("title", words);
});

test("the summary can be copied and downloaded", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await openPage(page);
  await page.getByRole("button", { name: "Try an example" }).click();
  await expect(summarySentences(page)).toHaveCount(3);
  const sentences = await summarySentences(page).allTextContents();

  await page.getByRole("button", { name: "Copy summary" }).click();
  await expect(page.locator(".workspace-status")).toContainText("Summary copied.");
  const plain = await page.evaluate(() => navigator.clipboard.readText());
  expect(plain.split("\n")).toEqual(sentences.map((s) => s.split(/\s+/).join(" ")));

  await page.getByRole("button", { name: "Copy as Markdown" }).click();
  await expect(page.locator(".workspace-status")).toContainText("as Markdown");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^## Summary\n/);

  const [markdown] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download .md" }).click(),
  ]);
  expect(markdown.suggestedFilename()).toBe("summary.md");
  const [json] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download .json" }).click(),
  ]);
  expect(json.suggestedFilename()).toBe("summary.json");
  const { readFile } = await import("node:fs/promises");
  const record = JSON.parse(await readFile(await json.path(), "utf8"));
  expect(record.summary.length).toBe(3);
  expect(record.why.length).toBe(3);
  expect(record.why.every((merits) => merits.length > 0)).toBe(true);
  expect(record.language).toBe("en");
});

test("a dropped file and an opened file replace the text", async ({ page }) => {
  await openPage(page);
  await page.evaluate((article) => {
    const data = new DataTransfer();
    const html = `<html><body><h1>Ferry news</h1><p>${article}</p></body></html>`;
    data.items.add(new File([html], "ferry.html", { type: "text/html" }));
    const target = document.querySelector(".input-panel");
    target.dispatchEvent(new DragEvent("dragover", { dataTransfer: data, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
  }, ARTICLE);
  await expect(textBox(page)).toHaveValue(/^Ferry news\n\nThe old ferry/);
  await expect(page.locator(".workspace-status")).toContainText("Opened ferry.html.");
  await expect(summarySentences(page)).toHaveCount(3);

  await page.locator("#article-file").setInputFiles({
    name: "notes.md",
    mimeType: "text/markdown",
    buffer: Buffer.from("# Notes\n\n" + ARTICLE.split(". ").reverse().join(". ")),
  });
  await expect(textBox(page)).toHaveValue(/^# Notes\n\n/);
});

test("reloading keeps the text, and the page says it stays on the device", async ({ page }) => {
  await openPage(page);
  await textBox(page).fill(ARTICLE);
  await expect(summarySentences(page)).toHaveCount(3);
  await expect(page.locator(".input-panel-privacy")).toContainText("never leaves this device");
  await page.waitForFunction((article) => localStorage.getItem("nutshell.text") === article, ARTICLE);
  await page.reload();
  await expect(textBox(page)).toHaveValue(ARTICLE);
  await expect(summarySentences(page)).toHaveCount(3);

  await page.getByRole("button", { name: "Clear" }).click();
  await expect(textBox(page)).toHaveValue("");
  await expect(page.locator(".workspace-status")).toHaveText("Paste an article to summarise it.");
  await page.waitForFunction(() => localStorage.getItem("nutshell.text") === null);
});

test("when storage refuses the text, the page says so and keeps working", async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException("quota", "QuotaExceededError");
    };
  });
  await openPage(page);
  await textBox(page).fill(ARTICLE);
  await expect(summarySentences(page)).toHaveCount(3);
  await expect(page.locator(".input-panel-privacy--warning")).toContainText("would not let the page save your text");
});

for (const [name, input, message] of [
  ["empty", "", "Paste an article to summarise it."],
  ["only whitespace", "   \n\n\t  \n ", "Paste an article to summarise it."],
  ["only punctuation", "... --- !!! ??? *** ///", "This text has no words to summarise."],
]) {
  test(`bad input (${name}) gets a clear message`, async ({ page }) => {
    await openPage(page);
    await textBox(page).fill("Something first. Then something else.");
    await textBox(page).fill(input);
    await expect(page.locator(".workspace-status")).toHaveText(message);
    await expect(summarySentences(page)).toHaveCount(0);
  });
}

test("binary-looking text gets a message, not a frozen page", async ({ page }) => {
  await openPage(page);
  // Bytes of a PNG-like file decoded as text: control characters, replacement characters, runs of symbols.
  const binary = await page.evaluate(() => {
    let s = "\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR";
    let seed = 7;
    for (let i = 0; i < 4000; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      const byte = seed % 256;
      s += byte < 32 ? String.fromCharCode(byte) : byte > 126 ? "\uFFFD" : String.fromCharCode(byte);
    }
    return s;
  });
  await textBox(page).fill(binary);
  // The engine's notice for binary data decoded as text (Notice::NotText).
  const status = page.locator(".workspace-status.workspace-status--notice");
  await expect(status).toHaveText(/looks like binary data, not text/);
  await expect(status).not.toHaveText("Paste an article to summarise it.");
  // The page still answers.
  await page.getByRole("button", { name: "Clear" }).click();
  await expect(page.locator(".workspace-status")).toHaveText("Paste an article to summarise it.");
});

test("the theme follows the system and the toggle overrides it", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await openPage(page);
  const toggle = page.getByRole("button", { name: /Dark theme/ });
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(await background()).toBe("rgb(18, 20, 23)");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  expect(await background()).toBe("rgb(255, 255, 255)");
  await page.reload();
  await expect(page.getByRole("button", { name: /Dark theme/ })).toHaveAttribute("aria-pressed", "false");
});

test("everything works from the keyboard", async ({ page }) => {
  await openPage(page);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: /Dark theme/ })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(textBox(page)).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Try an example" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(summarySentences(page)).toHaveCount(3);
  const first = summarySentences(page).first();
  await first.focus();
  await page.keyboard.press("Enter");
  await expect(first).toHaveAttribute("aria-pressed", "true");
  const outline = await first.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).toBe("solid");
});

test("clicking an entity or a key fact marks it in the source", async ({ page }) => {
  await openPage(page);
  await page.getByRole("button", { name: "Try an example" }).click();
  await expect(summarySentences(page)).toHaveCount(3);
  const entity = page.locator(".facts-view-entity").first();
  test.skip((await entity.count()) === 0, "the engine found no entities in the example");
  const name = await entity.locator(".facts-view-entity-name").textContent();
  await entity.click();
  await expect(entity).toHaveAttribute("aria-pressed", "true");
  const mark = page.locator(".source-view-text .source-view-mark");
  await expect(mark).toHaveCount(1);
  await expect(mark).toBeInViewport();
  // The mark is one of the entity's mentions: the same words, maybe shorter ("Haddad" for "Amira Haddad").
  const marked = (await mark.textContent()).trim();
  expect(name.includes(marked) || marked.includes(name)).toBe(true);

  const fact = page.locator(".facts-view-fact").first();
  if ((await fact.count()) > 0) {
    const factText = await fact.textContent();
    await fact.click();
    await expect(page.locator(".source-view-text .source-view-sentence--focused")).toContainText(factText.trim());
  }
});

test("dist/ works under a sub-path", async ({ browser }) => {
  const { mkdtempSync, mkdirSync, symlinkSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join, resolve } = await import("node:path");
  const { spawn } = await import("node:child_process");
  const root = mkdtempSync(join(tmpdir(), "nutshell-subpath-"));
  mkdirSync(join(root, "tools"), { recursive: true });
  symlinkSync(resolve("dist"), join(root, "tools", "nutshell"));
  // (Beside the suite's own server: eight ports above it, whatever NUTSHELL_E2E_PORT set.)
  const port = PORT + 8;
  const server = spawn("python3", ["-m", "http.server", "--bind", "127.0.0.1", String(port), "--directory", root], {
    stdio: "ignore",
  });
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const urls = recordRequests(context);
    for (let i = 0; i < 50; i++) {
      try {
        await page.goto(`http://127.0.0.1:${port}/tools/nutshell/`);
        break;
      } catch {
        await page.waitForTimeout(200);
      }
    }
    await page.getByRole("button", { name: "Try an example" }).click();
    await expect(summarySentences(page)).toHaveCount(3);
    const paths = urls.map((url) => new URL(url).pathname);
    expect(paths.filter((p) => !p.startsWith("/tools/nutshell/"))).toEqual([]);
  } finally {
    server.kill();
    await context.close();
  }
});

test("when the worker cannot start, the page summarises on its own thread", async ({ page }) => {
  await page.route("**/worker.js", (route) => route.abort());
  await openPage(page);
  await textBox(page).fill(ARTICLE);
  await page.keyboard.press("ControlOrMeta+Enter");
  await expect(summarySentences(page)).toHaveCount(3);
  await expect(page.locator(".workspace-status")).toContainText("Summary ready");
});
