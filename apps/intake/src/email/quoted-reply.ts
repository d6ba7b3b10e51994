// A reply repeats what it answers below a marker ("On … wrote:", "> …"). The thread keeps what
// the citizen wrote now; the full text stays in the e-mail record.

const MARKERS = [
  /^On .{1,200} wrote:\s*$/i,
  /^Den .{1,200} skrev .{0,200}:\s*$/i,
  /^.{1,200} kirjoitti .{0,200}:\s*$/i,
  /^-{2,}\s*(Original Message|Ursprungligt meddelande|Alkuperäinen viesti|Forwarded message|Vidarebefordrat meddelande)\s*-{2,}\s*$/i,
  /^(From|Från|Lähettäjä):\s.+$/,
];

export function stripQuotedReply(text: string): string {
  const lines = text.split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    // "From:" alone can start a citizen's own text; only a header-like run (From then Sent/Date) counts.
    if (/^(From|Från|Lähettäjä):\s/.test(line) && !/^(Sent|Skickat|Date|Datum|Lähetetty|To|Till):\s/.test(lines[i + 1] ?? '')) {
      kept.push(line);
      continue;
    }
    if (MARKERS.some((m) => m.test(line.trim()))) break;
    if (/^\s*>/.test(line)) continue;
    kept.push(line);
  }
  const result = kept.join('\n').trim();
  return result || text.trim();
}
