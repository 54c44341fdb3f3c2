import { chromium } from 'playwright-core';
for (const policy of ['document-user-activation-required', 'user-gesture-required', 'no-user-gesture-required']) {
  for (const headless of [true]) {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless, ignoreDefaultArgs: ['--autoplay-policy=no-user-gesture-required'], args: ['--no-sandbox', `--autoplay-policy=${policy}`] });
  const page = await browser.newPage();
  await page.goto('data:text/html,<p>x</p>');
  const state = await page.evaluate(async () => { const c = new AudioContext(); const s0 = c.state; await new Promise(r => setTimeout(r, 500)); return [s0, c.state]; });
  console.log(policy, headless, state);
  await browser.close();
  }
}
