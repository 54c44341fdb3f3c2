import { launchBrowser } from '@layso/hub/testing';
const [file, x, y, w, h, out] = process.argv.slice(2);
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: 2000, height: 2000 } });
await page.goto(`file://${file}`);
await page.evaluate(() => { document.body.style.margin = '0'; const img = document.querySelector('img')!; img.style.position = 'absolute'; img.style.left = '0'; img.style.top = '0'; img.style.margin='0'; });
await page.screenshot({ path: out, clip: { x: Number(x), y: Number(y), width: Number(w), height: Number(h) } });
await browser.close();
