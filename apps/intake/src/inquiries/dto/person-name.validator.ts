import { registerDecorator, ValidationOptions } from 'class-validator';
import { isPlausiblePersonName, MAX_PERSON_NAME_LENGTH } from '@lotsen/platform';

/**
 * A citizen's name as we greet them by it. Refused at the edge rather than silently dropped: the
 * citizen sees at once what to correct, and a name that carries a link or an address (the way to
 * phish with our receipts) never gets stored.
 */
export function IsPersonName(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isPersonName',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `name must be a person's name: letters, at most ${MAX_PERSON_NAME_LENGTH} characters, no digits, links, e-mail addresses or markup`, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isPlausiblePersonName(value) },
    });
  };
}
