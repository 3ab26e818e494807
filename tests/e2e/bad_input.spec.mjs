// The bad-input corpus of issue 7 in the page: every item of tests/bad_input/ (the same files the
// engine's tests/bad_input.rs reads) and the generated ones, pasted into the built page. Each gets a
// summary or a clear message; the page keeps answering; no markup from the input is interpreted
// (no dialog, no script run, no element injected); nothing leaves the page's origin.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { expectSameOrigin, openPage, recordRequests, summarySentences, textBox } from "./helpers.mjs";

const CORPUS = "tests/bad_input";
const FILES = [
  "empty.txt",
  "whitespace_only.txt",
  "only_numbers.txt",
  "only_emoji.txt",
  "control_and_zero_width.txt",
  "replacement_chars.txt",
  "mixed_scripts.txt",
  "right_to_left.txt",
  "cjk_no_spaces.txt",
  "all_caps.txt",
  "html_script.html",
  "markdown.md",
  "source_code.rs.txt",
  "spreadsheet_table.tsv",
];

/** Deterministic pseudo-random bytes decoded as a lossy file reader would (U+FFFD for bad bytes). */
function binaryLossy(n) {
  const bytes = new Uint8Array(n);
  let seed = 11;
  for (let i = 0; i < n; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    bytes[i] = seed % 256;
  }
  return new TextDecoder("utf-8").decode(bytes);
}

const GENERATED = {
  "one 1 MB sentence without punctuation": () => {
    const words = ["council", "river", "bridge", "budget", "school", "report", "mayor", "plan"];
    const parts = [];
    for (let i = 0, size = 0; size < 1024 * 1024; i++) {
      const w = words[i % words.length] + (i % 7 === 0 ? "," : "");
      parts.push(w);
      size += w.length + 1;
    }
    return parts.join(" ");
  },
  "a single very long word": () => "a".repeat(256 * 1024),
  "binary-looking bytes": () => binaryLossy(64 * 1024),
};

const EMPTY_MESSAGE = "Paste an article to summarise it.";
/** Texts longer than this (the page's TEXT_BOX_MAX_BYTES) are summarised without being shown in the box. */
const LARGE_TEXT = 1_000_000;

/** Waits for the page's answer to `text`: summary sentences, or a notice; never a stuck spinner. */
async function expectAnswer(page, text) {
  const status = page.locator(".workspace-status");
  if (text.trim() === "") {
    await expect(status).toHaveText(EMPTY_MESSAGE);
    return;
  }
  // The answer to this text has replaced both the empty-page message and the spinner.
  await expect
    .poll(async () => (await status.textContent()) ?? "", { timeout: 120_000 })
    .toMatch(/^(?!.*Summarising)(?!Paste an article to summarise it\.$).+/s);
  const answered = page.locator(".summary-view-sentence, .workspace-status--notice");
  await expect(answered.first()).toBeVisible();
}

/** Counts of elements that pasted markup could inject or run. */
async function markupCounts(page) {
  return page.evaluate(() =>
    ["script", "img", "iframe", "svg", "style", "object", "embed", "a[href^='javascript']"].map(
      (selector) => document.querySelectorAll(selector).length,
    ),
  );
}

async function pasteAndCheck(page, context, baseURL, text) {
  const urls = recordRequests(context);
  const dialogs = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss();
  });
  const violations = await openPage(page);
  const before = await markupCounts(page);
  await textBox(page).fill(text);
  await page.keyboard.press("ControlOrMeta+Enter");
  await expectAnswer(page, text);
  // Nothing pasted was interpreted: no dialog, no script effect, no new elements.
  expect(dialogs).toEqual([]);
  expect(await page.evaluate(() => document.querySelector("h1")?.textContent)).not.toBe("pwned");
  expect(await markupCounts(page)).toEqual(before);
  // Nothing lost: the box holds what was pasted (browsers store line ends as \n); a text too long
  // for the box is kept whole and said so.
  if (text.length > LARGE_TEXT) {
    await expect(page.locator(".input-panel-large")).toContainText("MB of text");
  } else {
    expect(await textBox(page).inputValue()).toBe(text.replace(/\r\n?/g, "\n"));
  }
  // The page still answers.
  await page.getByRole("button", { name: "Clear" }).click();
  await expect(page.locator(".workspace-status")).toHaveText(EMPTY_MESSAGE);
  expectSameOrigin(urls, new URL(baseURL).origin);
  expect(violations).toEqual([]);
}

for (const file of FILES) {
  test(`bad input: ${file}`, async ({ page, context, baseURL }) => {
    const text = readFileSync(`${CORPUS}/${file}`, "utf8");
    await pasteAndCheck(page, context, baseURL, text);
    if (file === "html_script.html") {
      // The markup is shown as text in the source view, never rendered.
      await textBox(page).fill(text);
      await page.keyboard.press("ControlOrMeta+Enter");
      await expect(summarySentences(page).first()).toBeVisible();
      await expect(page.locator(".source-view")).toContainText("<script>");
    }
  });
}

for (const [name, make] of Object.entries(GENERATED)) {
  test(`bad input: ${name}`, async ({ page, context, baseURL }) => {
    test.setTimeout(180_000);
    await pasteAndCheck(page, context, baseURL, make());
  });
}

test("bad input: a 10 MB paste", async ({ page, context }) => {
  test.setTimeout(300_000);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await openPage(page);
  // Ten megabytes of real-looking paragraphs (numbered so that they differ), through the clipboard.
  const n_chars = await page.evaluate(async () => {
    const paragraph = (i) =>
      `The council met for the ${i}th time on Tuesday to discuss the river crossing. ` +
      `Engineers said report ${i} found cracks in ${i % 9} supports. Repairs could cost ${i} thousand pounds.`;
    const parts = [];
    for (let i = 0, size = 0; size < 10 * 1024 * 1024; i++) {
      parts.push(paragraph(i));
      size += parts[parts.length - 1].length + 2;
    }
    const big = parts.join("\n\n");
    await navigator.clipboard.writeText(big);
    return big.length;
  });
  expect(n_chars).toBeGreaterThan(10 * 1024 * 1024);
  await textBox(page).focus();
  await page.keyboard.press("ControlOrMeta+V");
  await expect(page.locator(".input-panel-large")).toContainText("MB of text");
  await expect(summarySentences(page)).toHaveCount(3, { timeout: 280_000 });
  // The page still answers.
  await page.getByRole("button", { name: "Clear" }).click();
  await expect(page.locator(".workspace-status")).toHaveText(EMPTY_MESSAGE);
});
