import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { ProblemException, Public } from '@lotsen/platform';
import { PAGE_CSP } from '../pages/html-page';
import { surveyCopy, surveyFormPage, surveyMessagePage } from './survey-page';
import { SurveysService } from './surveys.service';

export class SurveyAnswerDto {
  /** 1 (very dissatisfied) … 5 (very satisfied). */
  @Type(() => Number) @IsInt() @Min(1) @Max(5)
  score: number;

  @IsOptional() @IsString() @MaxLength(4000)
  comment?: string;
}

function html(reply: FastifyReply, status: number, page: string): string {
  void reply.status(status).header('content-type', 'text/html; charset=utf-8').header('content-security-policy', PAGE_CSP).header('cache-control', 'no-store');
  return page;
}

/** The citizen's satisfaction answer: a JSON API and a minimal accessible page posting to the same rules. */
@ApiTags('surveys')
@Controller()
export class SurveysController {
  constructor(private readonly surveys: SurveysService) {}

  @Public()
  @Post('v1/surveys/:token')
  @HttpCode(201)
  @ApiOperation({ summary: 'Answer a satisfaction survey (once per token; a second answer is 409).' })
  async answer(@Param('token') token: string, @Body() dto: SurveyAnswerDto) {
    const s = await this.surveys.answer(token, dto.score, dto.comment);
    return { surveyId: s.id, status: 'answered' };
  }

  @Public()
  @Get('surveys/:token')
  @ApiOperation({ summary: 'The survey page, in the citizen\'s language.' })
  async page(@Param('token') token: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const found = await this.surveys.find(token);
    if (!found) return html(reply, 404, surveyMessagePage('sv', 'notFound'));
    const { survey, state } = found;
    if (state === 'answered') return html(reply, 200, surveyMessagePage(survey.language, 'answered'));
    if (state === 'expired') return html(reply, 410, surveyMessagePage(survey.language, 'expired'));
    return html(reply, 200, surveyFormPage({ language: survey.language, token, reference: survey.reference }));
  }

  /** The page's form post (application/x-www-form-urlencoded): same rules, answers in HTML. */
  @Public()
  @Post('surveys/:token')
  @HttpCode(200)
  async submit(@Param('token') token: string, @Body() body: Record<string, unknown> | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const found = await this.surveys.find(token);
    if (!found) return html(reply, 404, surveyMessagePage('sv', 'notFound'));
    const { survey } = found;
    const { copy } = surveyCopy(survey.language);
    const raw = String(body?.score ?? '');
    const score = /^[1-5]$/.test(raw) ? Number(raw) : undefined;
    const comment = typeof body?.comment === 'string' ? body.comment : undefined;
    const again = (error: string) =>
      html(reply, 422, surveyFormPage({ language: survey.language, token, reference: survey.reference, error, score, comment }));
    if (!score) return again(copy.chooseScore);
    if (comment && comment.length > 4000) return again(copy.tooLong);
    try {
      await this.surveys.answer(token, score, comment);
    } catch (e) {
      if (e instanceof ProblemException && e.body.status === 409) return html(reply, 409, surveyMessagePage(survey.language, 'answered'));
      if (e instanceof ProblemException && e.body.status === 410) return html(reply, 410, surveyMessagePage(survey.language, 'expired'));
      throw e;
    }
    return html(reply, 200, surveyMessagePage(survey.language, 'thanks'));
  }
}
