/**
 * The staff side of the demo day, through routing's work API as agents and departments use it:
 * the contact center's agent claims work (POST /v1/work/next), answers and resolves most
 * first-line questions at first contact and transfers a few; departments answer their own
 * cases, hand the ones the agreement gives the center back to it, and leave some open.
 */

export interface WorkItem {
  inquiryId: string;
  department: string;
  queue: string;
  type: string;
  language: string;
  topicDepartment?: string | null;
  suggestions?: Array<{ answer?: string }> | null;
}

export interface StaffApi {
  routing: string;
  agentKey: string;
  supervisorKey: string;
  /** Deterministic randomness in [0, 1). */
  random: () => number;
  /** Stop working when this instant has passed (keeps the demo bounded). */
  deadline: number;
}

export interface StaffTally {
  claimed: number;
  answeredByCenter: number;
  resolvedAtFirstContact: number;
  transferred: number;
  returnedToCenter: number;
  answeredByDepartments: number;
  leftOpen: number;
}

const ANSWERS: Record<string, string> = {
  sv: 'Tack för din fråga! Här är svaret från kontaktcenter. Hör av dig igen om något är oklart.',
  en: 'Thank you for your question! Here is the answer from the contact centre. Get in touch again if anything is unclear.',
  ar: 'شكراً على سؤالك! إليك الرد من مركز الاتصال. تواصل معنا مرة أخرى إذا كان هناك أي شيء غير واضح.',
  fi: 'Kiitos kysymyksestäsi! Tässä asiakaspalvelun vastaus. Ota yhteyttä uudelleen, jos jokin jäi epäselväksi.',
};
const DEPARTMENT_ANSWER = 'Vi har tagit hand om ditt ärende och återkommer om vi behöver mer information.';

async function call(base: string, key: string, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${base}${path}`, {
    method,
    headers: { 'x-api-key': key, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function ok(res: Response, what: string): Promise<unknown> {
  if (!res.ok) throw new Error(`${what}: ${res.status} ${(await res.text()).slice(0, 200)}`);
  return res.status === 204 ? undefined : res.json();
}

/** An earlier answer to the same question when there is a good one, else the center's words in the citizen's language. */
function answerFor(item: WorkItem): string {
  return item.suggestions?.find((s) => s.answer)?.answer ?? ANSWERS[item.language] ?? ANSWERS.sv;
}

/**
 * The agent works the center's queue until it is empty (routing may still be deciding the last
 * inquiries). `firstContact`: most of these are solved in the first contact with the citizen
 * (not those a department handed back: the citizen's question has been elsewhere first).
 */
async function workCenterQueue(api: StaffApi, tally: StaffTally, firstContact: boolean): Promise<void> {
  let empty = 0;
  while (Date.now() < api.deadline && empty < 3) {
    const res = await call(api.routing, api.agentKey, 'POST', '/v1/work/next');
    if (res.status === 204) {
      empty++;
      await new Promise((r) => setTimeout(r, 700));
      continue;
    }
    const item = (await ok(res, 'claim')) as WorkItem;
    empty = 0;
    tally.claimed++;
    const id = item.inquiryId;
    // A few first-line questions turn out to need the department after all.
    if (api.random() < 0.07 && item.topicDepartment && item.topicDepartment !== 'kontaktcenter') {
      await ok(await call(api.routing, api.agentKey, 'POST', `/v1/work/${id}/transfer`, { toDepartment: item.topicDepartment, reason: 'Needs a caseworker of the department' }), 'transfer');
      tally.transferred++;
      continue;
    }
    await ok(await call(api.routing, api.agentKey, 'POST', `/v1/work/${id}/answer`, { text: answerFor(item) }), 'answer');
    tally.answeredByCenter++;
    const atFirstContact = firstContact && api.random() < 0.85;
    if (atFirstContact) tally.resolvedAtFirstContact++;
    await ok(await call(api.routing, api.agentKey, 'POST', `/v1/work/${id}/resolve`, { resolutionCode: 'answered', resolvedAtFirstContact: atFirstContact }), 'resolve');
  }
}

/** The supervisor, acting for the departments: answer, hand back to the center, or leave for tomorrow. */
async function workDepartments(api: StaffApi, tally: StaffTally): Promise<void> {
  const items = (await ok(await call(api.routing, api.supervisorKey, 'GET', '/v1/work?queue=department&status=queued'), 'department work')) as WorkItem[];
  for (const item of items) {
    if (Date.now() >= api.deadline) break;
    const r = api.random();
    const id = item.inquiryId;
    // The agreement gives most information questions to the center: the department hands them back.
    if (item.type === 'information' ? r < 0.9 : r < 0.5) {
      await ok(await call(api.routing, api.supervisorKey, 'POST', `/v1/work/${id}/return`, { reason: 'The contact center answers this under the agreement' }), 'return');
      tally.returnedToCenter++;
    } else if (r < 0.85) {
      await ok(await call(api.routing, api.supervisorKey, 'POST', `/v1/work/${id}/answer`, { text: DEPARTMENT_ANSWER }), 'department answer');
      await ok(await call(api.routing, api.supervisorKey, 'POST', `/v1/work/${id}/resolve`, { resolutionCode: 'handled' }), 'department resolve');
      tally.answeredByDepartments++;
    } else tally.leftOpen++;
  }
}

/** Whatever the agent cannot take (a language they do not speak) the supervisor answers. */
async function workLeftovers(api: StaffApi, tally: StaffTally): Promise<void> {
  const items = (await ok(await call(api.routing, api.supervisorKey, 'GET', '/v1/work?department=kontaktcenter&status=queued'), 'center work')) as WorkItem[];
  for (const item of items) {
    if (Date.now() >= api.deadline) break;
    await ok(await call(api.routing, api.supervisorKey, 'POST', `/v1/work/${item.inquiryId}/answer`, { text: answerFor(item) }), 'answer');
    await ok(await call(api.routing, api.supervisorKey, 'POST', `/v1/work/${item.inquiryId}/resolve`, { resolutionCode: 'answered', resolvedAtFirstContact: true }), 'resolve');
    tally.answeredByCenter++;
    tally.resolvedAtFirstContact++;
  }
}

export async function playStaffDay(api: StaffApi): Promise<StaffTally> {
  const tally: StaffTally = { claimed: 0, answeredByCenter: 0, resolvedAtFirstContact: 0, transferred: 0, returnedToCenter: 0, answeredByDepartments: 0, leftOpen: 0 };
  await workCenterQueue(api, tally, true);
  await workDepartments(api, tally);
  await workCenterQueue(api, tally, false); // what the departments handed back
  await workLeftovers(api, tally);
  return tally;
}
