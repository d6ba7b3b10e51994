/** Reads labelled inquiries (the shared inquiries-dev.jsonl format) as training examples. */
import * as fs from 'fs';
import { devDataPath } from '@lotsen/config';
import { TrainingExample } from './model-schema';

/** Default location of the labelled dev data (see devDataPath). */
export function defaultDevDataPath(): string {
  return devDataPath();
}

/**
 * One JSON object a line: {id, language, subject, text, department, type,
 * first_contact_resolvable, urgent, ...}. Blank lines are skipped; a malformed line throws
 * with its line number.
 */
export function loadDevExamples(file: string): TrainingExample[] {
  const raw = fs.readFileSync(file, 'utf8');
  const out: TrainingExample[] = [];
  raw.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let row: Record<string, unknown>;
    try {
      row = JSON.parse(line);
    } catch (e) {
      throw new Error(`${file}:${i + 1}: not valid JSON (${(e as Error).message})`);
    }
    const str = (k: string) => (typeof row[k] === 'string' ? (row[k] as string) : undefined);
    const bool = (k: string) => {
      if (typeof row[k] !== 'boolean') throw new Error(`${file}:${i + 1}: "${k}" must be true or false`);
      return row[k] as boolean;
    };
    const text = str('text');
    const department = str('department');
    const type = str('type');
    if (text === undefined || !department || !type) throw new Error(`${file}:${i + 1}: text, department and type are required`);
    out.push({
      subject: str('subject') ?? '',
      text,
      language: str('language'),
      department,
      type,
      firstContactResolvable: bool('first_contact_resolvable'),
      urgent: bool('urgent'),
      ...(row.trap === true ? { trap: true } : {}),
    });
  });
  return out;
}
