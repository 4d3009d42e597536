/**
 * The diagnostics catalogue and reporter. Diagnostics are vfile messages attached to the file
 * they are about (never exceptions); each carries a stable rule id from `rules` below.
 */
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { Diagnostic, Position } from './types.js';

type Severity = Diagnostic['severity'];

interface Rule {
  severity: Severity;
  /** What the rule is about, for the catalogue in docs/diagnostics.md. */
  title: string;
  /** What the archivist can do about it. */
  hint: string;
}

/** Every rule id the build can report. Ids are permanent: add new ones, never rename. */
export const rules = {
  'encoding-gb18030': { severity: 'info', title: 'File decoded as GB18030/GBK', hint: 'Save the file as UTF-8 to silence this.' },
  'encoding-utf16': { severity: 'info', title: 'File decoded as UTF-16', hint: 'Save the file as UTF-8 to silence this.' },
  'encoding-invalid': { severity: 'error', title: 'Bytes that are not valid UTF-8 (nor GB18030)', hint: 'Re-export the page as UTF-8; the position of the first bad byte is given.' },
  'binary-file': { severity: 'error', title: 'Binary data (NUL bytes) in a page file', hint: 'Only plain-text page files belong in the input folder.' },
  'file-too-large': { severity: 'error', title: 'File larger than the size limit', hint: 'Split the file into one file per printed page.' },
  'empty-file': { severity: 'error', title: 'File has no text', hint: 'Remove the file or fill it with the page text.' },
  'front-matter-yaml': { severity: 'error', title: 'Front matter is not valid YAML', hint: 'Fix the YAML between the two --- lines.' },
  'front-matter-type': { severity: 'error', title: 'Front matter value has the wrong type', hint: 'See the front matter table in the README.' },
  'front-matter-unknown-key': { severity: 'warning', title: 'Unknown front matter key (ignored)', hint: 'Known keys: paper, date, page, pageName, issueNumber, totalNumber.' },
  'front-matter-unsafe': { severity: 'error', title: 'Front matter value would break paths or URLs', hint: 'Remove slashes, "..", and control characters.' },
  'paper-unknown': { severity: 'error', title: 'Paper is not in the registry', hint: 'Add it to "papers" in baokan.config.json (id, name, district) or fix `paper:` in the front matter.' },
  'paper-undetected': { severity: 'error', title: 'Cannot tell which paper the page belongs to', hint: 'Add `paper: <name>` to the front matter.' },
  'paper-inferred': { severity: 'warning', title: 'Paper guessed from the page content', hint: 'Add `paper:` front matter to make it certain.' },
  'date-inferred': { severity: 'warning', title: 'Date guessed from the page content', hint: 'Add `date: yyyy-mm-dd` front matter to make it certain.' },
  'date-missing': { severity: 'warning', title: 'No date printed or inferable; the page goes into an undated issue', hint: 'Add `date: yyyy-mm-dd` front matter.' },
  'page-conflict': { severity: 'error', title: 'Two files claim the same paper, date and 版', hint: 'Fix the page number (front matter `page:`) or remove the duplicate.' },
  'page-duplicate': { severity: 'error', title: 'Two files of one issue have the same page text', hint: 'Remove the copy; the first file in path order is published.' },
  'page-duplicate-issue': { severity: 'warning', title: 'Two issues have a page with the same text', hint: 'Check the paper and date of both files (front matter `paper:`, `date:`); remove the misfiled one.' },
  'jump-unresolved': { severity: 'warning', title: 'A 下转 / 上接 jump leads to no article in this archive', hint: 'Add the missing 版 to the input, or check its page number and the marker (下转第N版 / 上接第N版).' },
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof rules;

/** Attaches a diagnostic of `rule` to `file`; errors are marked fatal (the file is rejected). */
export function report(file: VFile, rule: RuleId, reason: string, place?: Position | { line: number; column: number }): VFileMessage {
  const { severity, hint } = rules[rule];
  const message =
    severity === 'info'
      ? file.info(reason, { place, ruleId: rule, source: 'baokan' })
      : file.message(reason, { place, ruleId: rule, source: 'baokan' });
  if (severity === 'error') message.fatal = true;
  message.note = hint;
  return message;
}

/** True when any message on the file is an error (the file was rejected). */
export function hasErrors(file: VFile): boolean {
  return file.messages.some((m) => m.fatal === true);
}

/** Severity of a vfile message in the API's words. */
function severityOf(message: VFileMessage): Severity {
  if (message.fatal === true) return 'error';
  return message.fatal === false ? 'warning' : 'info';
}

/** The file's messages as data-API diagnostics, sorted by place so output is stable. */
export function toDiagnostics(file: VFile): Diagnostic[] {
  return [...file.messages]
    .map((m) => ({
      severity: severityOf(m),
      rule: m.ruleId ?? 'unknown',
      message: m.reason,
      line: m.line ?? 1,
      column: m.column ?? 1,
    }))
    .sort((a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
}

/** Formats one message like a compiler: `path:line:col: severity: message [rule-id]`. */
export function formatMessage(file: VFile, message: VFileMessage): string {
  return `${file.path}:${message.line ?? 1}:${message.column ?? 1}: ${severityOf(message)}: ${message.reason} [${message.ruleId ?? 'unknown'}]`;
}

/** All messages of all files at or above `min` severity, one line each, in file then place order. */
export function formatReport(files: VFile[], min: Severity = 'warning'): string[] {
  const rank: Record<Severity, number> = { info: 0, warning: 1, error: 2 };
  return [...files]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .flatMap((file) =>
      [...file.messages]
        .filter((m) => rank[severityOf(m)] >= rank[min])
        .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
        .map((m) => formatMessage(file, m)),
    );
}
