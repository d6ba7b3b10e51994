import { createEvent, EventEnvelope, EventType, EventTypes } from '@lotsen/contracts';
import { batchCalls } from './event-batch';

const ev = (type: EventType, inquiryId: string, name: string) => createEvent(type, { inquiryId, name }, { tenantId: 'demo' });
const names = (calls: EventEnvelope[][]) => calls.map((call) => call.map((e) => (e.payload as { name: string }).name));
const { InquiryReceived: R, InquiryRouted: T, InquiryAssigned: A } = EventTypes;

describe('batchCalls: the calls that handle a consumer batch', () => {
  const batched = (e: EventEnvelope) => e.type === R || e.type === T;

  it('gives a batch handler its events together, at the first one\'s position, every other event alone', () => {
    const events = [ev(R, 'i1', 'r1'), ev(A, 'i3', 'a3'), ev(R, 'i2', 'r2'), ev(T, 'i1', 't1'), ev(T, 'i2', 't2'), ev(A, 'i1', 'a1')];
    expect(names(batchCalls(events, batched))).toEqual([['r1', 'r2'], ['a3'], ['t1', 't2'], ['a1']]);
  });

  it('keeps each inquiry\'s events in order: an event joins no call at or before one of its inquiry\'s', () => {
    const events = [ev(T, 'i2', 't2'), ev(R, 'i1', 'r1'), ev(A, 'i1', 'a1'), ev(T, 'i1', 't1'), ev(R, 'i2', 'r2'), ev(T, 'i3', 't3')];
    // t1 comes after a1, so not into the call of t2 but a call of its own, the latest, which t3
    // joins; r2 comes after t2, and into the call of r1, which runs after t2.
    expect(names(batchCalls(events, batched))).toEqual([['t2'], ['r1', 'r2'], ['a1'], ['t1', 't3']]);
  });

  it('never puts two events of one inquiry into one call', () => {
    const events = [ev(R, 'i1', 'first'), ev(R, 'i1', 'again'), ev(R, 'i2', 'other'), ev(R, 'i1', 'third')];
    expect(names(batchCalls(events, batched))).toEqual([['first'], ['again', 'other'], ['third']]);
  });

  it('orders events without an inquiry by their correlation', () => {
    const c = (name: string, correlationId: string) => createEvent(R, { name }, { tenantId: 'demo', correlationId });
    expect(names(batchCalls([c('x1', 'x'), c('y1', 'y'), c('x2', 'x')], batched))).toEqual([['x1', 'y1'], ['x2']]);
  });

  it('without batch handlers, is one call per event in arrival order', () => {
    const events = [ev(R, 'i1', 'r1'), ev(R, 'i2', 'r2'), ev(A, 'i1', 'a1')];
    expect(names(batchCalls(events, () => false))).toEqual([['r1'], ['r2'], ['a1']]);
  });
});
