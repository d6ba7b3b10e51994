import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Principal, ProblemException, Roles } from '@lotsen/platform';
import { AttachmentsService } from './attachments.service';
import { contentDisposition, isUploadType } from './content-types';
import { UploadAttachmentDto } from './upload-attachment.dto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuid = (v: string) => {
  if (!UUID.test(v)) throw ProblemException.of(404, 'not-found', 'No such inquiry or attachment.');
  return v;
};

/** The route whose body may be larger than the service's default limit (bootstrap raises it). */
export const UPLOAD_ROUTE = '/v1/inquiries/:id/attachments';

@ApiTags('attachments')
@ApiSecurity('api-key')
@Controller('v1/inquiries/:id/attachments')
@Roles('agent', 'supervisor', 'department', 'admin')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Staff: attach a file (scanned letter: pdf, jpeg, png, tiff, txt) to an inquiry, as base64 JSON' })
  upload(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: UploadAttachmentDto) {
    return this.attachments.upload(p, uuid(id), dto);
  }

  @Get()
  @ApiOperation({ summary: 'Staff: the files kept with an inquiry (e-mail attachments, uploads)' })
  list(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.attachments.list(p, uuid(id));
  }

  @Get(':attachmentId')
  @ApiOperation({ summary: 'Staff: download a file (always as an attachment, never rendered inline)' })
  async download(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Param('attachmentId') attachmentId: string, @Res() reply: FastifyReply) {
    const file = await this.attachments.download(p, uuid(id), uuid(attachmentId));
    // Only the upload allow-list keeps its type; anything else (an e-mail's .html, .exe) is bytes.
    const type = isUploadType(file.contentType) ? (file.contentType === 'text/plain' ? 'text/plain; charset=utf-8' : file.contentType) : 'application/octet-stream';
    void reply
      .status(200)
      .header('content-type', type)
      .header('content-disposition', contentDisposition(file.filename))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', 'private, no-store')
      .header('x-checksum-sha256', file.sha256)
      .send(file.content);
  }
}
