import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { EventTypes, SurveyAnsweredPayload } from '@lotsen/contracts';
import { EventPublisher } from '@lotsen/messaging';
import { UnitOfWork } from '@lotsen/persistence';
import { ProblemException } from '@lotsen/platform';
import { NotificationsConfig } from '../notifications.config';
import { normalizeLanguage } from '../templates';
import { Recipient } from '../triggers/recipients.repository';
import { Survey, SurveysRepository } from './surveys.repository';

const VALID_DAYS = 60;
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

export const hashSurveyToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

export type SurveyState = { survey: Survey; state: 'open' | 'answered' | 'expired' };

@Injectable()
export class SurveysService {
  private readonly logger = new Logger('Surveys');

  constructor(
    private readonly tx: UnitOfWork,
    private readonly repo: SurveysRepository,
    private readonly events: EventPublisher,
    @Inject(NotificationsConfig) private readonly config: NotificationsConfig,
  ) {}

  /** A survey for a resolved inquiry (once per inquiry): its link, or undefined if it exists. */
  async create(r: Recipient, department: string): Promise<{ id: string; url: string } | undefined> {
    const token = randomBytes(24).toString('base64url');
    const id = randomUUID();
    const created = await this.repo.insert({
      id, tenantId: r.tenantId, inquiryId: r.inquiryId, reference: r.reference, tokenHash: hashSurveyToken(token),
      language: normalizeLanguage(r.preferredLanguage) ?? normalizeLanguage(r.language) ?? 'sv',
      department, channel: r.channel, expiresAt: new Date(Date.now() + VALID_DAYS * 86400_000),
    });
    return created ? { id, url: `${this.config.publicUrl}/surveys/${token}` } : undefined;
  }

  /** For the page: the survey behind a token and whether it can still be answered. */
  async find(token: string): Promise<SurveyState | undefined> {
    if (!TOKEN.test(token)) return undefined;
    const survey = await this.repo.findByTokenHash(hashSurveyToken(token));
    if (!survey) return undefined;
    const state = survey.answeredAt ? 'answered' : survey.expiresAt.getTime() <= Date.now() ? 'expired' : 'open';
    return { survey, state };
  }

  /**
   * One answer per token: the second gets 409. The answer and survey.answered commit together;
   * the comment stays here (reporting gets the score, department and channel).
   */
  async answer(token: string, score: number, comment?: string): Promise<Survey> {
    const text = comment?.trim() ? comment.trim().slice(0, 4000) : undefined;
    return this.tx.run(async () => {
      const found = await this.find(token);
      if (!found) throw ProblemException.of(404, 'not-found', 'No survey with this link.');
      const survey = await this.repo.answer(hashSurveyToken(token), score, text);
      if (!survey) {
        if (found.state === 'expired') throw ProblemException.of(410, 'survey-expired', 'This survey has closed.', { status: 410, title: 'Gone' });
        throw ProblemException.of(409, 'survey-answered', 'This survey has been answered already.');
      }
      const payload: SurveyAnsweredPayload = {
        surveyId: survey.id, inquiryId: survey.inquiryId, score, comment: text, department: survey.department, channel: survey.channel,
      };
      await this.events.publish(EventTypes.SurveyAnswered, payload, { tenantId: survey.tenantId, correlationId: survey.inquiryId });
      this.logger.log(`survey ${survey.id} answered (score ${score})`);
      return survey;
    });
  }
}
