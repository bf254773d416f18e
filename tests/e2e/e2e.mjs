// End-to-end test of the playground in headless Debian Chromium, driven by
// playwright-core. Serves the Trunk `dist/` on 127.0.0.1, walks through the page
// as a new visitor would, saves screenshots, and prints measurements.
//
//   node tests/e2e/e2e.mjs [dist-dir]
//
// Prints one line per check and a closing "N passed, N failed" line; exits 1 on
// any failure.
import { chromium } from 'playwright-core';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(process.argv[2] || path.join(here, '../../dist'));
const shots = path.join(here, 'screenshots');
fs.mkdirSync(shots, { recursive: true });

// A share link made by flushq v1 for preset spooler-upload, answers [Cancel], step 7.
// Frozen: links made today must keep opening (see web/tests/share.rs).
const V1_LINK = 'v=1&s=jZFNa-MwEIbv-hXCl9hQh-1pYSEH0yjbgDd2_LFQjDGKM47NypKrD7qB_fErOd1NS2npSZrRO-88mumYUf1jqHoqAd8ipWHCXxHl6gmkwr9RGIZID5oBXmEvlaKFo7HK6BvuXCWmjGFh9EkM_IQfDRhQWPdSmFNvT8BqEoKB9JACOFoP26KVw6TtdbFYIE0Ps7UCpQbBl99B55pqowr34AcXwTIHfSeYGbny06whuyJ72K5vsL1nJE_K7I40xUNKAiTFk7J293JvQJ4jxjKb8GeTt3K8WuEfUbpt8jRJYpIF6Jn2BVAyASdcy7PvrKsv9fIK8F-_3LhZ7Off-5u4zO-bXdKUW_wHX6IyjZPI6jNgQBX4z3XXxEwYoI0ESF2juVuA3IhQVWlpFzIJqesacTrOu0i6bmgBx9HOQ78G7mbrMco9NILuxdFNofLyIirKvPkZxdt1VJDGxcS7wf8eLnT7kpQk92rUCy6karhozGDrtTSAqDrz1gYdZQqQXfVBmLlb5VHndLB1EkahYc7JWxu_g7weKAvNdOUdxRHGzxC_QbvQfMDWvsKq0V8';

const MIME = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml' };
const server = http.createServer((req, res) => {
  const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
  const file = path.join(dist, rel);
  if (!file.startsWith(dist) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    res.writeHead(404);
    return res.end();
  }
  // CORS: embeds in strictly sandboxed iframes fetch from an opaque origin.
  res.writeHead(200, { 'content-type': MIME[path.extname(file)] || 'application/octet-stream', 'access-control-allow-origin': '*' });
  fs.createReadStream(file).pipe(res);
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const base = `http://127.0.0.1:${server.address().port}/`;

let passed = 0;
let failed = 0;
const check = (name, cond, detail = '') => {
  if (cond) {
    passed++;
    console.log(`ok - ${name}`);
  } else {
    failed++;
    console.log(`not ok - ${name}${detail ? `: ${detail}` : ''}`);
  }
};
const measurements = {};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

async function newPage(options = {}) {
  // English unless a test asks otherwise: the page follows the browser's language.
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'en-US', ...options });
  const page = await context.newPage();
  page.errors = [];
  page.on('console', (m) => m.type() === 'error' && page.errors.push(m.text()));
  page.on('pageerror', (e) => page.errors.push(String(e)));
  return { context, page };
}
const counter = async (page) => (await page.textContent('.counter')).trim();
const stepNo = async (page) => parseInt((await counter(page)).split('/')[0], 10);
const narration = async (page) => (await page.textContent('.narration')).trim();
const rowText = async (page, name) => (await page.textContent(`tr[aria-label^="${name}"]`)) || '';
const title = async (page) => (await page.textContent('.scenario-title')).trim();
async function press(page, key, times = 1) {
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}
// A full-page shot leaves cross-origin frames outside the viewport blank: make the
// viewport the whole docs page, wait for every embed's diagram, then shoot.
async function docsShot(page, name) {
  await page.setViewportSize({ width: page.viewportSize().width, height: await page.evaluate(() => document.documentElement.scrollHeight) });
  for (const id of ['procedure-a', 'procedure-b', 'link-down']) await page.frameLocator(`#${id}`).locator('svg.diagram').waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(shots, name), fullPage: true });
}
async function gotoStep(page, n) {
  await press(page, 'Home');
  await press(page, 'ArrowRight', n);
}
// Waits until `fn(arg)` holds in the page; false after the timeout (the check then
// reports what it saw), never a single sample taken right after an input.
async function eventually(page, fn, arg, timeout = 5000) {
  try {
    await page.waitForFunction(fn, arg, { timeout, polling: 'raf' });
    return true;
  } catch {
    return false;
  }
}

// A share link built here, the way flushq v1 builds them, for a scenario that
// is not a preset: the large one used to measure frame times.
function v1Link(toml, step = 0) {
  const doc = `flushq-share 1\nstep ${step}\nanswers \n---\n${toml}`;
  return 'v=1&s=' + zlib.deflateRawSync(Buffer.from(doc), { level: 9 }).toString('base64url');
}
function largeScenario(transports, messages) {
  let t = 'title = "Large: ' + transports + ' transports x ' + messages + ' messages each way"\nseed = 99\nscript = "preset:spooler"\n';
  for (let i = 0; i < transports; i++) {
    const out = Array.from({ length: messages }, (_, k) => `"o${i}.${k}"`).join(', ');
    const rem = Array.from({ length: messages }, (_, k) => `"r${i}.${k}"`).join(', ');
    t += `\n[[transport]]\nname = "LAN ${i + 1}"\nkind = "lan"\noutbound = [${out}]\nremote = [${rem}]\n`;
  }
  return t;
}

try {
  // 1. A new visitor: the default preset at step 0, rendered quickly, no errors.
  {
    const { context, page } = await newPage();
    await page.goto(base);
    await page.waitForFunction(() => document.querySelector('svg.diagram'), null, { polling: 'raf' });
    measurements.first_render_ms = Math.round(await page.evaluate(() => performance.now()));
    check('first visit shows procedure A', (await title(page)).startsWith('Procedure A'));
    check('first visit starts at step 0', (await stepNo(page)) === 0);
    check('narration invites to step', (await narration(page)).includes('Nothing has happened yet'));
    await page.screenshot({ path: path.join(shots, '01-first-visit.png'), fullPage: true });

    // 2. The per-transport preset, stepped through.
    await page.selectOption('select[aria-label="Load a preset scenario"]', 'per-transport-download');
    check('preset loads procedure B', (await title(page)).startsWith('Procedure B'));
    await gotoStep(page, 11);
    const inbound = await eventually(page, () => document.querySelector('tr[aria-label^="Office LAN"]')?.textContent.includes('INBOUND_FLUSH') && document.querySelector('.counter')?.textContent.trim().startsWith('11'));
    check('step 11: Office LAN has STATUS_INBOUND_FLUSH', inbound, await rowText(page, 'Office LAN'));
    check('step 11: narration explains the transport request', (await narration(page)).includes('Office LAN'), await narration(page));
    check('step 11: r1 and r2 still wait remotely', (await page.locator('svg.diagram .token.waiting').count()) === 3);
    await gotoStep(page, 20);
    check('step 20: the fallback call is drawn dashed', (await page.locator('svg.diagram .arrow.fallback').count()) >= 1);
    check('step 20: the client waits in line 11', (await page.textContent('svg.diagram .box.client')).includes('L11'));
    await page.screenshot({ path: path.join(shots, '02-per-transport-fallback.png'), fullPage: true });
    await gotoStep(page, 27);
    check('step 27: two messages in the inbox', (await page.locator('svg.diagram .token.in').count()) === 2);
    await press(page, 'ArrowLeft');
    check('one step back: one message in the inbox again', await eventually(page, () => document.querySelectorAll('svg.diagram .token.in').length === 1), await counter(page));
    check('one step back: r2 is being received, still on the remote side', (await page.locator('svg.diagram .token.waiting').count()) === 2);
    check('one step back: r2 is drawn in transit', (await page.locator('svg.diagram .token.waiting.transit').count()) === 1);
    await press(page, 'End');
    check('end: all three received', (await page.locator('svg.diagram .token.in').count()) === 3);
    check('end: Office LAN flush bits cleared', !(await rowText(page, 'Office LAN')).includes('INBOUND_FLUSH'));
    check('end: trace shows the last event', (await page.textContent('.trace li.current')).includes('finished'));

    // 3. Step back is exact.
    const before = await stepNo(page);
    await press(page, 'ArrowLeft');
    check('step back goes one step back', (await stepNo(page)) === before - 1);

    // 4. An error in the script: a diagnostic with line and column; text kept;
    //    keys typed in the editor are not shortcuts.
    await page.click('button[role=tab]:has-text("Script")');
    const stepBeforeTyping = await stepNo(page);
    await page.click('#script');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nx = FLUSH_UPLAOD');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Home');
    await page.waitForSelector('#diagnostics li.error');
    const diag = await page.textContent('#diagnostics li.error');
    check('a typo gets a located diagnostic', /^\d+:\d+ error: unknown MAPI constant FLUSH_UPLAOD; did you mean FLUSH_UPLOAD\?/.test(diag.trim()), diag);
    check('names in a diagnostic are set as code', (await page.textContent('#diagnostics li.error code')) === 'FLUSH_UPLAOD');
    check('typing in the editor does not step', (await stepNo(page)) === stepBeforeTyping);
    check('the invalid text is kept', (await page.inputValue('#script')).endsWith('x = FLUSH_UPLAOD'));
    check('the last good run stays on screen', (await page.locator('.stale').count()) === 1);
    await page.screenshot({ path: path.join(shots, '03-script-error.png'), fullPage: true });
    await page.click('#script');
    await page.keyboard.press('Control+End');
    for (let i = 0; i < '\nx = FLUSH_UPLAOD'.length; i++) await page.keyboard.press('Backspace');
    await page.waitForFunction(() => !document.querySelector('#diagnostics li'));
    check('fixing the script clears the diagnostic', (await page.locator('#diagnostics li').count()) === 0);
    // Keystroke to diagnostic: an edit's diagnostic is on screen by the next frame.
    const typing = await page.evaluate(async () => {
      const area = document.querySelector('#script');
      const good = area.value;
      const times = [];
      for (let i = 0; i < 20; i++) {
        const t0 = performance.now();
        area.value = good + (i % 2 ? '\nx = (' : '\ny = FLUSH_UPLAOD');
        area.dispatchEvent(new InputEvent('input', { bubbles: true }));
        await new Promise((r) => requestAnimationFrame(() => r()));
        const shown = !!document.querySelector('#diagnostics li');
        times.push(shown ? performance.now() - t0 : Infinity);
        area.value = good;
        area.dispatchEvent(new InputEvent('input', { bubbles: true }));
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      }
      return times;
    });
    const typed = [...typing].sort((a, b) => a - b);
    measurements.keystroke_to_diagnostic_median_ms = +typed[Math.floor(typed.length / 2)].toFixed(1);
    measurements.keystroke_to_diagnostic_max_ms = +typed[typed.length - 1].toFixed(1);
    check('each edit shows its diagnostic by the next frame', typed.every(Number.isFinite), JSON.stringify(typing));
    // Exports: the CLI's JSON, Mermaid, a standalone SVG.
    const exported = async (label) => {
      await page.click('details.menu summary');
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(`.menu-items button:has-text("${label}")`)]);
      const file = path.join(shots, download.suggestedFilename());
      await download.saveAs(file);
      return fs.readFileSync(file, 'utf8');
    };
    const json = JSON.parse(await exported('Trace as JSON'));
    check('JSON export has events and outcome', Object.keys(json).join() === 'events,outcome' && json.events.length > 40, Object.keys(json).join());
    check('JSON export records the fallback call', json.outcome.calls.some((c) => c.api === 'FlushQueues' && c.object === 'spooler' && c.target === 'Dial-up'));
    check('Mermaid export is a sequence diagram', (await exported('Mermaid')).startsWith('sequenceDiagram'));
    const svg = await exported('Diagram as SVG');
    check('SVG export is standalone', svg.startsWith('<svg') && svg.includes('<style>') && svg.includes('xmlns="http://www.w3.org/2000/svg"'));
    check('page had no console errors (1-4)', page.errors.length === 0, page.errors.join(' | '));
    await context.close();
  }

  // 2b. Each step names the reference section it follows, as a link; a step the
  // reference does not settle says "Model choice". Without FLUSH_NO_UI the spooler
  // shows a progress indicator parented to ulUIParam.
  {
    const { context, page } = await newPage();
    const script = [
      'table = session.GetStatusTable()',
      'table.SetColumns(PR_ENTRYID, PR_RESOURCE_TYPE)',
      'rows = HrQueryAllRows(table, PR_RESOURCE_TYPE == MAPI_SPOOLER)',
      'spooler = session.OpenEntry(rows[0].PR_ENTRYID)',
      'spooler.FlushQueues(FLUSH_UPLOAD, ui: 42)',
      'Release(spooler)',
      'Release(table)',
      'FreeProws(rows)',
    ].join('\n');
    const toml = `title = "Progress indicator"\nseed = 3\nscript = '''\n${script}\n'''\n\n[[transport]]\nname = "Office LAN"\nkind = "lan"\noutbound = ["a"]\n`;
    await page.goto(base + '#' + v1Link(toml));
    await page.waitForSelector('svg.diagram');
    await gotoStep(page, 7);
    const progress = await eventually(page, () => document.querySelector('svg.diagram .progress')?.textContent.includes('window 42'));
    check('without FLUSH_NO_UI the spooler shows its progress indicator, parented to ulUIParam', progress, await page.textContent('svg.diagram .box.spooler'));
    const url = 'https://learn.microsoft.com/en-us/office/client-developer/outlook/mapi/imapistatus-flushqueues#parameters';
    const cited = await eventually(page, (u) => document.querySelector('.reference a')?.getAttribute('href') === u, url);
    check('the progress step links to imapistatus-flushqueues#parameters', cited, await page.textContent('.reference'));
    await press(page, 'ArrowRight');
    const step1 = await eventually(page, () => document.querySelector('.reference a')?.textContent.includes('implementing-the-flushqueues-method step 1'));
    check('IXPLogon::FlushQueues cites step 1 of the Implementing page', step1, await page.textContent('.reference'));
    await page.screenshot({ path: path.join(shots, '02b-reference-and-progress.png'), fullPage: true });
    await press(page, 'End');
    const choice = await eventually(page, () => document.querySelector('.reference.model-choice')?.textContent.includes('Model choice'));
    check('the end of the run is labelled a model choice', choice, await page.textContent('.reference'));
    check('the progress indicator is gone after the flush', await eventually(page, () => !document.querySelector('svg.diagram .progress')));
    check("the flags panel lists the reference's own contradictions", (await page.locator('details.contradictions li').count()) === 4);
    check('page had no console errors (2b)', page.errors.length === 0, page.errors.join(' | '));
    await context.close();
  }

  // 5. Dialogs: answer the modem's, cancel the RAS one; share the result.
  let shared;
  {
    const { context, page } = await newPage();
    await page.goto(base);
    await page.waitForSelector('svg.diagram');
    await page.selectOption('select[aria-label="Load a preset scenario"]', 'modem-ignores-no-ui');
    await press(page, 'End');
    await page.waitForSelector('[role=dialog]');
    check('the modem dialog appears', (await page.textContent('[role=dialog] h2')).includes('Connect Home Modem?'));
    await page.screenshot({ path: path.join(shots, '04-modem-dialog.png'), fullPage: false });
    await page.click('[role=dialog] button:has-text("Connect")');
    check('connecting closes the dialog', (await page.locator('[role=dialog]').count()) === 0);
    await press(page, 'End');
    await page.waitForSelector('[role=dialog]');
    check('then the RAS dialog appears', (await page.textContent('[role=dialog] h2')).includes('Connect Travel RAS?'));
    await page.click('[role=dialog] button:has-text("Cancel")');
    await press(page, 'End');
    check('after cancelling, RAS keeps its message', (await page.locator('svg.diagram .token.out').count()) === 1);
    check('the modem delivered its message', (await page.textContent('.trace')).includes('SubmitMessage(0, report) = S_OK'));
    // Stepping back onto the first dialog and answering differently forks the future.
    const trace = await page.textContent('.trace');
    await press(page, 'Home');
    await press(page, 'ArrowRight', 8);
    await page.waitForSelector('[role=dialog]');
    check('an answered dialog shows the earlier answer', (await page.textContent('[role=dialog]')).includes('Answered before: Connect'));
    await page.click('[role=dialog] button:has-text("Cancel")');
    await press(page, 'End');
    const forked = await page.textContent('.trace');
    check('answering differently forks a new future', forked !== trace && !forked.includes('SubmitMessage(0, report)'));
    // Share.
    await press(page, 'Home');
    await press(page, 'ArrowRight', 5);
    await page.click('button:has-text("Share link")');
    shared = await page.evaluate(() => location.hash);
    check('share puts a v=1 link in the URL', shared.startsWith('#v=1&s='), shared.slice(0, 20));
    check('page had no console errors (5)', page.errors.length === 0, page.errors.join(' | '));
    // The last session is restored after a reload without the fragment.
    await page.goto(base);
    await page.waitForSelector('svg.diagram');
    check('reload restores the last session', (await title(page)).startsWith('NO_UI ignored') && (await stepNo(page)) === 5);
    await context.close();
  }

  // 5b. The scenario editor: removing the fault changes the outcome.
  {
    const { context, page } = await newPage();
    await page.goto(base);
    await page.waitForSelector('svg.diagram');
    await page.selectOption('select[aria-label="Load a preset scenario"]', 'link-down');
    await press(page, 'End');
    const down = await page.textContent('.trace');
    check('with the link down, Dial-up keeps its message', down.includes('cannot reach its server') && down.includes('done with Dial-up: its server is unreachable'));
    check('the link down still returns S_OK (the status row tells)', down.includes('FlushQueues = S_OK') && !down.includes('MAPI_E_NETWORK_ERROR'));
    await page.click('button[role=tab]:has-text("Scenario")');
    await page.screenshot({ path: path.join(shots, '08-scenario-editor.png'), fullPage: true });
    await page.click('button[aria-label="Remove fault"]');
    await page.click('button[role=tab]:has-text("Script")');
    await press(page, 'End');
    const after = await page.textContent('.trace');
    check('without the fault, Dial-up delivers', after.includes('SubmitMessage(0, c) = S_OK') && !after.includes('cannot reach its server'));
    check('page had no console errors (5b)', page.errors.length === 0, page.errors.join(' | '));
    await context.close();
  }

  // 6. Following the share link in a fresh browser opens the same state.
  {
    const { context, page } = await newPage();
    await page.goto(base + shared);
    await page.waitForSelector('svg.diagram');
    check('the share link opens the same scenario', (await title(page)).startsWith('NO_UI ignored'));
    check('the share link opens the same step', (await stepNo(page)) === 5);
    await press(page, 'End');
    await page.waitForTimeout(50);
    check('the share link keeps the answers', !(await page.textContent('.trace')).includes('SubmitMessage(report)'));
    await context.close();
  }

  // 7. A link made by v1 still opens.
  {
    const { context, page } = await newPage();
    await page.goto(base + '#' + V1_LINK);
    await page.waitForSelector('svg.diagram');
    check('the frozen v1 link opens its scenario', (await title(page)).startsWith('Procedure A'));
    check('the frozen v1 link opens step 7', (await stepNo(page)) === 7);
    await context.close();
  }

  // 8. Keyboard help, focus, phones, reduced motion.
  {
    const { context, page } = await newPage({ viewport: { width: 360, height: 780 }, reducedMotion: 'reduce' });
    await page.goto(base);
    await page.waitForSelector('svg.diagram');
    await page.keyboard.press('?');
    check('? opens the shortcuts', (await page.locator('[role=dialog] h2:has-text("Keyboard shortcuts")').count()) === 1);
    await page.screenshot({ path: path.join(shots, '05-phone-shortcuts.png'), fullPage: false });
    await page.keyboard.press('Escape');
    check('Escape closes them', (await page.locator('[role=dialog]').count()) === 0);
    await press(page, 'ArrowRight', 3);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check('no sideways scrolling at 360 px', overflow <= 1, `overflow ${overflow}px`);
    const transition = await page.evaluate(() => getComputedStyle(document.querySelector('svg.diagram .token')).transitionDuration);
    check('reduced motion turns off token animation', transition === '0s', transition);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement && document.activeElement.tagName);
    check('Tab moves focus to a control', ['BUTTON', 'SELECT', 'INPUT', 'TEXTAREA', 'A', 'SUMMARY'].includes(focused), focused);
    await page.screenshot({ path: path.join(shots, '06-phone.png'), fullPage: true });
    check('page had no console errors (8)', page.errors.length === 0, page.errors.join(' | '));
    await context.close();
  }

  // 9. Frame times while playing a large scenario at full speed.
  {
    const { context, page } = await newPage();
    await page.goto(base + '#' + v1Link(largeScenario(8, 40)));
    await page.waitForSelector('svg.diagram');
    await page.selectOption('select[aria-label="Playback speed"]', '16');
    const frames = await page.evaluate(() => new Promise((done) => {
      const deltas = [];
      let last = performance.now();
      const start = last;
      document.querySelector('button.play').click();
      const tick = (now) => {
        deltas.push(now - last);
        last = now;
        if (now - start < 3000) requestAnimationFrame(tick); else done(deltas);
      };
      requestAnimationFrame(tick);
    }));
    // Time travel in the browser: jump the scrubber to random steps and time each
    // jump until the next frame is painted.
    const jumps = await page.evaluate(async () => {
      const input = document.querySelector('.scrub input');
      const max = +input.max;
      const times = [];
      for (let i = 0; i < 30; i++) {
        const target = Math.floor(((i * 7919) % 997) / 997 * max);
        const t0 = performance.now();
        input.value = String(target);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((r) => requestAnimationFrame(() => r()));
        times.push(performance.now() - t0);
      }
      return { max, times };
    });
    const jumpSorted = [...jumps.times].sort((a, b) => a - b);
    measurements.jump_trace_events = jumps.max;
    measurements.jump_median_ms = +jumpSorted[Math.floor(jumpSorted.length / 2)].toFixed(1);
    measurements.jump_max_ms = +jumpSorted[jumpSorted.length - 1].toFixed(1);
    const sorted = [...frames].sort((a, b) => a - b);
    measurements.frames = frames.length;
    measurements.frame_mean_ms = +(frames.reduce((a, b) => a + b, 0) / frames.length).toFixed(1);
    measurements.frame_p95_ms = +sorted[Math.floor(sorted.length * 0.95)].toFixed(1);
    measurements.frame_max_ms = +sorted[sorted.length - 1].toFixed(1);
    measurements.large_steps_played = await stepNo(page);
    check('playing advances the large scenario', measurements.large_steps_played > 20, String(measurements.large_steps_played));
    await page.screenshot({ path: path.join(shots, '07-large-playing.png'), fullPage: false });
    check('page had no console errors (9)', page.errors.length === 0, page.errors.join(' | '));
    await context.close();
  }
  // 10. Time travel in a trace of over a million events, in the browser.
  {
    const { context, page } = await newPage();
    let toml = 'title = "A million events"\nseed = 3\nscript = \'\'\'\n' +
      'table = session.GetStatusTable()\ntable.SetColumns(PR_ENTRYID, PR_RESOURCE_TYPE)\n' +
      'rows = HrQueryAllRows(table, PR_RESOURCE_TYPE == MAPI_SPOOLER)\nspooler = session.OpenEntry(rows[0].PR_ENTRYID)\n' +
      'spooler.FlushQueues(FLUSH_NO_UI | FLUSH_UPLOAD | FLUSH_DOWNLOAD)\nRelease(spooler)\nRelease(table)\nFreeProws(rows)\n\'\'\'\n';
    for (let i = 0; i < 64; i++) toml += `\n[[transport]]\nname = "LAN ${i + 1}"\nkind = "lan"\noutbound_count = 7812\nremote_count = 7812\n`;
    const t0 = Date.now();
    await page.goto(base + '#' + v1Link(toml));
    await page.waitForSelector('svg.diagram', { timeout: 120000 });
    measurements.million_ready_ms = Date.now() - t0;
    const events = +(await page.getAttribute('.scrub input', 'max'));
    measurements.million_events = events;
    check('a million-event run loads in the browser', events >= 1_000_000, String(events));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const before = await metrics();
    const n = 20;
    await page.evaluate(async (n) => {
      const input = document.querySelector('.scrub input');
      const max = +input.max;
      for (let i = 0; i < n; i++) {
        input.value = String(Math.floor(((i * 7919) % 997) / 997 * max));
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      }
    }, n);
    const after = await metrics();
    const per = (k) => +(((after[k] - before[k]) * 1000) / n).toFixed(2);
    measurements.million_jump_script_ms = per('ScriptDuration');
    measurements.million_jump_layout_ms = per('LayoutDuration');
    measurements.million_jump_style_ms = per('RecalcStyleDuration');
    // A measurement, not a check: timing depends on the machine's load. See BENCHMARKS.md.
    measurements.million_jump_work_ms = +(measurements.million_jump_script_ms + measurements.million_jump_layout_ms + measurements.million_jump_style_ms).toFixed(1);
    await page.screenshot({ path: path.join(shots, '09-million-events.png'), fullPage: false });
    check('page had no console errors (10)', page.errors.length === 0, page.errors.join(' | '));
    await context.close();
  }
  // 11. The documentation page: sandboxed embeds load, size themselves, and obey the page.
  {
    const { context, page } = await newPage();
    await page.goto(base + 'docs/procedures.html');
    for (const id of ['procedure-a', 'procedure-b', 'link-down']) {
      await page.locator(`#${id}`).scrollIntoViewIfNeeded();
      const frame = page.frameLocator(`#${id}`);
      await frame.locator('svg.diagram').waitFor({ timeout: 20000 });
    }
    check('every embed on the docs page renders its diagram', true);
    const b = page.frameLocator('#procedure-b');
    check('an embed shows only its panels', (await b.locator('.status-table').count()) === 1 && (await b.locator('header.top').count()) === 0);
    check('an embed opens at its step', (await b.locator('.counter').textContent()).trim().startsWith('20 /'));
    check('an embed links to the full playground', (await b.locator('a.open-full').getAttribute('href')).includes('#v=1&s='));
    await page.waitForFunction(() => parseInt(document.querySelector('#procedure-b').style.height, 10) > 300);
    check('an embed reports its height to the page', parseInt(await page.$eval('#procedure-b', (f) => f.style.height), 10) > 300);
    await page.locator('#procedure-a').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => parseInt(document.querySelector('#procedure-a').style.height, 10) > 0);
    const fit = await page.$eval('#procedure-a', (f) => parseInt(f.style.height, 10));
    check('a short embed shrinks to its content', fit < 560, String(fit));
    await page.click('.host[data-frame="procedure-b"] button[data-goto="11"]');
    await page.waitForFunction(() => document.querySelector('#procedure-b').dataset.step === '11');
    check('the page moves an embed with flushq:goto and hears flushq:step', (await b.locator('.counter').textContent()).trim().startsWith('11 /'));
    await page.locator('#link-down').scrollIntoViewIfNeeded();
    await page.click('.host[data-frame="link-down"] button[data-play="1"]');
    await page.waitForFunction(() => +document.querySelector('#link-down').dataset.step > 11, null, { timeout: 10000 });
    await page.click('.host[data-frame="link-down"] button[data-play="0"]');
    check('the page plays and pauses an embed', +(await page.$eval('#link-down', (f) => f.dataset.step)) > 11);
    await docsShot(page, '10-docs-page.png');
    check('the docs page had no console errors', page.errors.length === 0, page.errors.join(' | '));
    await context.close();
  }
  // The same page in Chinese: the embeds speak Chinese and the page links back to English.
  {
    const { context, page } = await newPage();
    await page.goto(base + 'docs/procedures.zh.html');
    for (const id of ['procedure-a', 'procedure-b', 'link-down']) {
      await page.locator(`#${id}`).scrollIntoViewIfNeeded();
      await page.frameLocator(`#${id}`).locator('svg.diagram').waitFor({ timeout: 20000 });
    }
    const back = await page.$eval('a[hreflang="en"]', (a) => a.href);
    check('the Chinese docs page links back to the English one', back === base + 'docs/procedures.html', back);
    const b = page.frameLocator('#procedure-b');
    const narration = await b.locator('.narration').textContent();
    check('a lang=zh embed narrates in Chinese', /[\u4e00-\u9fff]/.test(narration), narration);
    const full = await b.locator('a.open-full').getAttribute('href');
    check('a lang=zh embed opens the playground in Chinese', full.includes('lang=zh'), full);
    await page.waitForFunction(() => parseInt(document.querySelector('#procedure-b').style.height, 10) > 300);
    await docsShot(page, '15-docs-page-zh.png');
    check('the Chinese docs page had no console errors', page.errors.length === 0, page.errors.join(' | '));
    await context.close();
  }
  // 12. Lessons: the goal is checked live; the solution is a diff, then a peek; progress is kept.
  {
    const { context, page } = await newPage({ acceptDownloads: true });
    await page.goto(base);
    await page.click('button[role="tab"]:has-text("Lessons")');
    check('the lessons tab lists every lesson', (await page.locator('.lesson-list li').count()) === 11);
    await page.click('.lesson-list li:first-child button');
    await page.waitForSelector('.goal li');
    check('a lesson starts with its goal not reached', (await page.locator('.goal li.fail').count()) > 0);
    const mine = await page.inputValue('#script');
    await page.click('button:has-text("Hint")');
    check('a hint is shown on demand', (await page.locator('.hints li').count()) === 1);
    await page.waitForTimeout(500); // the session is saved once the state is still
    await page.reload();
    await page.waitForSelector('.goal li');
    check('a lesson in progress reopens after a reload, hints included', (await page.textContent('#lesson-head')).includes('spooler') && (await page.locator('.hints li').count()) === 1);
    await page.click('button:has-text("Show solution")');
    check('the solution is shown as a diff against the script', (await page.locator('.diff .add').count()) > 0 && (await page.locator('.diff .del').count()) > 0);
    await page.click('button:has-text("Put the solution in the editor")');
    await page.waitForFunction(() => document.querySelectorAll('.goal li.fail').length === 0);
    check('the solution reaches the goal', (await page.textContent('.golf')).includes('Goal reached'));
    check('a peeked solution is not recorded as solved', (await page.evaluate(() => localStorage.getItem('flushq.progress'))) === null);
    await page.click('button:has-text("Back to my script")');
    check('the learner\'s script comes back', (await page.inputValue('#script')) === mine);
    const solution = await page.evaluate(() => [...document.querySelectorAll('.diff div')].filter((d) => !d.classList.contains('del')).map((d) => d.textContent.slice(2)).join('\n') + '\n');
    await page.fill('#script', solution);
    await page.waitForFunction(() => (localStorage.getItem('flushq.progress') || '').includes('find-the-spooler'));
    check('a solve typed by the learner is saved with its score', (await page.evaluate(() => localStorage.getItem('flushq.progress'))).trim() === 'find-the-spooler 7');
    await page.screenshot({ path: path.join(shots, '11-lesson.png'), fullPage: false });
    check('a solved lesson offers the next one', (await page.textContent('.lessons button.primary')).includes('Next lesson: Send everything through the spooler'));
    await page.click('button:has-text("All lessons")');
    check('the list marks the solved lesson with its score', (await page.textContent('.lesson-list li.solved')).includes('7 / par 7'));
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("Export progress")')]);
    const exported = fs.readFileSync(await download.path(), 'utf8');
    check('progress exports as a text file', exported.trim() === 'find-the-spooler 7', exported);
    await page.setInputFiles('.import input', { name: 'progress.txt', mimeType: 'text/plain', buffer: Buffer.from('release-everything 14\nnot-a-lesson 1\n') });
    await page.waitForFunction(() => document.querySelectorAll('.lesson-list li.solved').length === 2);
    check('progress imports, skipping unknown lessons', (await page.evaluate(() => localStorage.getItem('flushq.progress'))).includes('release-everything 14'));
    await page.reload();
    await page.click('button[role="tab"]:has-text("Lessons")');
    check('progress survives a reload', (await page.locator('.lesson-list li.solved').count()) === 2);
    check('page had no console errors (12)', page.errors.length === 0, page.errors.join(' | '));
    await context.close();
  }
  // 13. Predict mode: the run stops before each question until it is answered.
  {
    const { context, page } = await newPage();
    await page.goto(base);
    await page.selectOption('.presets select', 'async-ok-busy');
    await page.click('button.predict-toggle');
    await press(page, 'ArrowRight', 40);
    const held = await stepNo(page);
    check('stepping stops at a question', (await page.locator('.predict .choices button').count()) >= 3 && held < 40, String(held));
    await press(page, 'ArrowRight');
    check('→ waits for the answer', (await stepNo(page)) === held);
    await page.screenshot({ path: path.join(shots, '12-predict.png'), fullPage: false });
    await press(page, '1');
    await page.waitForSelector('.predict .verdict');
    check('answering with a number key reveals the step and says whether it was right', (await stepNo(page)) === held + 1 && /Right|Not quite/.test(await page.textContent('.predict .verdict')));
    check('the score counts the answer', (await page.textContent('.predict h2 small')).includes('of 1 right'));
    check('page had no console errors (13)', page.errors.length === 0, page.errors.join(' | '));
    await context.close();
  }
  // 14. Chinese: from the browser's language, a switch that is remembered, ?lang= on top.
  {
    const { context, page } = await newPage({ locale: 'zh-CN' });
    await page.goto(base);
    await page.waitForSelector('svg.diagram');
    check('a Chinese browser gets the Chinese page', (await page.textContent('header.top')).includes('分享链接'));
    check('<html lang> follows the page', (await page.getAttribute('html', 'lang')) === 'zh-CN');
    await gotoStep(page, 5);
    check('the narration is in Chinese', /[\u4e00-\u9fff]/.test(await narration(page)) && (await narration(page)).includes('FlushQueues'));
    await page.screenshot({ path: path.join(shots, '13-chinese.png'), fullPage: false });
    await page.click('button[role="tab"]:has-text("课程")');
    await page.click('.lesson-list li:nth-child(4) button');
    await page.waitForSelector('.goal li');
    await page.fill('#script', 'table = session.GetStatusTabel()\n');
    await page.waitForSelector('#diagnostics li');
    check('script diagnostics are in Chinese', /[\u4e00-\u9fff]/.test(await page.textContent('#diagnostics li')) && (await page.textContent('#diagnostics li')).includes('GetStatusTable'), await page.textContent('#diagnostics li'));
    await page.click('button:has-text("全部课程")');
    await page.click('.lesson-list li:nth-child(4) button');
    await page.click('button:has-text("提示")');
    await page.click('button:has-text("显示答案")');
    await page.waitForSelector('.diff .add');
    await page.screenshot({ path: path.join(shots, '14-lesson-zh.png'), fullPage: false });
    await page.click('button.lang-switch');
    check('the switch turns the page to English', (await page.textContent('header.top')).includes('Share link'));
    await page.reload();
    await page.waitForSelector('svg.diagram');
    check('the choice is remembered over the browser language', (await page.textContent('header.top')).includes('Share link'));
    await page.goto(base + '?lang=zh');
    await page.waitForSelector('svg.diagram');
    check('?lang= overrides the remembered choice', (await page.textContent('header.top')).includes('分享链接'));
    await page.goto('about:blank');
    await page.goto(base + '?lang=zh#v=1&s=' + V1_LINK.slice(6, 60));
    await page.waitForSelector('.toast');
    check('a damaged link says why, in the page language', (await page.textContent('.toast')).includes('无法打开这个链接：链接数据不完整'), await page.textContent('.toast'));
    await page.goto(base + '?embed&lang=zh&preset=link-down');
    await page.waitForSelector('svg.diagram');
    check('an embed speaks its lang=', (await page.textContent('a.open-full')).includes('在演练场中打开') && (await page.getAttribute('a.open-full', 'href')).includes('lang=zh'));
    check('page had no console errors (14)', page.errors.length === 0, page.errors.join(' | '));
    await context.close();
  }
} catch (e) {
  check('the walk-through ran to its end', false, String(e && e.stack || e));
} finally {
  await browser.close();
  server.close();
}
console.log('measurements: ' + JSON.stringify(measurements));
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
