// The documentation pages' side of the embed API, shared by the English and the
// Chinese page: the views post {type: "flushq:step" | "flushq:height"}; the page
// sends {type: "flushq:goto" | "flushq:play" | "flushq:pause"}.
const zh = document.documentElement.lang.startsWith('zh');
const frames = Object.fromEntries([...document.querySelectorAll('iframe')].map((f) => [f.id, f]));
window.addEventListener('message', (e) => {
  const frame = Object.values(frames).find((f) => f.contentWindow === e.source);
  if (!frame || !e.data || typeof e.data.type !== 'string') return;
  if (e.data.type === 'flushq:height') frame.style.height = Math.ceil(e.data.height) + 'px';
  if (e.data.type === 'flushq:step') {
    const status = document.querySelector(`.host[data-frame="${frame.id}"] .status`);
    status.textContent = zh ? `第 ${e.data.step} 步，共 ${e.data.total} 步` : `step ${e.data.step} of ${e.data.total}`;
    frame.dataset.step = e.data.step;
  }
});
for (const host of document.querySelectorAll('.host')) {
  const frame = frames[host.dataset.frame];
  host.addEventListener('click', (e) => {
    const b = e.target.closest('button');
    if (!b) return;
    if (b.dataset.goto) frame.contentWindow.postMessage({ type: 'flushq:goto', step: +b.dataset.goto }, '*');
    if (b.dataset.play) frame.contentWindow.postMessage({ type: b.dataset.play === '1' ? 'flushq:play' : 'flushq:pause' }, '*');
  });
}
