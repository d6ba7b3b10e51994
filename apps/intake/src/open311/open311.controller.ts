import { Controller, Get, Headers, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ProblemException, Public } from '@lotsen/platform';
import { CONTENT_TYPES, Open311Document, Open311Format, render } from './open311-document';
import { OPEN311_BASE, readMultipart, UploadedFileMeta } from './open311-http';
import { Open311Params } from './open311-params';
import { Open311Service } from './open311.service';

function formatOf(suffix: string): Open311Format {
  if (suffix === 'xml' || suffix === 'json') return suffix;
  throw ProblemException.of(404, 'not-found', `Unknown format '.${suffix}': use .xml or .json`);
}

function send(reply: FastifyReply, format: Open311Format, doc: Open311Document): string {
  void reply.header('content-type', CONTENT_TYPES[format]);
  return render(doc, format);
}

/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2). The format is the path suffix;
 * errors are rendered as `<errors>` by the hook in open311-http.ts. Public: only POST needs a key.
 */
@ApiTags('open311')
@Public()
@Controller(OPEN311_BASE.slice(1))
export class Open311Controller {
  constructor(private readonly open311: Open311Service) {}

  @Get('discovery.:format')
  @ApiOperation({ summary: 'Service discovery document' })
  @ApiProduces('text/xml', 'application/json')
  discovery(@Param('format') suffix: string, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const format = formatOf(suffix);
    return send(reply, format, this.open311.discovery(`${req.protocol}://${req.host}${OPEN311_BASE}/`));
  }

  @Get('services.:format')
  @ApiOperation({ summary: 'The service list (categories) of a jurisdiction' })
  @ApiProduces('text/xml', 'application/json')
  async services(@Param('format') suffix: string, @Query() query: unknown, @Res({ passthrough: true }) reply: FastifyReply) {
    const format = formatOf(suffix);
    return send(reply, format, await this.open311.serviceList(Open311Params.from(query)));
  }

  @Get('services/:code.:format')
  @ApiOperation({ summary: 'A service definition (extra attributes)' })
  @ApiProduces('text/xml', 'application/json')
  async service(@Param('code') code: string, @Param('format') suffix: string, @Query() query: unknown, @Res({ passthrough: true }) reply: FastifyReply) {
    const format = formatOf(suffix);
    return send(reply, format, await this.open311.serviceDefinition(Open311Params.from(query), code));
  }

  @Post('requests.:format')
  @HttpCode(200)
  @ApiOperation({ summary: 'Create a service request (form-encoded or multipart; api_key required)' })
  @ApiProduces('text/xml', 'application/json')
  async create(
    @Param('format') suffix: string, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('x-api-key') headerKey?: string,
  ) {
    const format = formatOf(suffix);
    let params: Open311Params;
    let files: UploadedFileMeta[] = [];
    if (req.isMultipart()) {
      params = new Open311Params();
      files = await readMultipart(req, params);
      params.merge(req.query);
    } else {
      params = Open311Params.from(req.body, req.query);
    }
    return send(reply, format, await this.open311.createRequest(params, files, typeof headerKey === 'string' ? headerKey : undefined, req.ip));
  }

  @Get('requests.:format')
  @ApiOperation({ summary: 'Query service requests (service_request_id, service_code, start_date, end_date, status)' })
  @ApiProduces('text/xml', 'application/json')
  async requests(@Param('format') suffix: string, @Query() query: unknown, @Res({ passthrough: true }) reply: FastifyReply) {
    const format = formatOf(suffix);
    return send(reply, format, await this.open311.searchRequests(Open311Params.from(query)));
  }

  @Get('requests/:id.:format')
  @ApiOperation({ summary: 'One service request' })
  @ApiProduces('text/xml', 'application/json')
  async request(@Param('id') id: string, @Param('format') suffix: string, @Query() query: unknown, @Res({ passthrough: true }) reply: FastifyReply) {
    const format = formatOf(suffix);
    return send(reply, format, await this.open311.getRequest(Open311Params.from(query), id));
  }

  @Get('tokens/:token.:format')
  @ApiOperation({ summary: 'The service_request_id for a token' })
  @ApiProduces('text/xml', 'application/json')
  async token(@Param('token') token: string, @Param('format') suffix: string, @Query() query: unknown, @Res({ passthrough: true }) reply: FastifyReply) {
    const format = formatOf(suffix);
    return send(reply, format, await this.open311.token(Open311Params.from(query), token));
  }
}
