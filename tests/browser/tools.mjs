// The counsellor's working day in Debian's headless Chromium with
// JavaScript OFF (script execution switched off through the DevTools
// protocol, and on only while axe and the layout checks measure a page, as
// in langs.mjs):
//
//   node tests/browser/tools.mjs [SUOJA_BIN]
//
// Two counsellors of one service; clients send three requests with long
// real content. Then, in fi, sv and en: the queue with the who filter
// (mine, untaken) and its order; a case taken from the queue's "Take"
// button (the case page says it is yours, with "Give back"), a case another
// counsellor has ("taken by"); the canned replies pages (the list with an
// English and an Arabic reply, the add form sent with an error keeping the
// text, the edit page); and the case page after "Insert" put a canned reply
// after the typed text (nothing sent). On each: axe-core (WCAG 2.0/2.1/2.2
// A and AA), layout.mjs's checks at 320 and 1280 px, and a screenshot at
// 320 px under target/browser-screenshots/ (tools-*).
//
// The last line is `N passed, M failed`; the exit code is 0 only when M is 0.

import { existsSync, rmSync } from 'node:fs';
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
const SLUG = 'helpline';
const RECIPIENT = 'age1dvyzyrxwkw87s7vtzaq27n6kjy2yrk5f2w0l4ekjq5kv5wy26ayqycjpqv';
const RECOVERY = 'age1404x8n69333ap3a3eg0x8pxejess0hmhzv3kq8uz66de9deglp7q7fvcpt';
const OVERALL_TIMEOUT_MS = Number(process.env.TOOLS_TIMEOUT_MS || 5 * 60_000);
const STAFF = {
  cleo: { username: 'cleo', name: 'Cleo Margareta Carlsson-Lindqvist', role: 'counsellor', newPassword: 'cleo works the queue today' },
  anja: { username: 'anja', name: 'Anja Josefiina Väänänen-Hämäläinen', role: 'counsellor', newPassword: 'anja takes a case first' },
};
// Real content is long (issue 17): the pages must hold it at 320 px.
const REQUESTS = [
  'Hei, en oikein tiedä mistä aloittaisin. Perheneuvontapalvelukeskuksessa sanottiin, että '
    + 'asiakasmaksukattoseurantajärjestelmä ei toimi, ja olen miettinyt tätä koko viikon.',
  `Katso https://example.org/${'ohjeet-asiakasmaksut-perheneuvonta-'.repeat(4)}?kieli=fi ja vastaa kun ehdit.`,
  'مرحبا، أحتاج إلى مساعدة بخصوص عائلتي. لا أعرف من أين أبدأ، وأخاف أن يعرف أحد أنني كتبت إليكم.',
];
const CANNED = [
  {
    lang: 'en',
    title: 'First answer: thank you for writing, and what happens next with your message',
    body: 'Thank you for writing to us. A counsellor of the Support line for children, young people and families '
      + 'reads every message. We answer within three working days; you read the answer with your receipt code.\n\n'
      + `More help at https://example.org/${'support-for-families-and-young-people-'.repeat(3)}`,
  },
  {
    lang: 'ar',
    title: 'الرد الأول: شكراً لكتابتك إلينا',
    body: 'شكراً لأنك كتبت إلينا. يقرأ أحد المستشارين كل رسالة، ونرد خلال ثلاثة أيام عمل. يمكنك قراءة الرد باستخدام رمز الإيصال الخاص بك.',
  },
];
const TYPED = 'Hei Maria-Kristiina,\n\nkiitos viestistäsi. Asiakasmaksukattoseurantajärjestelmästä:';
const { report, counts } = reporter();

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

const status = (response, want = [200]) => (want.includes(response?.status()) ? [] : [`HTTP ${response?.status()}, expected ${want.join(' or ')}`]);

const clickAndWait = async (page, locator) => {
  const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), locator.click()]);
  return response;
};

/** First login with the one-time password and the forced change; the state. */
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

/** A client's request, by plain HTTP: the form's token, then the post. */
async function submit(base, message) {
  const form = await fetch(new URL(`/en/services/${SLUG}`, base)).then((r) => r.text());
  const token = /name="token" value="([^"]+)"/.exec(form)[1];
  const body = new URLSearchParams({ token, topic: 'general', message, way: 'none' });
  const r = await fetch(new URL(`/en/services/${SLUG}`, base), { method: 'POST', body });
  if (r.status !== 200) throw new Error(`request not sent: HTTP ${r.status}`);
}

/** A staff browser with page scripts off (see langs.mjs's pageProblems). */
async function staffPage(browser, state) {
  const context = await browser.newContext({ storageState: state });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
  return { context, page, cdp };
}

/** Runs one named check on the page it ends on: its own, axe and layout. */
async function step(label, s, lang, fn) {
  try {
    const problems = (await fn()) || [];
    const scripts = await s.page.evaluate(() => document.scripts.length).catch(() => 0);
    if (scripts) problems.push(`${scripts} script element(s) on the page`);
    const htmlLang = await s.page.evaluate(() => document.documentElement.lang);
    if (htmlLang !== lang) problems.push(`<html lang> is ${JSON.stringify(htmlLang)}, expected ${lang}`);
    await s.cdp.send('Emulation.setScriptExecutionDisabled', { value: false });
    try {
      problems.push(...await axeProblems(s.page));
      problems.push(...await layoutProblems(s.page, { label: `tools ${label}`, shots: SHOTS_DIR, shotWidths: [320] }));
    } finally {
      await s.cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
    }
    report(label, problems);
  } catch (e) {
    report(label, [`error: ${(e && e.stack) || e}`.split('\n').slice(0, 5).join('\n')]);
  }
}

async function run(browser, base, states) {
  const cleo = await staffPage(browser, states.cleo);
  const anja = await staffPage(browser, states.anja);
  const go = (s, p) => s.page.goto(new URL(p, base).href);

  // Anja takes the newest case; Cleo adds the canned replies, in English
  // and in Arabic, with JavaScript off.
  await go(anja, '/en/staff?who=untaken&order=newest');
  await clickAndWait(anja.page, anja.page.locator('form.take button').first());
  for (const c of CANNED) {
    await go(cleo, `/en/staff/canned/${SLUG}`);
    await cleo.page.locator('#lang').selectOption(c.lang);
    await cleo.page.locator('#title').fill(c.title);
    await cleo.page.locator('#body').fill(c.body);
    await clickAndWait(cleo.page, cleo.page.locator('form[action$="/canned/helpline"] button[type=submit]'));
  }

  for (const lang of LANGS) {
    await step(`${lang} queue: untaken, oldest first`, cleo, lang, async () => {
      const problems = status(await go(cleo, `/${lang}/staff?who=untaken`));
      if ((await cleo.page.locator('#who').inputValue()) !== 'untaken') problems.push('the who filter does not show "untaken"');
      if ((await cleo.page.locator('#order').inputValue()) !== 'oldest') problems.push('untaken is not oldest first by default');
      if (!(await cleo.page.locator('form.take button').count())) problems.push('no Take button on an untaken line');
      return problems;
    });
    await step(`${lang} case taken from the queue`, cleo, lang, async () => {
      await go(cleo, `/${lang}/staff?who=untaken`);
      const problems = status(await clickAndWait(cleo.page, cleo.page.locator('form.take button').first()));
      if (!(await cleo.page.locator('form[action$="/release"] button').count())) problems.push('no "give back" on a case just taken');
      if (!(await cleo.page.locator('p.notice[role=status]').count())) problems.push('no notice that the case was taken');
      return problems;
    });
    await step(`${lang} queue: mine`, cleo, lang, async () => {
      const problems = status(await go(cleo, `/${lang}/staff?who=mine`));
      if (!(await cleo.page.locator('strong.mine').count())) problems.push('no "you" on my lines');
      return problems;
    });
    await step(`${lang} queue: everyone's, newest first`, cleo, lang, async () => status(await go(cleo, `/${lang}/staff`)));
    await step(`${lang} case another counsellor has`, cleo, lang, async () => {
      await go(cleo, `/${lang}/staff?who=&order=newest`);
      const other = cleo.page.locator('tbody tr').filter({ hasNot: cleo.page.locator('strong.mine, form.take') }).first();
      const problems = status(await clickAndWait(cleo.page, other.locator('a').first()));
      if (await cleo.page.locator('form[action$="/take"], form[action$="/release"]').count()) problems.push('take or give back offered on another\'s case');
      if (!(await cleo.page.locator('#taking p').textContent()).includes(STAFF.anja.name)) problems.push('the holder is not named');
      return problems;
    });
    await step(`${lang} canned replies of the service`, cleo, lang, async () => {
      const problems = status(await go(cleo, `/${lang}/staff/canned/${SLUG}`));
      const rtl = cleo.page.locator('.canned-list .message[lang=ar][dir=rtl]');
      if (!(await rtl.count())) problems.push('the Arabic reply is not marked lang=ar dir=rtl');
      return problems;
    });
    await step(`${lang} canned reply added with an error`, cleo, lang, async () => {
      await go(cleo, `/${lang}/staff/canned/${SLUG}`);
      await cleo.page.locator('#body').fill(CANNED[0].body);
      // A blank title passes the browser's "required" but not the server.
      await cleo.page.locator('#title').fill(' ');
      const problems = status(await clickAndWait(cleo.page, cleo.page.locator('form[action$="/canned/helpline"] button[type=submit]')), [422]);
      if ((await cleo.page.locator('#body').inputValue()) !== CANNED[0].body) problems.push('the typed text was lost');
      if (!(await cleo.page.locator('.error-summary').count())) problems.push('no error summary');
      return problems;
    });
    await step(`${lang} canned reply edit page`, cleo, lang, async () => {
      await go(cleo, `/${lang}/staff/canned/${SLUG}`);
      return status(await clickAndWait(cleo.page, cleo.page.locator('.canned-list h3 a').first()));
    });
    await step(`${lang} canned replies: services`, cleo, lang, async () => status(await go(cleo, `/${lang}/staff/canned`)));
    await step(`${lang} case page after "Insert"`, cleo, lang, async () => {
      await go(cleo, `/${lang}/staff?who=mine`);
      await clickAndWait(cleo.page, cleo.page.locator('tbody tr a').first());
      await cleo.page.locator('#reply').fill(TYPED);
      const arabic = await cleo.page.locator('#canned option[lang=ar]').getAttribute('value');
      await cleo.page.locator('#canned').selectOption(arabic);
      const problems = status(await clickAndWait(cleo.page, cleo.page.locator('button[formaction$="/insert"]')));
      const value = await cleo.page.locator('#reply').inputValue();
      if (value !== `${TYPED}\n\n${CANNED[1].body}`) problems.push(`the reply field holds ${JSON.stringify(value.slice(0, 120))}`);
      return problems;
    });
  }
  await cleo.context.close();
  await anja.context.close();
}

async function main() {
  if (!existsSync(BIN)) throw new Error(`no suoja binary at ${BIN} (cargo build, or pass its path)`);
  const dir = await mkdtemp(path.join(tmpdir(), 'suoja-tools-'));
  const configFile = path.join(dir, 'suoja.toml');
  await writeFile(configFile, config(dir));
  let server = null;
  let browser = null;
  const cleanUp = () => { if (server?.exitCode === null) server.kill('SIGKILL'); rmSync(dir, { recursive: true, force: true }); };
  process.on('exit', cleanUp);
  const watchdog = setTimeout(() => {
    report('the whole run', [`took longer than ${OVERALL_TIMEOUT_MS / 1000} s`]);
    console.log(`${counts.passed} passed, ${counts.failed} failed`);
    process.exit(1);
  }, OVERALL_TIMEOUT_MS);
  const started = Date.now();
  try {
    for (const a of Object.values(STAFF)) a.password = await addStaff(configFile, dir, { ...a, service: SLUG });
    const s = startServer(configFile, dir);
    server = s.server;
    const base = await s.base;
    // Enough requests for every language to take one, and one for Anja.
    for (let i = 0; i < 6; i += 1) await submit(base, REQUESTS[i % REQUESTS.length]);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    console.log(`# ${BIN} at ${base.href}, axe-core ${axe.version}`);
    const states = { cleo: await staffState(browser, base, STAFF.cleo), anja: await staffState(browser, base, STAFF.anja) };
    await run(browser, base, states);
  } catch (e) {
    report('tools run', [`error: ${(e && e.stack) || e}`]);
  } finally {
    clearTimeout(watchdog);
    if (browser) await browser.close().catch(() => {});
    await stopServer(server).catch(() => {});
    await rm(dir, { recursive: true, force: true });
  }
  console.log(`# ${Math.round((Date.now() - started) / 1000)} s`);
  console.log(`${counts.passed} passed, ${counts.failed} failed`);
  process.exit(counts.failed === 0 && counts.passed > 0 ? 0 : 1);
}

await main();
