import { createManagedBook } from '../src/book/index.js';
const N = 200000;
const frames: string[] = [];
for (let i = 0; i < N; i++) frames.push(JSON.stringify([17082, [86700 + (i % 60), 1 + (i % 3), Number((0.001 + (i % 1000) / 500).toFixed(8)) * (i % 2 ? 1 : -1)]]));
function t(name: string, f: () => void) { f(); const ts: number[] = []; for (let r = 0; r < 5; r++) { const t0 = process.hrtime.bigint(); f(); ts.push(Number(process.hrtime.bigint() - t0) / N); } ts.sort((a,b)=>a-b); console.log(name.padEnd(30), ts[2].toFixed(0), 'ns'); }
let sink = 0;
t('parse', () => { for (const s of frames) { const m = JSON.parse(s); sink += m.length; } });
t('parse+Date.now', () => { for (const s of frames) { const m = JSON.parse(s); sink += m.length + (Date.now() & 1); } });
t('parse+shift', () => { for (const s of frames) { const m = JSON.parse(s); m.length = 2; m.shift(); sink += m.length; } });
t('parse+slice', () => { for (const s of frames) { const m = JSON.parse(s); const p = m.slice(1, 2); sink += p.length; } });
t('parse+decode obj', () => { for (const s of frames) { const m = JSON.parse(s); const r = m[1]; const o = { price: r[0], count: r[1], amount: r[2] }; sink += o.count; } });
const book = createManagedBook({ funding: false, raw: false }, (r) => r);
t('parse+book.apply', () => { for (const s of frames) { const m = JSON.parse(s); book.apply(m[1]); } });
t('checksum x1 per msg /50', () => { for (let i = 0; i < N / 50; i++) sink += book.checksum(); });
console.log(book.bidCount, book.askCount, sink > 0);
