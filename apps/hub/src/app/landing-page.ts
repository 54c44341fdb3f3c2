/** The hub's front page: where each screen lives. Devices are provisioned by link or pairing. */
export function landingPage(centerName: string): string {
  const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const links = [
    ['/kiosk', 'Ki-ốt lấy số', 'Kiosk'],
    ['/counter', 'Bàn gọi số của quầy', 'Counter console'],
    ['/door', 'Màn hình trên quầy', 'Counter screen'],
    ['/board', 'Màn hình sảnh', 'Hall board'],
    ['/admin', 'Quản trị', 'Administration'],
  ]
    .map(([href, vi, en]) => `<li><a href="${href}">${vi}</a> <small>${en}</small></li>`)
    .join('');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>layso</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><link rel="icon" href="data:,">
<style>body{font:24px system-ui,sans-serif;margin:2em;color:#111}a{color:#0b4f9c}small{color:#555}</style></head>
<body><h1>${escape(centerName)}</h1><p>layso: hệ thống lấy số thứ tự</p><ul>${links}</ul></body></html>`;
}
