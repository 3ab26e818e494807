// Shared by the end-to-end specs.
import { expect } from "@playwright/test";

export const ARTICLE = [
  "The old ferry across the Stour estuary will stop running at the end of June, the county council confirmed on Thursday, after the operator said it could no longer find qualified crew.",
  "The ferry has carried foot passengers and cyclists between Harwick and Mistley Quay since 1912, and last summer it made more than 9,000 crossings.",
  "Councillors said they had spent two years looking for a new operator without success.",
  "A replacement bus will take forty minutes to make the same journey by road, a trip the ferry makes in six.",
  "Local businesses on both banks fear the closure will cost them trade during the tourist season.",
  "\"Half of our summer customers arrive on that boat,\" said the owner of a café at Mistley Quay.",
  "The council has promised to keep the landing stages in good repair in case a new operator comes forward.",
  "A public meeting about the future of the crossing will be held in Harwick village hall next month.",
].join(" ");

/** Records every request the page (and its workers) make. */
export function recordRequests(context) {
  const urls = [];
  context.on("request", (request) => urls.push(request.url()));
  return urls;
}

/** Asserts every recorded URL is on `origin` (blob: and data: URLs the page made itself count as its own). */
export function expectSameOrigin(urls, origin) {
  const foreign = urls.filter((url) => {
    if (url.startsWith("data:")) return false;
    const own = url.startsWith("blob:") ? url.slice(5) : url;
    return new URL(own).origin !== origin;
  });
  expect(foreign, "requests to another origin").toEqual([]);
  expect(urls.length).toBeGreaterThan(0);
}

/** Opens the page and waits for the app to render its first answer. */
export async function openPage(page) {
  const violations = [];
  page.on("console", (message) => {
    if (/Content.Security.Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  page.on("pageerror", (error) => violations.push(String(error)));
  await page.goto("./");
  await expect(page.getByLabel(/Paste an article/)).toBeVisible();
  await expect(page.locator(".workspace-status")).not.toBeEmpty();
  return violations;
}

export function textBox(page) {
  return page.getByLabel(/Paste an article/);
}

export function summarySentences(page) {
  return page.locator(".summary-view-sentence");
}
