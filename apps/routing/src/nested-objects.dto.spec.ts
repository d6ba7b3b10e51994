import { createValidationPipe, ProblemException } from '@lotsen/platform';
import { AgentDto } from './agents/agents.dto';
import { CategoryDto, DepartmentDto } from './catalogue/catalogue.dto';
import { TrainDto } from './classification/classification.dto';
import { UpdateCalendarDto } from './sla/calendar.dto';

// An array where an object belongs is a 400 naming the field, at the edge: @ValidateNested alone
// would check each element of `[]` and find nothing wrong.
const pipe = createValidationPipe();
const hours = { days: [1, 2, 3, 4, 5], opens: '08:00', closes: '17:00' };
const name = { sv: 'Gata', en: 'Streets' };

describe('routing bodies: arrays where objects belong', () => {
  it.each([
    ['a department\'s businessHours', DepartmentDto, { name, businessHours: [] }, { name, businessHours: hours }, 'businessHours'],
    ['the calendar\'s businessHours', UpdateCalendarDto, { businessHours: [hours] }, { businessHours: hours }, 'businessHours'],
    ['a category\'s agreement', CategoryDto, { code: 'x', department: 'gata_park', name, agreement: [] }, { code: 'x', department: 'gata_park', name, agreement: { priority: 2 } }, 'agreement'],
    ['an agent\'s skills', AgentDto, { name: 'A', role: 'agent', department: 'kontaktcenter', languages: ['sv'], capacity: 2, skills: [[]] }, { name: 'A', role: 'agent', department: 'kontaktcenter', languages: ['sv'], capacity: 2, skills: [{ category: 'library', level: 3 }] }, 'skills'],
    ['training examples', TrainDto, { examples: [[]] }, { examples: [] }, 'examples'],
  ])('%s', async (_what, cls, bad, good, field) => {
    const error = await pipe.transform(bad, { type: 'body', metatype: cls }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemException);
    const body = (error as ProblemException).body;
    expect(body.status).toBe(400);
    expect(body.errors?.map((e) => e.field)).toContain(field);
    await expect(pipe.transform(good, { type: 'body', metatype: cls })).resolves.toBeInstanceOf(cls);
  });
});
