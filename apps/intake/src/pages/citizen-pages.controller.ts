import { Body, Controller, Get, Headers, Inject, Post, Query, Res, Ip } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { cookieHeader, Public } from '@lotsen/platform';
import { IntakeConfig } from '../intake.config';
import { pickLocale } from '../open311/open311-texts';
import { FORM_JS, SITE_CSS } from './assets';
import { CitizenPagesService, PageResult } from './citizen-pages.service';
import { CSRF_COOKIE, readCookie } from './csrf';
import { FOLLOW_PATH, FORM_PATH } from './form-page';
import { ASSET_BASE } from './html';

const NO_TENANT = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Not found</title></head><body><main><h1>Not found</h1><p>No such municipality.</p></main></body></html>';

/** Citizen pages: no API key (the browser never holds one); the form is protected by a CSRF token instead. */
@ApiExcludeController()
@Public()
@Controller()
export class CitizenPagesController {
  constructor(private readonly pages: CitizenPagesService, @Inject(IntakeConfig) private readonly config: IntakeConfig) {}

  @Get()
  root(@Res() reply: FastifyReply) {
    void reply.status(302).header('location', FORM_PATH).send();
  }

  @Get(FORM_PATH.slice(1))
  async form(@Query('lang') lang: string | undefined, @Query('kommun') kommun: string | undefined, @Headers('cookie') cookie: string | undefined, @Res() reply: FastifyReply) {
    const tenant = await this.pages.tenantFor(typeof kommun === 'string' ? kommun : undefined);
    if (!tenant) return this.send(reply, { status: 404, html: NO_TENANT });
    const secret = this.browserSecret(reply, cookie);
    return this.send(reply, await this.pages.form(tenant, pickLocale(typeof lang === 'string' ? lang : undefined), typeof kommun === 'string' ? kommun : undefined, secret));
  }

  @Post(FORM_PATH.slice(1))
  async submit(@Body() body: Record<string, unknown> | undefined, @Headers('cookie') cookie: string | undefined, @Res() reply: FastifyReply, @Ip() ip: string) {
    const form = body && typeof body === 'object' ? body : {};
    const kommun = typeof form.kommun === 'string' ? form.kommun : undefined;
    const tenant = await this.pages.tenantFor(kommun);
    if (!tenant) return this.send(reply, { status: 404, html: NO_TENANT });
    const existing = readCookie(cookie, CSRF_COOKIE);
    const secret = existing ?? this.browserSecret(reply, undefined);
    return this.send(reply, await this.pages.submit(tenant, form, existing, secret, ip));
  }

  @Get(FOLLOW_PATH.slice(1))
  async follow(@Query() query: Record<string, unknown>, @Headers('cookie') cookie: string | undefined, @Res() reply: FastifyReply, @Ip() ip: string) {
    const s = (v: unknown) => (typeof v === 'string' ? v : undefined);
    const tenant = await this.pages.tenantFor(undefined);
    const secret = this.browserSecret(reply, cookie);
    return this.send(reply, await this.pages.follow({ reference: s(query.reference), token: s(query.token) }, pickLocale(s(query.lang)), tenant?.timezone ?? 'Europe/Stockholm', ip, secret));
  }

  /** The reply box of a case awaiting the citizen; back to the case page once it is in the thread. */
  @Post(FOLLOW_PATH.slice(1))
  async reply(@Body() body: Record<string, unknown> | undefined, @Headers('cookie') cookie: string | undefined, @Res() reply: FastifyReply, @Ip() ip: string) {
    const location = await this.pages.reply(body && typeof body === 'object' ? body : {}, readCookie(cookie, CSRF_COOKIE), ip);
    void reply.status(303).header('location', location).header('cache-control', 'no-store').send();
  }

  @Get(`${ASSET_BASE.slice(1)}/site.css`)
  css(@Res() reply: FastifyReply) {
    void reply.header('content-type', 'text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(SITE_CSS);
  }

  @Get(`${ASSET_BASE.slice(1)}/form.js`)
  js(@Res() reply: FastifyReply) {
    void reply.header('content-type', 'text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(FORM_JS);
  }

  /** The per-browser secret the CSRF tokens are bound to; set when the browser has none. */
  private browserSecret(reply: FastifyReply, cookie: string | undefined): string {
    const existing = readCookie(cookie, CSRF_COOKIE);
    if (existing) return existing;
    const secret = this.pages.tokens.newBrowserSecret();
    void reply.header('set-cookie', cookieHeader(CSRF_COOKIE, secret, { secure: this.config.publicUrl.startsWith('https:'), sameSite: 'Strict', maxAgeSeconds: 14_400 }));
    return secret;
  }

  private send(reply: FastifyReply, page: PageResult) {
    if (page.retryAfterSeconds !== undefined) void reply.header('retry-after', String(page.retryAfterSeconds));
    void reply.status(page.status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(page.html);
  }
}
