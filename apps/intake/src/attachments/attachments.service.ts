import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'crypto';
import { Principal, ProblemException } from '@lotsen/platform';
import { UnitOfWork } from '@lotsen/persistence';
import { InquiriesService } from '../inquiries/inquiries.service';
import { IntakeConfig } from '../intake.config';
import { AttachmentMeta, AttachmentsRepository } from './attachments.repository';
import { contentMatchesType, isUploadType, safeFilename, UPLOAD_TYPES } from './content-types';
import { UploadAttachmentDto } from './upload-attachment.dto';

/** Per inquiry, whatever came in: a letter of many pages fits, a backup of a disk does not. */
export const MAX_FILES_PER_INQUIRY = 50;
export const MAX_BYTES_PER_INQUIRY = 100 * 1024 * 1024;

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

@Injectable()
export class AttachmentsService {
  private readonly logger = new Logger('Attachments');

  constructor(
    private readonly tx: UnitOfWork,
    private readonly files: AttachmentsRepository,
    private readonly inquiries: InquiriesService,
    @Inject(IntakeConfig) private readonly config: IntakeConfig,
  ) {}

  /** Staff attach a file (a scanned letter) to an inquiry of their municipality. */
  async upload(principal: Principal, inquiryId: string, dto: UploadAttachmentDto): Promise<AttachmentMeta> {
    const type = dto.contentType.toLowerCase().split(';')[0].trim();
    if (!isUploadType(type)) {
      throw ProblemException.of(415, 'unsupported-attachment-type', `Allowed types: ${UPLOAD_TYPES.join(', ')}.`);
    }
    const b64 = dto.contentBase64.replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.length % 4 !== 0) {
      throw ProblemException.of(400, 'validation', 'contentBase64 must be standard base64.');
    }
    const bytes = Buffer.from(b64, 'base64');
    if (bytes.length === 0) throw ProblemException.of(400, 'validation', 'The file is empty.');
    if (bytes.length > this.config.maxUploadBytes) {
      throw ProblemException.of(413, 'attachment-too-large', `A file may be at most ${this.config.maxUploadBytes} bytes.`);
    }
    if (!contentMatchesType(type, bytes)) {
      throw ProblemException.of(415, 'attachment-type-mismatch', `The file's content is not ${type}.`);
    }
    const inquiry = await this.inquiries.requireInquiry(principal.tenantId, inquiryId);
    const id = randomUUID();
    const filename = safeFilename(dto.filename, `attachment-${id.slice(0, 8)}`);
    await this.tx.run(async () => {
      const existing = await this.files.list(inquiry.tenantId, inquiry.id);
      const total = existing.reduce((n, f) => n + Number(f.size), 0);
      if (existing.length >= MAX_FILES_PER_INQUIRY || total + bytes.length > MAX_BYTES_PER_INQUIRY) {
        throw ProblemException.of(413, 'attachments-full', `An inquiry holds at most ${MAX_FILES_PER_INQUIRY} files and ${MAX_BYTES_PER_INQUIRY} bytes.`);
      }
      await this.files.insert({
        id, tenantId: inquiry.tenantId, inquiryId: inquiry.id, source: 'staff', filename, contentType: type,
        sha256: sha256(bytes), content: bytes, uploadedBy: principal.subjectId ?? principal.keyId,
      });
    });
    this.logger.log(`staff key ${principal.keyId} attached ${type} (${bytes.length} bytes) to ${inquiry.reference}`);
    const [meta] = (await this.files.list(inquiry.tenantId, inquiry.id)).filter((f) => f.id === id);
    return { ...meta, size: Number(meta.size) };
  }

  async list(principal: Principal, inquiryId: string): Promise<AttachmentMeta[]> {
    const inquiry = await this.inquiries.requireReadable(principal, inquiryId, 'attachments.list');
    return (await this.files.list(inquiry.tenantId, inquiry.id)).map((f) => ({ ...f, size: Number(f.size) }));
  }

  async download(principal: Principal, inquiryId: string, id: string) {
    await this.inquiries.requireReadable(principal, inquiryId, 'attachment.read', id);
    const file = await this.files.content(principal.tenantId, inquiryId, id);
    if (!file) throw ProblemException.of(404, 'not-found', 'No such attachment.');
    return file;
  }
}
