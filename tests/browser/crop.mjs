import { chromium } from "@playwright/test";
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const [file, w, h, out, y] = process.argv.slice(2);
const p = await b.newPage({ viewport: { width: +w, height: +h } });
await p.setContent(`<body style="margin:0"><img src="file://${file}" style="display:block;margin-top:-${y || 0}px">`);
await p.goto(`file://${file}`);
await p.evaluate((y) => window.scrollTo(0, +y), y || 0);
await p.screenshot({ path: out });
await b.close();
