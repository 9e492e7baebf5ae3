// Accessibility and no-third-party check of every client page of suoja, in
// Debian's headless Chromium driven by playwright-core, with axe-core.
//
//   node tests/browser/a11y.mjs [SUOJA_BIN]
//
// SUOJA_BIN (argument, else the environment variable, else target/debug/suoja
// under the repository root) is started with a throw-away config on
// 127.0.0.1:0. For fi, sv and en it visits the landing page, a contact form,
// that form sent back with validation errors, the receipt after a real
// submission, the check page, the check result for that receipt, the check
// page with a wrong receipt and a 404 page. On each it runs axe-core (WCAG
// 2.0/2.1 A and AA), checks <html lang> and <title>, that in-page links have
// a target, that nothing scrolls sideways at 320 px, that the page has no
// script, and that the browser asked nothing of any host but the server.
// It also checks the keyboard path through the header of each landing page,
// and the whole submit-and-check flow once more with JavaScript disabled.
//
// The last line is `N passed, M failed`; the exit code is 0 only when M is 0.
// CHROMIUM (default /usr/bin/chromium) names another Chromium binary.

import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { createRequire } from 'node:module';

import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

// The axe-core this package depends on, not the copy @axe-core/playwright
// pins for itself.
const axe = createRequire(import.meta.url)('axe-core');

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const LANGS = ['fi', 'sv', 'en'];
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const SLUG = 'helpline';
// A recipient whose identity was thrown away as soon as it was made: what
// this run seals can never be opened, which is all a browser check needs.
const RECIPIENT = 'age1dvyzyrxwkw87s7vtzaq27n6kjy2yrk5f2w0l4ekjq5kv5wy26ayqycjpqv';
const RECOVERY = 'age1404x8n69333ap3a3eg0x8pxejess0hmhzv3kq8uz66de9deglp7q7fvcpt';
// .invalid never resolves: if a page ever fetched it, nothing would leave.
const QUICK_EXIT = 'https://quick-exit.invalid/';
const START_TIMEOUT_MS = 30_000;
const OVERALL_TIMEOUT_MS = 10 * 60_000;
const SCREENSHOTS = { errors: '/tmp/a11y-contact-errors.png', receipt: '/tmp/a11y-receipt.png' };

const binArg = process.argv[2] || process.env.SUOJA_BIN;
const BIN = binArg ? path.resolve(binArg) : path.join(ROOT, 'target', 'debug', 'suoja');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

let passed = 0;
let failed = 0;
let server = null;
let browser = null;
let workDir = null;

function report(label, problems) {
  if (problems.length === 0) {
    passed += 1;
    console.log(`ok  ${label}`);
  } else {
    failed += 1;
    console.log(`FAIL ${label}`);
    for (const p of problems) console.log(`  ${p.replace(/\n/g, '\n  ')}`);
  }
}

function config(dir) {
  const q = (s) => JSON.stringify(s); // a TOML basic string is a JSON string here
  return `listen = "127.0.0.1:0"
database_url = ${q(`sqlite://${path.join(dir, 'suoja.db')}`)}
pepper_file = ${q(path.join(dir, 'pepper'))}
recovery_recipient = ${q(RECOVERY)}
quick_exit_url = ${q(QUICK_EXIT)}

[form]
min_fill_seconds = 0
max_age_seconds = 14400

[limits]
submissions_per_client_per_hour = 1000
submissions_per_service_per_minute = 1000
lookups_per_client_per_hour = 1000
lookups_per_minute = 1000
ipv4_prefix = 32
max_body_bytes = 131072

[[services]]
slug = ${q(SLUG)}
recipients = [${q(RECIPIENT)}]
topics = ["general", "crisis", { id = "peer-group", fi = "Vertaisryhmä", sv = "Kamratgrupp", en = "Peer group" }]
retention_days = 180
[services.name]
fi = "Tukilinja"
sv = "Stödlinjen"
en = "Support line"
[services.description]
fi = "Voit kertoa meille mistä tahansa nimettömästi."
sv = "Du kan berätta om vad som helst för oss anonymt."
en = "You can tell us about anything, anonymously."

[[services]]
slug = "youth"
recipients = [${q(RECIPIENT)}]
topics = ["general", "relationships"]
[services.name]
fi = "Nuorten linja"
sv = "Ungdomslinjen"
en = "Youth line"
[services.description]
fi = "Alle 25-vuotiaille."
sv = "För dig under 25 år."
en = "For people under 25."
`;
}

/** Starts the server and resolves with its base URL, from its stdout. */
async function startServer(configFile) {
  // Only the file we wrote configures it: no SUOJA_* override from outside.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('SUOJA_')),
  );
  server = spawn(BIN, ['serve', '--config', configFile], {
    cwd: workDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr = [];
  server.stderr.on('data', (d) => {
    stderr.push(d.toString());
    if (stderr.length > 200) stderr.shift();
  });
  return await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no "suoja listening on" line within ${START_TIMEOUT_MS} ms\n${stderr.join('')}`)),
      START_TIMEOUT_MS,
    );
    server.on('error', (e) => { clearTimeout(timer); reject(new Error(`cannot start ${BIN}: ${e.message}`)); });
    server.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${BIN} exited (${signal ?? code}) before listening\n${stderr.join('')}`));
    });
    createInterface({ input: server.stdout }).on('line', (line) => {
      const m = /^suoja listening on (http:\/\/[^/\s]+\/)$/.exec(line.trim());
      if (m) { clearTimeout(timer); resolve(new URL(m[1])); }
    });
  });
}

async function stopServer() {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((r) => server.once('exit', r));
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/**
 * A context that lets the browser talk to the server's origin only: every
 * other request is recorded and aborted, so nothing leaves even on failure.
 */
async function guardedContext(origin, options = {}) {
  const context = await browser.newContext({ locale: 'en-GB', ...options });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  const requests = [];
  const console_ = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    const ours = url.startsWith('about:') || new URL(url).origin === origin;
    requests.push({ url, method: route.request().method(), ours });
    return ours ? route.continue() : route.abort('blockedbyclient');
  });
  context.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') console_.push(`${m.type()}: ${m.text()}`);
  });
  context.on('weberror', (e) => console_.push(`page error: ${e.error().message}`));
  return { context, requests, console: console_ };
}

/** Everything checked on every page: network, lang, title, anchors, axe. */
async function checkPage(guard, page, lang, since, { runAxe = true } = {}) {
  const problems = [];
  for (const r of guard.requests.slice(since.requests)) {
    if (!r.ours) problems.push(`request to another host: ${r.method} ${r.url}`);
  }
  for (const c of guard.console.slice(since.console)) {
    // Chromium logs every 4xx response, the page's own included: the status
    // is checked separately. What is left (CSP reports, errors) fails.
    if (/Failed to load resource: the server responded with a status of 4\d\d/.test(c)) continue;
    problems.push(`console ${c}`);
  }
  const facts = await page.evaluate(() => ({
    lang: document.documentElement.getAttribute('lang'),
    title: document.title,
    anchors: [...document.querySelectorAll('a[href^="#"]')]
      .map((a) => a.getAttribute('href').slice(1))
      .filter((id) => id && !document.getElementById(decodeURIComponent(id))),
    scripts: document.querySelectorAll('script, [onclick], [onload], [onsubmit]').length,
  }));
  if (facts.lang !== lang) problems.push(`<html lang> is ${JSON.stringify(facts.lang)}, expected "${lang}"`);
  if (!facts.title.trim()) problems.push('<title> is empty');
  else if (/^\s*[–-]/.test(facts.title)) problems.push(`<title> has an empty page part: ${JSON.stringify(facts.title)}`);
  for (const id of facts.anchors) problems.push(`link to #${id}, which no element has as its id`);
  if (facts.scripts) problems.push(`${facts.scripts} script element(s) or inline handler(s) on a page meant to need no JavaScript`);
  // WCAG 1.4.10 (reflow), which axe does not test: at 320 CSS pixels wide
  // nothing may need scrolling sideways.
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 640 });
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > width + 1
        || (getComputedStyle(e).overflowX === 'visible' && e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0))
      .map((e) => e.tagName.toLowerCase() + (e.id ? `#${e.id}` : '') + (e.className ? `.${e.className}` : ''));
    return { scroll: document.documentElement.scrollWidth, width, wide: wide.slice(0, 5) };
  });
  if (overflow.scroll > overflow.width) {
    problems.push(`at 320 px wide the page scrolls sideways (${overflow.scroll} > ${overflow.width}): ${overflow.wide.join(', ')}`);
  }
  if (viewport) await page.setViewportSize(viewport);
  if (runAxe) {
    const results = await new AxeBuilder({ page, axeSource: axe.source }).withTags(AXE_TAGS).analyze();
    for (const v of results.violations) {
      const nodes = v.nodes.map((n) => `    ${n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' | ')}`);
      problems.push(`axe ${v.id} (${v.impact}): ${v.help}\n${nodes.join('\n')}`);
    }
  }
  return problems;
}

const mark = (guard) => ({ requests: guard.requests.length, console: guard.console.length });

/** Runs one named check; a thrown error fails it and the run goes on. */
async function step(label, fn) {
  try {
    report(label, await fn());
  } catch (e) {
    report(label, [`error: ${(e && e.stack) || e}`.split('\n').slice(0, 4).join('\n')]);
  }
}

function expectStatus(response, allowed) {
  const status = response ? response.status() : 0;
  return allowed.includes(status) ? [] : [`HTTP status ${status}, expected ${allowed.join(' or ')}`];
}

/** Opens a page, does `act` on it (which may navigate), then checks it. */
async function visit(guard, label, lang, act, opts = {}) {
  const page = await guard.context.newPage();
  try {
    await step(label, async () => {
      const since = mark(guard);
      const { problems = [] } = (await act(page)) || {};
      return [...problems, ...(await checkPage(guard, page, lang, since, opts))];
    });
  } finally {
    await page.close();
  }
}

/** Submits the contact form at `page` and waits for the answer to load. */
async function submitForm(page, { message, detail = '' }) {
  await page.locator('#topic').selectOption({ index: 1 });
  await page.locator('#message').fill(message);
  await page.locator('#way-none').check();
  await page.locator('#detail').fill(detail);
  const [response] = await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    page.locator('form button[type=submit]').click(),
  ]);
  return response;
}

async function submitReceipt(page, receipt) {
  await page.locator('#receipt').fill(receipt);
  const [response] = await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    page.locator('form button[type=submit]').click(),
  ]);
  return response;
}

async function readReceipt(page) {
  const text = (await page.locator('.receipt .code').textContent({ timeout: 5000 }))?.trim() ?? '';
  return text;
}

async function languageChecks(guard, base, lang) {
  const url = (p) => new URL(p, base).href;
  const formPath = `/${lang}/services/${SLUG}`;
  const shots = lang === 'en';

  await visit(guard, `/${lang}/`, lang, async (page) => {
    const problems = expectStatus(await page.goto(url(`/${lang}/`)), [200]);
    const links = await page.locator('.services a').count();
    if (links < 2) problems.push(`landing lists ${links} service link(s), expected 2`);
    return { problems };
  });

  await visit(guard, `/${lang}/ [keyboard]`, lang, async (page) => {
    const problems = [];
    await page.goto(url(`/${lang}/`));
    const focused = () => page.evaluate(() => {
      const e = document.activeElement;
      const r = e.getBoundingClientRect();
      return {
        cls: e.className, tag: e.tagName.toLowerCase(), id: e.id,
        inHeader: !!e.closest('header'), href: e.getAttribute('href'),
        visible: r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0
          && r.left < innerWidth && r.top < innerHeight,
      };
    });
    await page.keyboard.press('Tab');
    const first = await focused();
    if (first.cls !== 'skip') problems.push(`first Tab focuses <${first.tag} class="${first.cls}">, not the skip link`);
    else if (!first.visible) problems.push('the skip link is focused but not visible on screen');
    let reached = false;
    for (let i = 0; i < 12 && !reached; i += 1) {
      await page.keyboard.press('Tab');
      const f = await focused();
      if (f.cls.split(' ').includes('quick-exit')) {
        reached = true;
        if (!f.visible) problems.push('the quick-exit link is focused but not visible on screen');
        if (f.href !== QUICK_EXIT) problems.push(`the quick-exit link leads to ${f.href}, not ${QUICK_EXIT}`);
      } else if (!f.inHeader) {
        problems.push(`Tab left the header (at <${f.tag} class="${f.cls}">) before reaching the quick-exit link`);
        break;
      }
    }
    if (!reached && problems.length === 0) problems.push('the quick-exit link was not reached by Tab');
    // The skip link moves focus to <main>, so the next Tab starts there.
    await page.goto(url(`/${lang}/`));
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const after = await focused();
    if (after.id !== 'main') problems.push(`Enter on the skip link focuses <${after.tag} id="${after.id}">, not <main>`);
    return { problems };
  }, { runAxe: false });

  await visit(guard, `${formPath} [form]`, lang, async (page) => {
    const problems = expectStatus(await page.goto(url(formPath)), [200]);
    return { problems };
  });

  await visit(guard, `${formPath} [validation errors]`, lang, async (page) => {
    await page.goto(url(formPath));
    // Spaces satisfy `required` in the browser but not the server; a contact
    // detail with no way to use it is a second error.
    const response = await submitForm(page, { message: '   ', detail: 'x' });
    const problems = expectStatus(response, [422]);
    if (!(await page.locator('.error-summary li').count())) problems.push('no error summary shown');
    if ((await page.locator('#message').getAttribute('aria-invalid')) !== 'true') problems.push('#message is not marked aria-invalid');
    if ((await page.locator('#detail').getAttribute('aria-invalid')) !== 'true') problems.push('#detail is not marked aria-invalid');
    if (shots) await page.screenshot({ path: SCREENSHOTS.errors, fullPage: true });
    return { problems };
  });

  let receipt = '';
  const message = `Browser check (${lang}): a message sent by a11y.mjs.`;
  await visit(guard, `${formPath} [receipt]`, lang, async (page) => {
    await page.goto(url(formPath));
    const response = await submitForm(page, { message });
    const problems = expectStatus(response, [200, 201]);
    receipt = await readReceipt(page);
    if (!receipt) problems.push('no receipt code on the page');
    if (shots) await page.screenshot({ path: SCREENSHOTS.receipt, fullPage: true });
    return { problems };
  });

  await visit(guard, `/${lang}/check`, lang, async (page) => {
    const problems = expectStatus(await page.goto(url(`/${lang}/check`)), [200]);
    return { problems };
  });

  await visit(guard, `/${lang}/check [result]`, lang, async (page) => {
    if (!receipt) throw new Error('no receipt from the submission to look up');
    await page.goto(url(`/${lang}/check`));
    const problems = expectStatus(await submitReceipt(page, receipt), [200]);
    const thread = (await page.locator('.thread').textContent({ timeout: 5000 })) ?? '';
    if (!thread.includes(message)) problems.push('the thread does not show the message just sent');
    return { problems };
  });

  await visit(guard, `/${lang}/check [wrong receipt]`, lang, async (page) => {
    await page.goto(url(`/${lang}/check`));
    const problems = expectStatus(await submitReceipt(page, 'WRONG-RECEIPT-0000'), [404, 422]);
    if (!(await page.locator('.error-summary').count())) problems.push('no error shown');
    if ((await page.locator('#receipt').getAttribute('aria-invalid')) !== 'true') problems.push('#receipt is not marked aria-invalid');
    return { problems };
  });

  await visit(guard, `/${lang}/no-such-page [404]`, lang, async (page) => {
    const problems = expectStatus(await page.goto(url(`/${lang}/no-such-page`)), [404]);
    return { problems };
  });
}

/** The whole flow with JavaScript off: the pages must need none. */
async function noJavaScriptFlow(base) {
  const guard = await guardedContext(base.origin, { javaScriptEnabled: false });
  const lang = 'fi';
  const page = await guard.context.newPage();
  try {
    await step(`/${lang}/services/${SLUG} -> /${lang}/check [JavaScript disabled]`, async () => {
      const since = mark(guard);
      const message = 'Browser check without JavaScript.';
      await page.goto(new URL(`/${lang}/services/${SLUG}`, base).href);
      const problems = expectStatus(await submitForm(page, { message }), [200, 201]);
      const receipt = await readReceipt(page);
      if (!receipt) return [...problems, 'no receipt code on the page'];
      const link = page.locator(`main a[href="/${lang}/check"]`);
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), link.click()]);
      problems.push(...expectStatus(await submitReceipt(page, receipt), [200]));
      const thread = (await page.locator('.thread').textContent({ timeout: 5000 })) ?? '';
      if (!thread.includes(message)) problems.push('the check page does not show the message just sent');
      problems.push(...(await checkPage(guard, page, lang, since, { runAxe: false })));
      return problems;
    });
  } finally {
    await page.close();
    await guard.context.close();
  }
}

async function main() {
  if (!existsSync(BIN)) throw new Error(`no suoja binary at ${BIN} (build it with cargo build, or pass its path)`);
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (apt-get install chromium, or run tests/browser/run.sh)`);
  workDir = await mkdtemp(path.join(tmpdir(), 'suoja-a11y-'));
  const configFile = path.join(workDir, 'suoja.toml');
  await writeFile(configFile, config(workDir));
  const base = await startServer(configFile);
  console.log(`# ${BIN} at ${base.href}, ${CHROMIUM}, axe-core ${axe.version}`);

  // Playwright gives every launch a new, empty --user-data-dir of its own
  // (it refuses the flag in `args`) and removes it on close.
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  const guard = await guardedContext(base.origin);
  for (const lang of LANGS) await languageChecks(guard, base, lang);
  await guard.context.close();
  await noJavaScriptFlow(base);
}

async function cleanUp() {
  if (browser) await browser.close().catch(() => {});
  browser = null;
  await stopServer().catch(() => {});
  if (workDir) await rm(workDir, { recursive: true, force: true }).catch(() => {});
  workDir = null;
}

// If the run is cut short, the server and the temp folder still go (the
// browser dies with its pipe to this process).
process.on('exit', () => {
  if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});
// A closed stdout (`| head`) ends the run like an interruption.
process.stdout.on('error', () => process.exit(1));
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    console.log(`FAIL interrupted by ${sig}`);
    console.log(`${passed} passed, ${failed + 1} failed`);
    process.exit(130); // the exit handler above stops the server
  });
}

const watchdog = setTimeout(() => {
  console.log(`FAIL the whole run took longer than ${OVERALL_TIMEOUT_MS / 1000} s`);
  failed += 1;
  cleanUp().finally(() => { console.log(`${passed} passed, ${failed} failed`); process.exit(1); });
}, OVERALL_TIMEOUT_MS);

try {
  await main();
} catch (e) {
  report('setup', [`error: ${(e && e.message) || e}`]);
} finally {
  await cleanUp();
  clearTimeout(watchdog);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
