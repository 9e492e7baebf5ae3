// What the browser checks share: the binary and Chromium they run, starting
// the real server with a throw-away config, adding staff with the CLI,
// axe-core with the project's WCAG tags, and the hostile-content corpus
// with the detector of what a payload could inject.

import { execFile, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { AxeBuilder } from '@axe-core/playwright';

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, '..', '..');
const binArg = process.argv[2] || process.env.SUOJA_BIN;
export const BIN = binArg ? path.resolve(binArg) : path.join(ROOT, 'target', 'debug', 'suoja');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const SHOTS_DIR = path.join(ROOT, 'target', 'browser-screenshots');
const START_TIMEOUT_MS = 30_000;

// The axe-core this package depends on, not the copy @axe-core/playwright
// pins for itself.
export const axe = createRequire(import.meta.url)('axe-core');
// WCAG 2.0, 2.1 and 2.2, levels A and AA.
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// Only the file we wrote configures the binary: no SUOJA_* override from
// outside.
export const serverEnv = () => Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !k.startsWith('SUOJA_')),
);

/**
 * The top of a throw-away config: a fresh SQLite file, the pepper and the
 * recovery recipient in `dir`, the form's fill time off and the rate limits
 * lifted (a check drives many forms from one address). `form` and `limits`
 * add or replace keys of those sections; the caller appends its
 * `[[services]]`.
 */
export function baseConfig(dir, { recovery, quickExit = 'https://quick-exit.invalid/', form = {}, limits = {} }) {
  const q = JSON.stringify; // a TOML basic string is a JSON string here
  const section = (name, values) => `[${name}]\n${Object.entries(values).map(([k, v]) => `${k} = ${v}`).join('\n')}\n`;
  return `listen = "127.0.0.1:0"
database_url = ${q(`sqlite://${path.join(dir, 'suoja.db')}`)}
pepper_file = ${q(path.join(dir, 'pepper'))}
recovery_recipient = ${q(recovery)}
quick_exit_url = ${q(quickExit)}

${section('form', { min_fill_seconds: 0, ...form })}
${section('limits', {
    submissions_per_client_per_hour: 100000,
    submissions_per_service_per_minute: 100000,
    lookups_per_client_per_hour: 100000,
    lookups_per_minute: 100000,
    logins_per_client_per_hour: 1000,
    logins_per_account_per_hour: 1000,
    logins_per_account_per_network_per_hour: 1000,
    logins_per_account_from_fresh_networks_per_hour: 1000,
    logins_per_minute: 1000,
    messages_per_case: 10000,
    chat_messages_per_minute: 100000,
    chat_messages_per_client_per_minute: 100000,
    ...limits,
  })}
`;
}

/**
 * `suoja staff add` before the server starts (it reads counsellors' keys at
 * start). Resolves with the one-time password.
 */
export function addStaff(configFile, cwd, { username, name, service, role = 'counsellor' }) {
  return new Promise((resolve, reject) => {
    execFile(BIN, ['staff', 'add', '--config', configFile, '--username', username, '--name', name,
      '--role', role, '--service', service], { cwd, env: serverEnv(), timeout: START_TIMEOUT_MS },
    (error, out, err) => {
      if (error) return reject(new Error(`suoja staff add ${username}: ${error.message}\n${err}`));
      const m = /^one-time password: (\S+)$/m.exec(out);
      return m ? resolve(m[1]) : reject(new Error(`suoja staff add ${username} printed no one-time password`));
    });
  });
}

/**
 * Starts `suoja serve`; `base` resolves with its URL from the "suoja
 * listening on" line, and `lines` gets every other line of its stdout.
 */
export function startServer(configFile, cwd, { lines = () => {} } = {}) {
  const server = spawn(BIN, ['serve', '--config', configFile], { cwd, env: serverEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  const stderr = [];
  server.stderr.on('data', (d) => {
    stderr.push(d.toString());
    if (stderr.length > 200) stderr.shift();
  });
  const base = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "suoja listening on" line within ${START_TIMEOUT_MS} ms\n${stderr.join('')}`)), START_TIMEOUT_MS);
    server.on('error', (e) => { clearTimeout(timer); reject(new Error(`cannot start ${BIN}: ${e.message}`)); });
    server.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${BIN} exited (${signal ?? code}) before listening\n${stderr.join('')}`));
    });
    createInterface({ input: server.stdout }).on('line', (line) => {
      lines(line.trim());
      const m = /^suoja listening on (http:\/\/[^/\s]+\/)$/.exec(line.trim());
      if (m) { clearTimeout(timer); resolve(new URL(m[1])); }
    });
  });
  return { server, base };
}

/** Stops a server started here: SIGTERM, then SIGKILL after 5 s. */
export async function stopServer(server) {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((r) => server.once('exit', r));
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/** What axe-core finds on the page, one problem per rule broken. */
export async function axeProblems(page) {
  // Legacy mode runs axe.run in the page itself; these pages have no frames.
  const results = await new AxeBuilder({ page, axeSource: axe.source })
    .withTags(AXE_TAGS).setLegacyMode(true).analyze();
  return results.violations.map((v) => {
    const nodes = v.nodes.map((n) => `    ${n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' | ')}`);
    return `axe ${v.id} (${v.impact}): ${v.help}\n${nodes.join('\n')}`;
  });
}

/** Counts checks and prints each: `ok label` or `FAIL label` and why. */
export function reporter() {
  const counts = { passed: 0, failed: 0 };
  const report = (label, problems) => {
    if (problems.length === 0) {
      counts.passed += 1;
      console.log(`ok  ${label}`);
    } else {
      counts.failed += 1;
      console.log(`FAIL ${label}`);
      for (const p of problems.slice(0, 20)) console.log(`  ${p.replace(/\n/g, '\n  ')}`);
    }
  };
  return { report, counts };
}

/**
 * The payloads of hostile-corpus.txt, plus a very long line and a
 * multi-line one. Every payload calls __pwn() if it ever runs.
 */
export async function corpus() {
  const text = await readFile(path.join(HERE, 'hostile-corpus.txt'), 'utf8');
  const lines = text.split('\n').filter((l) => l.trim() && !l.startsWith('#'));
  lines.push(`<b class=pwn>${'A'.repeat(6000)}</b>${'<i>'.repeat(500)}end of a very long line`);
  lines.push('line one <script>__pwn()</script>\n\n</p><h1 class=pwn>line three</h1>\n<img src=x onerror=__pwn()>');
  return lines;
}

// What a payload could inject, if it were ever parsed as markup: elements
// no template may hold (scripts but the project's own, frames, inline
// styles, which the CSP forbids anyway, <base>, <meta http-equiv>, foreign
// links), event-handler attributes, script URLs, and the pwn markers every
// other payload carries. Ordinary tags (img, svg, details) are not listed,
// so a template may use them; the payloads that use them are marked or load
// something.
export const INJECTED = 'script:not([src="/static/chat.js"]), iframe, frame, object, embed, base, style, meta[http-equiv], '
  + 'link:not([href="/static/suoja.css"]):not([href="/static/favicon.svg"]), [id^=pwn], [class*=pwn], [src*=pwn], [href*=pwn], '
  + '[onerror], [onload], [onfocus], [ontoggle], [onbegin], [onmouseover], '
  + 'a[href^="javascript" i], a[href^="data:" i], form[action*="pwn"]';

export const collapse = (s) => s.replace(/\s+/g, ' ').trim();
