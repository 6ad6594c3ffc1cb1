// The frame of every standalone HTML report: the inline stylesheet and the title; the body is the
// caller's (already escaped). No scripts, no external resources.
import { escapeHtml as h } from './escapeHtml';
import { htmlReportCss } from './htmlReportStyle';

export function htmlPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(title)}</title>
<style>${htmlReportCss}</style>
</head>
<body>
<main>
<h1>${h(title)}</h1>
${body}
</main>
</body>
</html>
`;
}
