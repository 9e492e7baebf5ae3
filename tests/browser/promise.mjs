// The service's promise (issue 20) in Debian's headless Chromium with
// JavaScript off:
//
//   node tests/browser/promise.mjs [SUOJA_BIN]
//
// A service promises an answer within 3 working days and has a long
// automatic reply in fi, sv, en and ar. In each of the eleven client
// languages a client sends a request and opens the check page: the page
// must show the promise, the day it waits since and the automatic reply
// (in a fallback language marked with its lang), pass axe (the WCAG 2.2 AA
// tags of common.mjs), lang and dir, and the reflow checks at 320 px, and
// a screenshot at 320 px is left under target/browser-screenshots/promise-*.
// An admin then opens the service form in fi, sv and en (axe, 320 px, a
// screenshot); in en the form is sent with a bad answer time, and the
// error page is checked too. The last line is `N passed, M failed`.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { chromium } from 'playwright-core';

import {
  baseConfig,
  CHROMIUM, SHOTS_DIR, addStaff, axeProblems, reporter, startServer, stopServer,
} from './common.mjs';
import { layoutProblems } from './layout.mjs';
import { CLIENT_LANGS, langProblems } from './wcag22.mjs';

const SLUG = 'helpline';
const RECIPIENT = 'age1dvyzyrxwkw87s7vtzaq27n6kjy2yrk5f2w0l4ekjq5kv5wy26ayqycjpqv';
const RECOVERY = 'age1404x8n69333ap3a3eg0x8pxejess0hmhzv3kq8uz66de9deglp7q7fvcpt';
const ADA = { username: 'ada', name: 'Ada Admin', role: 'admin', newPassword: 'ada promises three days' };
const AUTO = {
  fi: 'Kiitos viestistäsi. Perheneuvontapalvelukeskuksen työntekijä lukee jokaisen viestin ja vastaa kolmen arkipäivän kuluessa. Jos tilanne on kiireellinen, soita hätänumeroon 112 tai kriisipuhelimeen.',
  sv: 'Tack för ditt meddelande. En medarbetare vid familjerådgivningstjänstecentralen läser varje meddelande och svarar inom tre vardagar. Om det är brådskande, ring nödnumret 112 eller krisjouren.',
  en: 'Thank you for your message. A counsellor at the family counselling service centre reads every message and answers within three working days. If it is urgent, call the emergency number 112 or the crisis line.',
  ar: 'شكرًا على رسالتك. يقرأ أحد المستشارين كل رسالة ويرد خلال ثلاثة أيام عمل. إذا كان الأمر عاجلًا، اتصل برقم الطوارئ 112.',
};
const MESSAGE = 'Perheneuvontapalvelukeskuksessa sanottiin, että asiakasmaksukattoseurantajärjestelmä ei toimi. '
  + 'Katso https://example.org/ohjeet/asiakasmaksut/perheneuvonta/usein-kysytyt-kysymykset?kieli=fi ja vastaa kun ehdit.';
const WITHIN = {
  fi: 'Vastaamme 3 arkipäivän kuluessa.', sv: 'Vi svarar inom 3 vardagar.', en: 'We answer within 3 working days.',
};
const { report, counts } = reporter();

function config(dir) {
  const q = JSON.stringify;
  const auto = Object.entries(AUTO).map(([l, t]) => `${l} = ${q(t)}`).join('\n');
  return baseConfig(dir, { recovery: RECOVERY }) + `[[services]]
slug = ${q(SLUG)}
recipients = [${q(RECIPIENT)}]
topics = ["general"]
answer_days = 3
[services.name]
fi = "Lasten, nuorten ja perheiden mielenterveysneuvontapalvelu ympäri vuorokauden"
sv = "Stödlinjen för barn, unga och familjer: samtalsstöd dygnet runt"
en = "Support line for children, young people and families, day and night"
[services.description]
fi = "Voit kertoa meille mistä tahansa nimettömästi."
sv = "Du kan berätta om vad som helst för oss anonymt."
en = "You can tell us about anything, anonymously."
[services.auto_reply]
${auto}
`;
}

async function clickAndWait(page, locator) {
  const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), locator.click()]);
  return response;
}

/**
 * A page with JavaScript off: the context has it, the page's scripts are
 * switched off through the DevTools protocol (axe-core needs timers, which
 * a context made without JavaScript never runs; see langs.mjs).
 */
async function noScriptPage(browser) {
  const context = await browser.newContext();
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
  page.cdp = cdp;
  return { context, page };
}

/** Axe, lang and dir, and reflow at 320 px with a screenshot. */
async function checks(page, label, code) {
  await page.cdp.send('Emulation.setScriptExecutionDisabled', { value: false });
  try {
    return await measured(page, label, code);
  } finally {
    await page.cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
  }
}

async function measured(page, label, code) {
  const scripts = await page.evaluate(() => document.scripts.length);
  const problems = scripts ? [`${scripts} script element(s)`] : [];
  if (code) problems.push(...await langProblems(page, code));
  problems.push(...await axeProblems(page));
  problems.push(...await layoutProblems(page, { label: `promise-${label}`, shots: SHOTS_DIR, widths: [320], shotWidths: [320] }));
  return problems;
}

async function clientCheck(browser, base, lang) {
  const { context, page } = await noScriptPage(browser);
  const problems = [];
  try {
    await page.goto(new URL(`/${lang.code}/services/${SLUG}`, base).href);
    await page.locator('#message').fill(MESSAGE);
    await page.locator('input[name=way][value=none]').check();
    await clickAndWait(page, page.locator('main form button[type=submit]').last());
    const receipt = ((await page.locator('.receipt .code').first().textContent()) || '').trim();
    if (!receipt) return ['no receipt'];
    await page.goto(new URL(`/${lang.code}/check`, base).href);
    await page.locator('#receipt').fill(receipt);
    await clickAndWait(page, page.locator('main form button[type=submit]'));
    const meta = await page.locator('.case-meta dt').count();
    if (meta !== 5) problems.push(`${meta} rows in the case's details, not 5 (service, day, status, waiting since, answer time)`);
    const within = WITHIN[lang.code];
    const text = await page.locator('main').innerText();
    if (within && !text.includes(within)) problems.push(`no "${within}"`);
    const auto = AUTO[lang.code] || (lang.code === 'fi-selko' ? AUTO.fi : lang.code === 'sv-lattlast' ? AUTO.sv : AUTO.en);
    const shown = page.locator('.thread .message', { hasText: auto.slice(0, 30) });
    if (await shown.count() !== 1) problems.push('the automatic reply is not shown once');
    else {
      const marked = await shown.getAttribute('lang');
      // Plain Finnish and easy Swedish pages are lang="fi" and "sv": the
      // Finnish or Swedish reply needs no mark there.
      const written = Object.hasOwn(AUTO, lang.code) ? lang.code
        : { 'fi-selko': 'fi', 'sv-lattlast': 'sv' }[lang.code] || 'en';
      const want = written === lang.html ? null : written;
      if (marked !== want) problems.push(`the reply is marked lang="${marked}", not ${want}`);
    }
    problems.push(...await checks(page, `check-${lang.code}`, lang.code));
  } catch (e) {
    problems.push(String(e));
  } finally {
    await context.close();
  }
  return problems;
}

async function adminForm(browser, base, password) {
  const { context, page } = await noScriptPage(browser);
  await page.goto(new URL('/en/staff/login', base).href);
  await page.locator('#username').fill(ADA.username);
  await page.locator('#password').fill(password);
  await clickAndWait(page, page.locator('form[action="/en/staff/login"] button[type=submit]'));
  await page.locator('#current').fill(password);
  await page.locator('#new').fill(ADA.newPassword);
  await page.locator('#repeat').fill(ADA.newPassword);
  await clickAndWait(page, page.locator('form[action="/en/staff/account/password"] button[type=submit]'));
  for (const lang of ['fi', 'sv', 'en']) {
    const problems = [];
    try {
      await page.goto(new URL(`/${lang}/staff/services/${SLUG}`, base).href);
      if ((await page.locator('#answer_days').inputValue()) !== '3') problems.push('the answer time is not filled in');
      if ((await page.locator('#auto_reply_ar').inputValue()) !== AUTO.ar) problems.push('the Arabic reply is not filled in');
      if ((await page.locator('#auto_reply_ar').getAttribute('dir')) !== 'rtl') problems.push('the Arabic reply is not rtl');
      problems.push(...await checks(page, `service-form-${lang}`, null));
    } catch (e) {
      problems.push(String(e));
    }
    report(`admin service form /${lang}/staff/services/${SLUG}`, problems);
  }
  const problems = [];
  try {
    await page.locator('#answer_days').fill('9x');
    await clickAndWait(page, page.locator('main form button[type=submit]'));
    if ((await page.locator('#answer_days').getAttribute('aria-invalid')) !== 'true') problems.push('the bad field is not marked invalid');
    if ((await page.locator('#answer_days').inputValue()) !== '9x') problems.push('what was typed is not kept');
    problems.push(...await checks(page, 'service-form-en-error', null));
  } catch (e) {
    problems.push(String(e));
  }
  report('admin service form with a bad answer time', problems);
  await context.close();
}

async function main() {
  const dir = await mkdtemp(path.join(tmpdir(), 'suoja-promise-'));
  const configFile = path.join(dir, 'suoja.toml');
  await writeFile(configFile, config(dir));
  const password = await addStaff(configFile, dir, { ...ADA, service: SLUG });
  const { server, base: started } = startServer(configFile, dir);
  let browser;
  try {
    const base = await started;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    for (const lang of CLIENT_LANGS) {
      console.log(`# ${lang.code}`);
      report(`check page /${lang.code}/check with the promise and the automatic reply`, await clientCheck(browser, base, lang));
    }
    await adminForm(browser, base, password);
  } catch (e) {
    report('setup', [String(e)]);
  } finally {
    await browser?.close();
    await stopServer(server);
    await rm(dir, { recursive: true, force: true });
  }
  console.log(`${counts.passed} passed, ${counts.failed} failed`);
  process.exit(counts.failed ? 1 : 0);
}

main();
