// Client feedback (issue 20) in Debian's headless Chromium, driven by
// playwright-core.
//
//   node tests/browser/feedback.mjs [SUOJA_BIN]
//
// A client sends a request and a counsellor answers it. Then:
//
// - in every client language the check page with the rating form (a long
//   comment typed) and its error state (no rating, a comment too long:
//   the comment kept) get axe-core (WCAG 2.0, 2.1 and 2.2, A and AA) and
//   layout.mjs's checks at 320 and 1280 px (no sideways scroll, 24×24
//   targets), with 320 px screenshots under target/browser-screenshots/
//   (feedback-*). axe needs JavaScript to run; the check page has no
//   script, so it is the same page as with JavaScript off;
// - with JavaScript off, the rating is chosen by keyboard and sent: the
//   thanks and the client's own feedback in the thread, and no form again;
// - a chat taken by a counsellor and ended by the client, in every client
//   language: the ended page with the form (a long comment typed) and its
//   error state, axe and 320 px screenshots;
// - the statistics page, with the ratings group, in fi, sv and en.
//
// The last line is `N passed, M failed`; the exit code is 0 only when M is 0.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { chromium } from 'playwright-core';

import {
  baseConfig,
  BIN, CHROMIUM, SHOTS_DIR, addStaff, axe, axeProblems, reporter, startServer, stopServer,
} from './common.mjs';
import { layoutProblems } from './layout.mjs';

const LANGS = ['fi', 'sv', 'en'];
const CLIENT_LANGS = [...LANGS, 'ar', 'fa', 'ckb', 'so', 'uk', 'ru', 'fi-selko', 'sv-lattlast'];
const SLUG = 'helpline';
const RECIPIENT = 'age1dvyzyrxwkw87s7vtzaq27n6kjy2yrk5f2w0l4ekjq5kv5wy26ayqycjpqv';
const RECOVERY = 'age1404x8n69333ap3a3eg0x8pxejess0hmhzv3kq8uz66de9deglp7q7fvcpt';
const STAFF = {
  pia: { username: 'pia', name: 'Pia Josefiina Väänänen-Hämäläinen', role: 'counsellor', newPassword: 'pia answers the requests' },
  ada: { username: 'ada', name: 'Ada Admin', role: 'admin', newPassword: 'ada reads the statistics' },
};
// A long real comment, and a string with nowhere to break.
const COMMENT = 'Kiitos, että vastasitte niin nopeasti. Perheneuvontapalvelukeskuksen ohjeet olivat '
  + 'selkeät, ja asiakasmaksukattoseurantajärjestelmästä sain vihdoin tiedon, jota olin etsinyt koko '
  + 'viikon.\n\nToivoisin silti, että vastausaika olisi kerrottu etukäteen. '
  + `https://example.org/${'ohjeet-asiakasmaksut-perheneuvonta-'.repeat(4)}?kieli=fi`;
const TOO_LONG = `${COMMENT} ${'pitkä kommentti '.repeat(160)}`;
const { report, counts } = reporter();
/** The counsellor's chat console, once on duty. */
const piaChat = { context: null, page: null };

function config(dir) {
  const q = JSON.stringify;
  return baseConfig(dir, { recovery: RECOVERY }) + `[[services]]
slug = ${q(SLUG)}
recipients = [${q(RECIPIENT)}]
topics = ["general"]
[services.name]
fi = "Lasten, nuorten ja perheiden mielenterveysneuvontapalvelu ympäri vuorokauden"
sv = "Stödlinjen för barn, unga och familjer: samtalsstöd dygnet runt"
en = "Support line for children, young people and families, day and night"
[services.description]
fi = "Kerro meille."
sv = "Berätta för oss."
en = "Tell us."
`;
}

const clickAndWait = async (page, locator) => {
  const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), locator.click()]);
  return response;
};

const status = (response, want = [200]) => (want.includes(response?.status()) ? [] : [`HTTP ${response?.status()}, expected ${want.join(' or ')}`]);

/** One named check; with `page`, axe (unless off), <html lang> and layout. */
async function step(label, fn, { page = null, lang = null, runAxe = true } = {}) {
  try {
    const problems = (await fn()) || [];
    if (page) {
      const htmlLang = await page.evaluate(() => document.documentElement.lang);
      if (lang && htmlLang !== lang.split('-')[0]) problems.push(`<html lang> is ${JSON.stringify(htmlLang)}, expected ${lang}`);
      if (runAxe) problems.push(...await axeProblems(page));
      problems.push(...await layoutProblems(page, { label: `feedback ${label}`, shots: SHOTS_DIR, shotWidths: [320] }));
    }
    report(label, problems);
  } catch (e) {
    report(label, [`error: ${(e && e.stack) || e}`.split('\n').slice(0, 5).join('\n')]);
  }
}

async function staffState(browser, base, account) {
  const context = await browser.newContext();
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  await page.goto(new URL('/en/staff/login', base).href);
  await page.locator('#username').fill(account.username);
  await page.locator('#password').fill(account.password);
  await clickAndWait(page, page.locator('form[action="/en/staff/login"] button[type=submit]'));
  await page.locator('#current').fill(account.password);
  await page.locator('#new').fill(account.newPassword);
  await page.locator('#repeat').fill(account.newPassword);
  await clickAndWait(page, page.locator('form[action="/en/staff/account/password"] button[type=submit]'));
  const state = await context.storageState();
  await context.close();
  return state;
}

/** The thread page of `receipt` in `lang`, opened through the receipt form. */
async function openCheck(page, base, lang, receipt) {
  await page.goto(new URL(`/${lang}/check`, base).href);
  await page.locator('#receipt').fill(receipt);
  return clickAndWait(page, page.locator(`form[action="/${lang}/check"] button[type=submit]`));
}

async function main() {
  const dir = await mkdtemp(path.join(tmpdir(), 'suoja-feedback-'));
  let server = null;
  let browser = null;
  try {
    const configFile = path.join(dir, 'suoja.toml');
    await writeFile(configFile, config(dir));
    for (const a of Object.values(STAFF)) a.password = await addStaff(configFile, dir, { ...a, service: SLUG });
    const s = startServer(configFile, dir);
    server = s.server;
    const base = await s.base;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    console.log(`# ${BIN} at ${base.href}, axe-core ${axe.version}`);
    const [piaState, adaState] = [await staffState(browser, base, STAFF.pia), await staffState(browser, base, STAFF.ada)];

    // A request, and the counsellor's answer.
    const client = await browser.newContext({ locale: 'fi-FI' });
    client.setDefaultTimeout(10_000);
    const page = await client.newPage();
    let receipt = '';
    await step('a request is sent and answered', async () => {
      await page.goto(new URL(`/en/services/${SLUG}`, base).href);
      await page.locator('#message').fill('I would like to know how the group works.');
      const sent = await clickAndWait(page, page.locator(`form[action="/en/services/${SLUG}"] button[type=submit]`));
      receipt = (await page.locator('.code strong').textContent()).trim();
      const staff = await browser.newContext({ storageState: piaState });
      const sp = await staff.newPage();
      await sp.goto(new URL('/en/staff', base).href);
      await clickAndWait(sp, sp.locator('a[href^="/en/staff/cases/"]').first());
      await sp.locator('#reply').fill('The group meets on Tuesdays; you are welcome.');
      const replied = await clickAndWait(sp, sp.locator('form[action$="/reply"] button[type=submit]'));
      await staff.close();
      return [...status(sent), ...status(replied)];
    });

    for (const lang of CLIENT_LANGS) {
      await step(`/${lang}/check [rating form, long comment typed]`, async () => {
        const problems = status(await openCheck(page, base, lang, receipt));
        if (await page.locator('fieldset#rating legend').count() !== 1) problems.push('no fieldset with a legend');
        if (await page.locator('input[type=radio][name=rating]').count() !== 5) problems.push('not five ratings');
        await page.locator('#feedback-comment').fill(COMMENT);
        return problems;
      }, { page, lang });
      await step(`/${lang}/check [rating form, errors: no rating, comment too long]`, async () => {
        await page.locator('#feedback-comment').fill(TOO_LONG);
        const response = await clickAndWait(page, page.locator(`form[action="/${lang}/check/feedback"] button[type=submit]`));
        const problems = status(response, [422]);
        if (await page.locator('.error-summary').count() < 1) problems.push('no error summary');
        if (await page.locator('#feedback-comment-error').count() !== 1) problems.push('no message at the comment');
        const kept = await page.locator('#feedback-comment').inputValue();
        if (kept.trim() !== TOO_LONG.trim()) problems.push('the comment typed was not kept');
        if (!(await page.title()).length) problems.push('no title');
        return problems;
      }, { page, lang });
    }

    // JavaScript off: chosen by keyboard, sent, thanked, shown in the thread.
    const off = await browser.newContext({ javaScriptEnabled: false, locale: 'fi-FI' });
    off.setDefaultTimeout(10_000);
    const offPage = await off.newPage();
    await step('/fi/check [JavaScript off: rated by keyboard]', async () => {
      const problems = status(await openCheck(offPage, base, 'fi', receipt));
      await offPage.locator('#rating-3').focus();
      await offPage.keyboard.press('ArrowDown');
      if (!(await offPage.locator('#rating-4').isChecked())) problems.push('the arrow key did not move the choice to 4');
      await offPage.locator('#feedback-comment').fill(COMMENT);
      const sent = await clickAndWait(offPage, offPage.locator('form[action="/fi/check/feedback"] button[type=submit]'));
      problems.push(...status(sent));
      const text = await offPage.locator('main').textContent();
      if (!text.includes('Kiitos palautteestasi.')) problems.push('no thanks');
      if (!text.includes('Palautteesi')) problems.push('the client does not see their feedback');
      if (!text.includes('4 – hyödyllistä')) problems.push('the rating is not shown');
      if (await offPage.locator('form[action="/fi/check/feedback"]').count()) problems.push('the form is offered again');
      return problems;
    }, { page: offPage, lang: 'fi', runAxe: false });
    await step('/en/check [rated: what was sent, no form]', async () => {
      const problems = status(await openCheck(page, base, 'en', receipt));
      if (!(await page.locator('section.feedback').textContent()).includes('You rated the help: 4 – helpful.')) problems.push('no "you rated"');
      return problems;
    }, { page, lang: 'en' });

    const admin = await browser.newContext({ storageState: adaState });
    const adminPage = await admin.newPage();

    // A chat with a counsellor, ended by the client: the form on the ended
    // page and its error state, in every client language.
    await step('chat hours every day, the counsellor on duty', async () => {
      await adminPage.goto(new URL(`/en/staff/chat/settings/${SLUG}`, base).href);
      for (let d = 1; d <= 7; d += 1) {
        await adminPage.locator(`input[name=from${d}]`).fill('00:00');
        await adminPage.locator(`input[name=until${d}]`).fill('24:00');
      }
      await adminPage.locator('#queue_max').fill('5');
      const problems = status(await clickAndWait(adminPage, adminPage.locator('main form button[type=submit]')));
      const staff = await browser.newContext({ storageState: piaState });
      const sp = await staff.newPage();
      await sp.goto(new URL('/en/staff/chat', base).href);
      await sp.locator(`#duty-${SLUG}`).check();
      await sp.locator('#capacity').fill('2');
      problems.push(...status(await clickAndWait(sp, sp.locator('form[action="/en/staff/chat/duty"] button[type=submit]'))));
      piaChat.context = staff;
      piaChat.page = sp;
      return problems;
    });
    const chatter = await browser.newContext({});
    chatter.setDefaultTimeout(10_000);
    const cp = await chatter.newPage();
    for (const lang of CLIENT_LANGS) {
      await step(`/${lang}/chat [ended: rating form, long comment typed]`, async () => {
        const problems = status(await cp.goto(new URL(`/${lang}/services/${SLUG}`, base).href));
        problems.push(...status(await clickAndWait(cp, cp.locator('.chat-offer button[type=submit]'))));
        const sp = piaChat.page;
        await sp.goto(new URL('/en/staff/chat', base).href);
        problems.push(...status(await clickAndWait(sp, sp.locator('#console-live form[action$="/staff/chat/take"] button'))));
        await cp.goto(new URL(`/${lang}/chat`, base).href);
        problems.push(...status(await clickAndWait(cp, cp.locator('#chat-form button[value=end]'))));
        if (await cp.locator('fieldset#rating').count() !== 1) problems.push('no rating form on the ended page');
        await cp.locator('#feedback-comment').fill(COMMENT);
        return problems;
      }, { page: cp, lang });
      await step(`/${lang}/chat/feedback [errors: no rating, comment too long]`, async () => {
        await cp.locator('#feedback-comment').fill(TOO_LONG);
        const problems = status(await clickAndWait(cp, cp.locator(`form[action="/${lang}/chat/feedback"] button[type=submit]`)), [422]);
        if ((await cp.locator('#feedback-comment').inputValue()).trim() !== TOO_LONG.trim()) problems.push('the comment typed was not kept');
        if (await cp.locator('.error-summary li').count() !== 2) problems.push('not both errors in the summary');
        return problems;
      }, { page: cp, lang });
    }
    await chatter.close();
    if (piaChat.context) await piaChat.context.close();

    for (const lang of LANGS) {
      await step(`/${lang}/staff/stats [ratings]`, async () => {
        const problems = status(await adminPage.goto(new URL(`/${lang}/staff/stats`, base).href));
        const text = await adminPage.locator('main').textContent();
        if (!text.includes('< 5')) problems.push('the one rating is not shown as "< 5"');
        return problems;
      }, { page: adminPage, lang });
    }
  } catch (e) {
    report('run', [`error: ${(e && e.stack) || e}`]);
  } finally {
    if (browser) await browser.close();
    await stopServer(server);
    await rm(dir, { recursive: true, force: true });
  }
  console.log(`${counts.passed} passed, ${counts.failed} failed`);
  process.exit(counts.failed ? 1 : 0);
}

await main();
