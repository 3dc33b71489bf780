// The rival: the same catalogue JSON as one plain static HTML page, every
// video an <li> with a link, a lazy thumbnail (the app's URL:
// Catalogue::thumbnail_url), the title and a date/series line, plus a
// vanilla-JS title filter. It uses the app's class names for the list and
// its links (`.result-list a.video-link`) and an `input[type=search]`, so the
// measurements read both pages with the same selectors.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const escape = (s) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

// Compact enough that ten rows fit a 390×844 phone screen below the heading.
const STYLE = `
body{font:15px/1.35 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:0 .75rem}
h1{font-size:1.15rem;margin:.5rem 0}
input{font:inherit;width:100%;box-sizing:border-box;padding:.45rem;margin:0}
#count{margin:.3rem 0;color:#555;font-size:.875rem}
.result-list{list-style:none;margin:0;padding:0}
.result-list li{border-bottom:1px solid #ddd}
.video-link{display:flex;gap:.6rem;padding:.25rem 0;color:inherit;text-decoration:none;min-height:44px}
.video-link img{flex:none;width:96px;height:54px;background:#ddd;object-fit:cover}
.video-link>span{min-width:0}
.title{font-weight:600;display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden}
.meta{display:block;color:#555;font-size:.8rem;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}`;

const FILTER = `
const input = document.querySelector('input[type=search]');
const count = document.getElementById('count');
const items = [...document.querySelectorAll('.result-list > li')];
const titles = items.map((li) => li.querySelector('.title').textContent.toLowerCase());
function filter() {
  const q = input.value.trim().toLowerCase();
  let n = 0;
  items.forEach((li, i) => { const hit = titles[i].includes(q); li.hidden = !hit; n += hit; });
  count.textContent = n + ' 部影片';
}
input.addEventListener('input', filter);
if (input.value) filter();`;

export function plainHtml(catalogue) {
  const series = new Map(catalogue.series.map((s) => [s.id, s.name_zh]));
  const items = catalogue.videos.map((v) => {
    const meta = [v.date ?? v.year, series.get(v.series)].filter(Boolean).join(' · ');
    return (
      `<li><a class="video-link" href="https://www.youtube.com/watch?v=${escape(v.id)}">` +
      `<img loading="lazy" src="https://i.ytimg.com/vi/${escape(v.id)}/mqdefault.jpg" width="96" height="54" alt="">` +
      `<span><span class="title">${escape(v.title)}</span><span class="meta">${escape(meta)}</span></span></a></li>`
    );
  });
  return `<!doctype html>
<html lang="zh-Hant-TW">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>課程影片</title>
<style>${STYLE}</style>
</head>
<body>
<h1>課程影片</h1>
<input type="search" aria-label="搜尋標題" placeholder="搜尋標題">
<p id="count">${catalogue.videos.length} 部影片</p>
<ul class="result-list">
${items.join('\n')}
</ul>
<script>${FILTER}</script>
</body>
</html>
`;
}

/** Writes the plain page of `catalogueFile` to `dir`/index.html; resolves to dir. */
export async function writePlainSite(catalogueFile, dir) {
  const catalogue = JSON.parse(await readFile(catalogueFile, 'utf8'));
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'index.html'), plainHtml(catalogue));
  return dir;
}
