// Where a frame's time goes while jumping or playing: CDP Performance metrics
// (script, layout, style) per jump on a large generated scenario.
import { chromium } from 'playwright-core';
import zlib from 'node:zlib';
const url = process.argv[2];
const transports = +(process.argv[3] || 8), messages = +(process.argv[4] || 40);
let t = `title = "Large"\nseed = 99\nscript = "preset:spooler"\n`;
for (let i = 0; i < transports; i++) {
  const out = Array.from({ length: messages }, (_, k) => `"o${i}.${k}"`).join(', ');
  t += `\n[[transport]]\nname = "LAN ${i + 1}"\nkind = "lan"\noutbound = [${out}]\n`;
}
const link = 'v=1&s=' + zlib.deflateRawSync(Buffer.from(`flushq-share 1\nstep 0\nanswers\n---\n${t}`), { level: 9 }).toString('base64url');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
await page.goto(url + '#' + link);
await page.waitForSelector('svg.diagram');
const cdp = await page.context().newCDPSession(page);
await cdp.send('Performance.enable');
const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
const a = await metrics();
const n = 30;
const sync = await page.evaluate(async (n) => {
  const input = document.querySelector('.scrub input');
  const max = +input.max;
  const times = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    input.value = String(Math.floor(((i * 7919) % 997) / 997 * max));
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 0));
    times.push(performance.now() - t0);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  }
  return times;
}, n);
const b = await metrics();
const per = (k) => ((b[k] - a[k]) * 1000 / n).toFixed(2);
console.log(`events: ${await page.evaluate(() => document.querySelector('.scrub input').max)}`);
console.log(`per jump: script ${per('ScriptDuration')} ms, layout ${per('LayoutDuration')} ms, style ${per('RecalcStyleDuration')} ms, task ${per('TaskDuration')} ms`);
console.log(`dispatch-to-idle per jump (ms): ${sync.map((x) => x.toFixed(1)).join(' ')}`);
await browser.close();
