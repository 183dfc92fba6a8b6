import type { ProblemType } from '../http/problem-catalogue.js';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => ESCAPES[char]);

/** Escaped text, with `code` in backticks set as code. */
const prose = (text: string): string => escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');

/**
 * No script, no external resource, and an inline style only: within the
 * content security policy helmet sends with every answer (style-src allows
 * 'unsafe-inline'; script-src 'self' is never needed).
 */
const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}' +
  'code{font-family:ui-monospace,monospace;background:#f2f2f2;padding:0 .2em}h2{font-size:1.1rem}';

/** The page a problem's `type` URI shows a person who follows it. */
export const problemPage = (type: ProblemType): string => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(type.title)} — Alignment Ledger</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<p><code>${escapeHtml(type.type)}</code> · HTTP ${type.status}</p>
<h1>${escapeHtml(type.title)}</h1>
<h2>What it means</h2>
<p>${prose(type.description)}</p>
<h2>How to fix the request</h2>
<p>${prose(type.fix)}</p>
<p>The Alignment Ledger answers every error as <code>application/problem+json</code> (RFC 9457) whose
<code>type</code> is this page; its <code>detail</code> says what happened to that request.
The operations are described at <a href="/docs">/docs</a>.</p>
</main>
</body>
</html>
`;
