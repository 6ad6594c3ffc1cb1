// The report page's stylesheet: inline, no external fonts or images. A dark variant sets the same
// variables VS Code would, so the embedded timelines follow it too.
export const htmlReportCss = `
:root{color-scheme:light dark;--fg:#1f2937;--muted:#6b7280;--bg:#ffffff;--panel:#f9fafb;--border:#e5e7eb;
--bad:#dc2626;--bad-bg:#fef2f2;--good:#16a34a;--good-bg:#f0fdf4}
@media (prefers-color-scheme: dark){:root{--fg:#e5e7eb;--muted:#9ca3af;--bg:#111827;--panel:#1f2937;
--border:#374151;--bad:#f87171;--bad-bg:#2a1215;--good:#4ade80;--good-bg:#0f2418;
--vscode-foreground:#e5e7eb;--vscode-descriptionForeground:#9ca3af;--vscode-editor-background:#111827;
--vscode-editorWidget-border:#374151}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:14px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif}
main{max-width:1040px;margin:0 auto;padding:24px 20px 48px}
h1{font-size:22px;margin:0 0 4px}
h2{font-size:18px;margin:0 0 12px}
h3{font-size:14px;margin:20px 0 8px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
a{color:inherit}
.muted{color:var(--muted)}
.note{color:var(--muted);font-size:13px;margin:0 0 12px}
.result{border:1px solid var(--border);border-radius:8px;padding:20px;margin:24px 0;background:var(--bg)}
.verdict{border-left:4px solid var(--good);background:var(--good-bg);padding:10px 14px;border-radius:4px;margin:0 0 16px;font-size:15px}
.verdict.problem{border-left-color:var(--bad);background:var(--bad-bg)}
.config{display:flex;flex-wrap:wrap;gap:4px 20px;margin:0 0 16px;font-size:13px}
.config div{display:flex;gap:6px}
.config dt{color:var(--muted)}
.config dd{margin:0;font-weight:600;overflow-wrap:anywhere}
figure{margin:0 0 8px;overflow-x:auto;background:var(--panel);border:1px solid var(--border);border-radius:6px;padding:8px}
figure svg{display:block}
.scroll{overflow-x:auto}
.columns{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:24px}
@media (max-width:760px){.columns{grid-template-columns:1fr}}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{text-align:left;padding:4px 8px;border-bottom:1px solid var(--border);vertical-align:top}
th{color:var(--muted);font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.nowrap{white-space:nowrap}
tbody tr:nth-child(even){background:var(--panel)}
.failed{color:var(--bad);font-weight:600}
.committed{color:var(--good)}
.message{color:var(--muted);overflow-wrap:anywhere}
ul,ol{margin:0;padding-left:22px}
li{margin:2px 0}
.overview td:first-child a{font-weight:600}
`;
