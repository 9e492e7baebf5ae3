// Handing a case to another service (queue::handover), in Debian's headless
// Chromium with JavaScript off (script execution switched off through the
// DevTools protocol, and on only while axe and the layout checks measure a
// loaded page, as in langs.mjs):
//
//   node tests/browser/handover.mjs [SUOJA_BIN]
//
// In fi, sv and en: a client sends a long request; the counsellor opens it,
// and on the case page's hand-over section chooses the other service and
// writes a long message to the client; the form sent without a choice comes
// back with an error and the message kept; the confirmation page; the page
// after. Then the client's check page of a handed-over case in all eleven
// client languages: the receiving service named, the line saying so, the
// counsellor's message. On each page: axe-core (WCAG 2.0/2.1/2.2 A and AA),
// <html lang dir>, and the layout at 320 px with a screenshot under
// target/browser-screenshots/handover-*.
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
import { CLIENT_LANGS, langProblems } from './wcag22.mjs';

const STAFF_LANGS = ['fi', 'sv', 'en'];
const SLUG = 'helpline';
const OTHER = 'youth';
const RECIPIENT = 'age1dvyzyrxwkw87s7vtzaq27n6kjy2yrk5f2w0l4ekjq5kv5wy26ayqycjpqv';
const RECOVERY = 'age1404x8n69333ap3a3eg0x8pxejess0hmhzv3kq8uz66de9deglp7q7fvcpt';
const OVERALL_TIMEOUT_MS = Number(process.env.HANDOVER_TIMEOUT_MS || 5 * 60_000);
const PIA = { username: 'pia', name: 'Pia Josefiina Väänänen-Hämäläinen', role: 'counsellor', newPassword: 'pia hands the case over' };
const LONG = {
  request: 'Perheneuvontapalvelukeskuksessa sanottiin, että asiakasmaksukattoseurantajärjestelmä '
    + 'ei toimi. Katso https://example.org/ohjeet/asiakasmaksut/perheneuvonta/usein-kysytyt-kysymykset?kieli=fi '
    + 'ja vastaa kun ehdit.\nToinen rivi.',
  toClient: 'Nuorisoasiainneuvontapalvelukeskuksen työntekijät tuntevat tämän asian parhaiten, '
    + 'ja he vastaavat sinulle tässä samassa viestiketjussa. Lisätietoa: '
    + 'https://example.org/nuorisoasiainneuvontapalvelukeskus/yhteystiedot/ajanvaraus?kieli=fi',
};
const OTHER_NAMES = {
  fi: 'Nuorisoasiainneuvontapalvelukeskus',
  sv: 'Ungdomsrådgivningstjänstecentralen',
  en: 'Youth line',
};
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

[[services]]
slug = ${q(OTHER)}
recipients = [${q(RECIPIENT)}]
topics = ["general"]
[services.name]
fi = ${q(OTHER_NAMES.fi)}
sv = ${q(OTHER_NAMES.sv)}
en = ${q(OTHER_NAMES.en)}
[services.description]
fi = "Alle 25-vuotiaille."
sv = "För dig under 25 år."
en = "For people under 25."
`;
}

const status = (response, want = [200]) => (want.includes(response?.status())
  ? [] : [`HTTP ${response?.status() ?? 'none'}, expected ${want.join(' or ')}`]);

async function clickAndWait(page, locator) {
  const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), locator.click()]);
  return response;
}

/** A context with page scripts off (see the top of the file). */
async function scriptless(browser) {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 800 } });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
  return { context, page, cdp };
}

/** Runs `act`, then measures the page it ends on. */
async function step(label, s, lang, act, { client = false } = {}) {
  try {
    const problems = (await act()) || [];
    await s.cdp.send('Emulation.setScriptExecutionDisabled', { value: false });
    try {
      const scripts = await s.page.evaluate(() => document.scripts.length);
      if (scripts) problems.push(`${scripts} script element(s) on a page meant to need no JavaScript`);
      if (client) {
        problems.push(...await langProblems(s.page, lang));
      } else {
        // Staff pages: fi, sv and en only, so no client language menu.
        const htmlLang = await s.page.evaluate(() => document.documentElement.lang);
        if (htmlLang !== lang) problems.push(`<html lang> is ${JSON.stringify(htmlLang)}, expected ${lang}`);
      }
      problems.push(...await axeProblems(s.page));
      problems.push(...await layoutProblems(s.page, {
        label: `handover-${label}`, shots: SHOTS_DIR, widths: [320], shotWidths: [320],
      }));
    } finally {
      await s.cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
    }
    report(label, problems);
  } catch (e) {
    report(label, [`error: ${(e && e.stack) || e}`.split('\n').slice(0, 5).join('\n')]);
  }
}

/** A client sends a request in `l`; its receipt. */
async function request(browser, base, l) {
  const s = await scriptless(browser);
  try {
    await s.page.goto(new URL(`/${l}/services/${SLUG}`, base).href);
    await s.page.locator('#message').fill(LONG.request);
    await s.page.locator('input[name=way][value=reply_here]').check().catch(() => {});
    await clickAndWait(s.page, s.page.locator(`form[action="/${l}/services/${SLUG}"] button[type=submit]`).first());
    return ((await s.page.locator('.receipt .code').first().textContent()) || '').trim();
  } finally {
    await s.context.close();
  }
}

/** The counsellor: first login with the forced change, scripts off. */
async function counsellor(browser, base) {
  const s = await scriptless(browser);
  const { page } = s;
  await page.goto(new URL('/en/staff/login', base).href);
  await page.locator('#username').fill(PIA.username);
  await page.locator('#password').fill(PIA.password);
  await clickAndWait(page, page.locator('form[action="/en/staff/login"] button[type=submit]'));
  await page.locator('#current').fill(PIA.password);
  await page.locator('#new').fill(PIA.newPassword);
  await page.locator('#repeat').fill(PIA.newPassword);
  await clickAndWait(page, page.locator('form[action="/en/staff/account/password"] button[type=submit]'));
  return s;
}

async function staffFlow(s, base, l) {
  const url = (p) => new URL(p, base).href;
  const { page } = s;
  let casePath = '';
  await step(`${l} case page with the hand-over section`, s, l, async () => {
    const problems = status(await page.goto(url(`/${l}/staff`)));
    casePath = await page.locator(`main a[href^="/${l}/staff/cases/"]`).first().getAttribute('href');
    problems.push(...status(await page.goto(url(casePath))));
    if (!(await page.locator('#handover-heading').count())) problems.push('no hand-over section');
    const options = await page.locator('#handover-to option').allTextContents();
    if (!options.includes(OTHER_NAMES[l])) problems.push(`the other service is not offered: ${options}`);
    await page.locator('#handover-to').scrollIntoViewIfNeeded();
    return problems;
  });
  await step(`${l} hand-over form sent back with an error`, s, l, async () => {
    // The select is required, so a browser does not send it empty: the
    // server's answer to an empty choice is shown as it came.
    const csrf = await page.locator('form[action$="/handover"] input[name=csrf]').getAttribute('value');
    const answer = await s.context.request.post(url(`${casePath}/handover`), {
      form: { csrf, to: '', message: LONG.toClient }, maxRedirects: 0,
    });
    const body = await answer.text();
    const problems = answer.status() === 422 ? [] : [`HTTP ${answer.status()}, expected 422`];
    await page.route(url('/handover-error-page'), (r) => r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }));
    await page.goto(url('/handover-error-page'));
    await page.unroute(url('/handover-error-page'));
    if (!(await page.locator('.error-summary').count())) problems.push('no error summary');
    if ((await page.locator('#handover-message').inputValue()) !== LONG.toClient) problems.push('the message was not kept');
    if ((await page.locator('#handover-to').getAttribute('aria-invalid')) !== 'true') problems.push('the choice is not marked invalid');
    return problems;
  });
  await step(`${l} hand-over confirmation`, s, l, async () => {
    await page.goto(url(casePath));
    await page.locator('#handover-to').selectOption(OTHER);
    await page.locator('#handover-message').fill(LONG.toClient);
    const problems = status(await clickAndWait(page, page.locator(`form[action="${casePath}/handover"] button[type=submit]`)));
    const text = await page.locator('main').textContent();
    if (!text.includes(OTHER_NAMES[l])) problems.push('the confirmation does not name the receiving service');
    if (!text.includes(LONG.toClient)) problems.push('the confirmation does not show the message');
    return problems;
  });
  await step(`${l} handed over`, s, l, async () => {
    const problems = status(await clickAndWait(page, page.locator(`form[action="${casePath}/handover/confirm"] button[type=submit]`)));
    if (!page.url().endsWith(`/${l}/staff/handed-over`)) problems.push(`ended at ${page.url()}`);
    const gone = await s.context.request.get(url(casePath), { maxRedirects: 0 });
    if (gone.status() !== 403) problems.push(`the case still answers ${gone.status()} to the sender`);
    return problems;
  });
}

async function clientCheck(browser, base, lang, receipt) {
  const s = await scriptless(browser);
  const l = lang.code;
  try {
    await step(`${l} check page after a hand-over`, s, lang.code, async () => {
      await s.page.goto(new URL(`/${l}/check`, base).href);
      await s.page.locator('#receipt').fill(receipt);
      const problems = status(await clickAndWait(s.page, s.page.locator(`form[action="/${l}/check"] button[type=submit]`)));
      const text = await s.page.locator('main').textContent();
      if (!text.includes(LONG.toClient)) problems.push('the counsellor\'s message is not shown');
      if (!text.includes(LONG.request.slice(0, 40))) problems.push('the request is not shown');
      const name = OTHER_NAMES[l] || OTHER_NAMES[l.split('-')[0]] || OTHER_NAMES.en;
      const meta = await s.page.locator('.case-meta').textContent();
      if (!meta.includes(name)) problems.push(`the receiving service (${name}) is not named in the case's facts`);
      return problems;
    }, { client: true });
  } finally {
    await s.context.close();
  }
}

let server = null;
let workDir = null;
let browser = null;

async function main() {
  if (!existsSync(BIN)) throw new Error(`no suoja binary at ${BIN}`);
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}`);
  workDir = await mkdtemp(path.join(tmpdir(), 'suoja-handover-'));
  const configFile = path.join(workDir, 'suoja.toml');
  await writeFile(configFile, config(workDir));
  PIA.password = await addStaff(configFile, workDir, { ...PIA, service: SLUG });
  const started = startServer(configFile, workDir);
  server = started.server;
  const base = await started.base;
  console.log(`# ${BIN} at ${base.href}, ${CHROMIUM}, axe-core ${axe.version}`);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const receipts = {};
  const staff = await counsellor(browser, base);
  try {
    for (const l of STAFF_LANGS) {
      receipts[l] = await request(browser, base, l);
      if (!receipts[l]) report(`${l} request sent`, ['no receipt']);
      await staffFlow(staff, base, l);
    }
  } finally {
    await staff.context.close();
  }
  for (const lang of CLIENT_LANGS) {
    const receipt = receipts[lang.code] || receipts.en;
    await clientCheck(browser, base, lang, receipt);
  }
}

async function cleanUp() {
  if (browser) await browser.close().catch(() => {});
  browser = null;
  await stopServer(server).catch(() => {});
  if (workDir) await rm(workDir, { recursive: true, force: true }).catch(() => {});
  workDir = null;
}

process.on('exit', () => {
  if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});
const timer = setTimeout(() => {
  console.log(`FAIL overall timeout of ${OVERALL_TIMEOUT_MS} ms`);
  console.log(`${counts.passed} passed, ${counts.failed + 1} failed`);
  process.exit(1);
}, OVERALL_TIMEOUT_MS);
try {
  await main();
} catch (e) {
  report('handover run', [`error: ${(e && e.stack) || e}`]);
} finally {
  clearTimeout(timer);
  await cleanUp();
}
console.log(`${counts.passed} passed, ${counts.failed} failed`);
process.exit(counts.failed ? 1 : 0);
