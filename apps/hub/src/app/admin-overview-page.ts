/**
 * A minimal read-only overview at /admin until the admin console (its own issue)
 * lands: today's queues and counters, refreshed from the public catalog.
 */
export function adminOverviewPage(centerName: string): string {
  const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Quản trị — layso</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<style>body{font:20px system-ui,sans-serif;margin:1.5em;color:#111}table{border-collapse:collapse;margin-bottom:1.5em}
td,th{border:1px solid #999;padding:.3em .6em;text-align:left}th{background:#eef}</style></head>
<body><h1>${escape(centerName)}</h1>
<p>Tổng quan hôm nay (chỉ xem). Bảng điều khiển quản trị đầy đủ sẽ có trong bản sau.</p>
<h2>Lĩnh vực</h2><table id="services"><thead><tr><th>Khu vực</th><th>Lĩnh vực</th><th>Tiền tố</th><th>Giao dịch hiện tại</th><th>Đang chờ</th><th>Chờ dự kiến (phút)</th></tr></thead><tbody></tbody></table>
<h2>Quầy</h2><table id="counters"><thead><tr><th>Quầy</th><th>Trạng thái</th><th>Đang phục vụ</th></tr></thead><tbody></tbody></table>
<script>
const esc = (t) => String(t).replace(/[&<>"]/g, (c) => '&#' + c.charCodeAt(0) + ';');
async function refresh() {
  try {
    const catalog = await (await fetch('/api/catalog')).json();
    document.querySelector('#services tbody').innerHTML = catalog.areas.flatMap((a) => a.services.map((s) =>
      '<tr><td>' + esc(a.name) + '</td><td>' + esc(s.name) + '</td><td>' + s.prefix + '</td><td>' + (s.current ?? '—') +
      '</td><td>' + s.waiting + '</td><td>' + s.estWaitMin + '</td></tr>')).join('');
    document.querySelector('#counters tbody').innerHTML = catalog.counters.map((c) =>
      '<tr><td>' + esc(c.name) + '</td><td>' + (c.status === 'paused' ? 'Tạm nghỉ' : 'Mở') + '</td><td>' + (c.current ?? '—') + '</td></tr>').join('');
  } catch { /* the next refresh tries again */ }
}
refresh();
setInterval(refresh, 3000);
</script></body></html>`;
}
