// The browser side of `./pulse bench web` (WebBench starts it): Debian's Chromium through playwright-core, as the web
// app's browser tests drive it, types typing sessions into the composer one key at a time, waiting after each key
// until its suggestions are painted. The figure is the composer's own `pulse:suggestions` performance measure (key
// down to the frame that shows the list), read back from the page; this script's own timing counts for nothing.
// Usage: node keystroke-to-paint.mjs INPUT.json OUTPUT.json, where INPUT holds
// {url, warmup: [[query...]...], sessions: [[query...]...], keystrokeTimeoutMs, maxMillis}.
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const [inputPath, outputPath] = process.argv.slice(2);
const input = JSON.parse(readFileSync(inputPath, 'utf8'));
const started = Date.now();

/** Waits in the page for the measure of `query` recorded after the first `from` ones; null after `timeoutMs`. */
function painted({ from, query, timeoutMs }) {
  return new Promise((resolve) => {
    const find = () => performance.getEntriesByName('pulse:suggestions').slice(from)
      .find((entry) => entry.detail?.query === query);
    const done = (entry) => {
      observer.disconnect();
      clearTimeout(timer);
      if (!entry) {
        resolve(null);
        return;
      }
      // Where the time went: the debounce, the API's answer (as fetch saw it), building the list, the frame.
      const fetched = performance.getEntriesByType('resource')
        .filter((r) => r.name.includes('/mentions?') && new URL(r.name).searchParams.get('q') === query).at(-1);
      const { source, results, requestedAt, answeredAt, shownAt } = entry.detail;
      const end = entry.startTime + entry.duration;
      resolve({
        ms: entry.duration,
        source,
        results,
        phases: source === 'api'
          ? {
            debounce: requestedAt - entry.startTime,
            api: answeredAt - requestedAt,
            // of which the server's time to first byte, as the browser's resource timing saw it
            server: fetched ? fetched.responseStart - fetched.requestStart : NaN,
            render: shownAt - answeredAt,
            paint: end - shownAt,
          }
          : { render: shownAt - entry.startTime, paint: end - shownAt },
      });
    };
    const observer = new PerformanceObserver(() => { const entry = find(); if (entry) done(entry); });
    observer.observe({ type: 'measure' });
    const timer = setTimeout(() => done(find()), timeoutMs);
    const entry = find();
    if (entry) done(entry);
  });
}

/** Types each session after "@" in an emptied composer, one key per query; returns a measure per keystroke. */
async function typeSessions(page, sessions, label) {
  const measures = [];
  let count = 0;
  const total = sessions.reduce((sum, s) => sum + s.length, 0);
  for (const session of sessions) {
    if (Date.now() - started > input.maxMillis) {
      console.log(`  ${label}: stopped at ${count}/${total} keystrokes, the time limit reached`);
      break;
    }
    await page.locator('#composer').fill('');
    await page.keyboard.type('@');
    let typed = '';
    for (const query of session) {
      const key = query.slice(typed.length);
      const from = await page.evaluate(() => performance.getEntriesByName('pulse:suggestions').length);
      await page.keyboard.type(key);
      typed = query;
      const measure = await page.evaluate(painted, { from, query, timeoutMs: input.keystrokeTimeoutMs });
      measures.push(measure ? { query, ...measure } : { query, error: 'no suggestions painted in time' });
      count += 1;
      if (count % 100 === 0) {
        const done = measures.filter((m) => !m.error).map((m) => m.ms).sort((a, b) => a - b);
        const p95 = done.length ? done[Math.min(done.length - 1, Math.ceil(0.95 * done.length) - 1)] : NaN;
        console.log(`  ${label}: ${count}/${total} keystrokes, p95 so far ${p95.toFixed(1)} ms`);
      }
    }
  }
  return measures;
}

const browser = await chromium.launch({
  executablePath: process.env.PULSE_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless'],
});
try {
  const context = await browser.newContext({ viewport: { width: 1180, height: 820 } });
  const page = await context.newPage();
  // Every /mentions request keeps its resource timing (the default buffer holds 250).
  await page.addInitScript(() => performance.setResourceTimingBufferSize(100_000));
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(input.url);
  await page.locator('#composer').waitFor();
  console.log(`composer loaded from ${input.url}; warming up`);
  await typeSessions(page, input.warmup, 'warm-up');
  // The measured run starts on a fresh page: its client cache holds nothing from the warm-up.
  await page.reload();
  await page.locator('#composer').waitFor();
  const measuring = Date.now();
  console.log('measuring');
  const measures = await typeSessions(page, input.sessions, 'measured');
  writeFileSync(outputPath, JSON.stringify({ measures, wallMs: Date.now() - measuring, problems }));
  if (problems.length) console.log(`page errors: ${problems.join('; ')}`);
} finally {
  await browser.close();
}
