/**
 * Citizens answering the satisfaction survey of the demo day: they read the invitation in their
 * mailbox (npm start delivers mail as .eml files into .lotsen/outbox-mail) and some of them
 * follow its link. Scores lean to satisfied, as municipal surveys do.
 */
import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { simpleParser } from 'mailparser';

const SURVEY_LINK = /\/surveys\/([A-Za-z0-9_-]+)/;

/** Survey tokens in the invitations mailed to the demo's citizens (demo+N@example.se) since `since`. */
async function invitations(mailDir: string, since: number, seen: Set<string>): Promise<string[]> {
  if (!existsSync(mailDir)) return [];
  const tokens: string[] = [];
  for (const name of readdirSync(mailDir)) {
    if (!name.endsWith('.eml') || seen.has(name)) continue;
    const path = join(mailDir, name);
    const raw = readFileSync(path);
    const mail = await simpleParser(raw);
    if ((mail.date?.getTime() ?? 0) < since) { seen.add(name); continue; }
    const to = Array.isArray(mail.to) ? mail.to.flatMap((a) => a.value) : mail.to?.value ?? [];
    if (!to.some((a) => /^demo\+\d+@example\.se$/.test(a.address ?? ''))) { seen.add(name); continue; }
    const token = SURVEY_LINK.exec(mail.text ?? '')?.[1];
    seen.add(name);
    if (token) tokens.push(token);
  }
  return tokens;
}

/** Waits up to `waitMs` for invitations, answers about `share` of them; returns how many answered and their mean score. */
export async function answerSurveys(o: { notifications: string; mailDir: string; since: number; share: number; random: () => number; waitMs: number; expected: number }): Promise<{ invited: number; answered: number; mean: number | null }> {
  const seen = new Set<string>();
  const tokens: string[] = [];
  const until = Date.now() + o.waitMs;
  while (Date.now() < until && tokens.length < o.expected) {
    tokens.push(...(await invitations(o.mailDir, o.since, seen)));
    if (tokens.length < o.expected) await new Promise((r) => setTimeout(r, 1000));
  }
  let answered = 0;
  let sum = 0;
  for (const token of tokens) {
    if (o.random() >= o.share) continue;
    const r = o.random();
    const score = r < 0.45 ? 5 : r < 0.8 ? 4 : r < 0.92 ? 3 : r < 0.97 ? 2 : 1;
    const res = await fetch(`${o.notifications}/v1/surveys/${token}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ score }) });
    await res.arrayBuffer();
    if (res.ok) { answered++; sum += score; }
  }
  return { invited: tokens.length, answered, mean: answered ? Math.round((sum / answered) * 10) / 10 : null };
}
