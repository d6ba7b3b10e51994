/**
 * `npm run registerutdrag -- --tenant demo (--email a@b.se | --phone 070… | --personnummer 19121212-1212)
 *    [--out utdrag.json] [--pdf utdrag.pdf] [--erase --reason "Begäran 2026/123"]
 *    [--correct-email e --correct-phone p --correct-name n --reason "Begäran 2026/124"]`
 * The citizen's rights across the four services, each answering for its own copy through its API:
 * intake finds the person's inquiries, routing, notifications and reporting add what they hold of
 * them. One JSON document (and a readable PDF, printed by Debian's chromium); with --erase, the
 * person's inquiries are erased in every service where no law keeps them, and each kept one says
 * why; with --correct-*, the person's contact data is rectified in every service that holds it.
 * The identity check of the person is the municipality's process, before this is run.
 */
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { resolve } from 'path';

const ROOT = resolve(__dirname, '..', '..');

export interface ServiceUrls { intake: string; routing: string; notifications: string; reporting: string }
export interface Subject { email?: string; phone?: string; personnummer?: string }

// The services' answers, shaped by their own DTOs.
async function call(base: string, key: string, path: string, body: unknown): Promise<any> {
  const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'x-api-key': key, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await res.json().catch(() => undefined)) as { detail?: string; title?: string } | undefined;
  if (!res.ok) throw new Error(`POST ${base}${path}: ${res.status} ${json?.detail ?? json?.title ?? ''}`);
  return json;
}

type Row = { inquiryId: string } & Record<string, unknown>;
type Item = Record<string, unknown>;

export interface AccessInquiry {
  reference: string;
  id: string;
  intake: Item & { ownCase: boolean; thread: Item[]; mail: Item[]; attachments: Item[] };
  routing: { decision: Item | null; history: Item[]; knowledge: Item[] };
  notifications: { recipient: Item | null; messages: Item[]; surveys: Item[] };
  reporting: { topicWords: string[]; figures: string };
}

export interface AccessDocument {
  generatedAt: string;
  requestId: string;
  inquiries: AccessInquiry[];
  withheld: { count: number; reason: string } | null;
}
const byInquiry = (rows: Row[] | undefined, id: string) => (rows ?? []).filter((r) => r.inquiryId === id).map(({ inquiryId: _, ...r }) => r);

/** Everything the platform holds about one person, per inquiry and service. */
export async function accessRequest(urls: ServiceUrls, key: string, subject: Subject, purpose: 'access' | 'erasure' = 'access'): Promise<AccessDocument> {
  const found = await call(urls.intake, key, '/v1/data-subjects/search', { ...subject, purpose });
  const ids: string[] = found.inquiries.map((i: { id: string }) => i.id);
  const [routing, notifications, reporting] = ids.length
    ? await Promise.all(['routing', 'notifications', 'reporting'].map((s) => call(urls[s as keyof ServiceUrls], key, '/v1/data-subjects/export', { inquiryIds: ids })))
    : [{}, {}, {}];
  return {
    generatedAt: new Date().toISOString(),
    requestId: found.requestId as string,
    inquiries: found.inquiries.map((i: AccessInquiry['intake'] & { id: string; reference: string }): AccessInquiry => ({
      reference: i.reference,
      id: i.id,
      intake: i,
      routing: { decision: byInquiry(routing.inquiries, i.id)[0] ?? null, history: byInquiry(routing.history, i.id), knowledge: byInquiry(routing.knowledge, i.id) },
      notifications: { recipient: byInquiry(notifications.recipients, i.id)[0] ?? null, messages: byInquiry(notifications.deliveries, i.id), surveys: byInquiry(notifications.surveys, i.id) },
      reporting: { topicWords: (byInquiry(reporting.terms, i.id)[0]?.terms as string[] | undefined) ?? [], figures: 'kept without personal data' },
    })),
    withheld: found.withheld,
  };
}

/** Erasure: the person's own inquiries go in every service unless something keeps them. */
export async function erasureRequest(urls: ServiceUrls, key: string, subject: Subject, reason: string) {
  const doc = await accessRequest(urls, key, subject, 'erasure');
  const ids = doc.inquiries.filter((i) => i.intake.ownCase).map((i) => i.id);
  const result = ids.length ? await call(urls.routing, key, '/v1/data-subjects/erasure', { inquiryIds: ids, reason }) : { runId: null, erased: 0, kept: 0, inquiries: [] };
  const namedOnly = doc.inquiries.length - ids.length;
  return {
    ...result,
    notes: [
      ...(namedOnly ? [`${namedOnly} inquiries written by others that name the person are theirs, not erased here`] : []),
      ...(doc.withheld ? [`${doc.withheld.count} further inquiries are kept: ${doc.withheld.reason}`] : []),
    ],
  };
}

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** A readable registerutdrag: one section per inquiry, each service's copy under it. */
export function renderHtml(doc: AccessDocument, tenant: string): string {
  const section = (i: AccessInquiry) => {
    const intake = i.intake;
    return `<section><h2>${esc(i.reference)}</h2>
      <table><tr><th>Inkom</th><td>${esc(intake.receivedAt)}</td></tr><tr><th>Kanal</th><td>${esc(intake.channel)}</td></tr>
      <tr><th>Status</th><td>${esc(intake.status)}</td></tr><tr><th>Kategori</th><td>${esc(intake.category)}</td></tr>
      <tr><th>Ämne</th><td>${esc(intake.subject)}</td></tr><tr><th>Text</th><td>${esc(intake.body)}</td></tr>
      <tr><th>Kontaktuppgifter</th><td>${esc(JSON.stringify(intake.citizen ?? {}))}</td></tr><tr><th>Plats</th><td>${esc(JSON.stringify(intake.location ?? {}))}</td></tr></table>
      <h3>Meddelanden</h3><ul>${intake.thread.map((m) => `<li>${esc(m.createdAt)} (${esc(m.author)}): ${esc(m.body)}</li>`).join('') || '<li>–</li>'}</ul>
      <h3>E-post</h3><ul>${intake.mail.map((m) => `<li>${esc(m.receivedAt)} ${esc(m.from)}: ${esc(m.subject)}</li>`).join('') || '<li>–</li>'}</ul>
      <h3>Bilagor</h3><ul>${intake.attachments.map((a) => `<li>${esc(a.filename)} (${esc(a.contentType)}, ${esc(a.sizeBytes)} B)</li>`).join('') || '<li>–</li>'}</ul>
      <h3>Handläggning</h3><ul>${i.routing.history.map((h) => `<li>${esc(h.at)} ${esc(h.action)} (${esc(h.actor)})</li>`).join('') || '<li>–</li>'}</ul>
      <h3>Utskick</h3><ul>${i.notifications.messages.map((m) => `<li>${esc(m.createdAt)} ${esc(m.channel)} ${esc(m.trigger)} till ${esc(m.recipient)}: ${esc(m.subject)}</li>`).join('') || '<li>–</li>'}</ul>
      <h3>Statistik</h3><p>Ämnesord: ${esc(i.reporting.topicWords.join(', ') || '–')}. Statistiken i övrigt innehåller inga personuppgifter.</p></section>`;
  };
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Registerutdrag</title>
    <style>body{font-family:sans-serif;margin:2em;font-size:11pt}th{text-align:left;vertical-align:top;padding-right:1em}section{break-inside:avoid-page;margin-bottom:2em}</style></head>
    <body><h1>Registerutdrag</h1><p>Kommun: ${esc(tenant)}. Upprättat ${esc(doc.generatedAt)} (begäran ${esc(doc.requestId)}).
    ${doc.inquiries.length} ärenden.</p>${doc.inquiries.map(section).join('')}
    ${doc.withheld ? `<p><strong>${doc.withheld.count} uppgifter lämnas inte ut:</strong> ${esc(doc.withheld.reason)}</p>` : ''}</body></html>`;
}

/** Prints the HTML to PDF with Debian's chromium (playwright-core). */
export async function renderPdf(html: string): Promise<Buffer> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' } });
  } finally {
    await browser.close();
  }
}

/** Rectification: the contact data of the person's inquiries (found by e-mail or phone) is corrected everywhere. */
export async function rectificationRequest(urls: ServiceUrls, key: string, subject: Subject, correct: { email?: string; phone?: string; name?: string }, reason: string) {
  return call(urls.intake, key, '/v1/data-subjects/rectify', { email: subject.email, phone: subject.phone, correct, reason });
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const tenant = arg('tenant');
  const subject: Subject = { email: arg('email'), phone: arg('phone'), personnummer: arg('personnummer') };
  if (!tenant || (!subject.email && !subject.phone && !subject.personnummer)) {
    throw new Error('usage: npm run registerutdrag -- --tenant <id> (--email e | --phone p | --personnummer n) [--out f.json] [--pdf f.pdf] [--erase --reason r] [--correct-email e] [--correct-phone p] [--correct-name n]');
  }
  const file = resolve(ROOT, '.lotsen', 'demo.json');
  const demo = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
  const key = arg('key') ?? process.env.LOTSEN_API_KEY ?? (demo?.tenant === tenant ? demo.keys.admin : undefined);
  if (!key) throw new Error(`no administrator key for tenant "${tenant}": pass --key or set LOTSEN_API_KEY`);
  const host = (svc: string, port: number) => process.env[`${svc.toUpperCase()}_URL`] ?? `http://127.0.0.1:${port}`;
  const urls: ServiceUrls = { intake: host('intake', 3001), routing: host('routing', 3002), notifications: host('notifications', 3003), reporting: host('reporting', 3004) };
  const correct = { email: arg('correct-email'), phone: arg('correct-phone'), name: arg('correct-name') };
  if (correct.email || correct.phone || correct.name) {
    const reason = arg('reason');
    if (!reason) throw new Error('a correction needs --reason (the request, e.g. its registration number)');
    console.log(JSON.stringify(await rectificationRequest(urls, key, subject, correct, reason), null, 2));
    return;
  }
  if (process.argv.includes('--erase')) {
    const reason = arg('reason');
    if (!reason) throw new Error('--erase needs --reason (the request, e.g. its registration number)');
    console.log(JSON.stringify(await erasureRequest(urls, key, subject, reason), null, 2));
    return;
  }
  const doc = await accessRequest(urls, key, subject);
  const out = arg('out');
  if (out) writeFileSync(out, JSON.stringify(doc, null, 2));
  else console.log(JSON.stringify(doc, null, 2));
  const pdf = arg('pdf');
  if (pdf) writeFileSync(pdf, await renderPdf(renderHtml(doc, tenant)));
  console.error(`${doc.inquiries.length} inquiries${doc.withheld ? `, ${doc.withheld.count} withheld` : ''}${out ? ` → ${out}` : ''}${pdf ? `, ${pdf}` : ''}`);
}

if (require.main === module) {
  main().catch((err) => {
    console.error((err as Error).message);
    process.exit(1);
  });
}
