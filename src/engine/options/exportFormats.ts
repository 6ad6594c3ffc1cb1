// What a probe result can be exported as from the panel.
import { choiceList, type ValueOf } from './choiceList';

export const exportFormats = choiceList('json', [
  {
    value: 'json',
    label: 'JSON',
    description: 'The whole result in its documented shape (docs/probe-result.md).',
  },
  { value: 'markdown', label: 'Markdown', description: 'The verdict, the tables and the timeline as text.' },
  { value: 'svg', label: 'SVG', description: 'The timeline as a standalone picture.' },
] as const);

export type ExportFormat = ValueOf<typeof exportFormats>;
