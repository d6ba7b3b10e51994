import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

export class UploadAttachmentDto {
  @ApiProperty({ example: 'brev-2026-03-01.pdf', maxLength: 255 }) @IsString() @IsNotEmpty() @MaxLength(255) filename: string;
  @ApiProperty({ enum: ['application/pdf', 'image/jpeg', 'image/png', 'image/tiff', 'text/plain'] })
  @IsString() @Matches(/^[\w.+-]+\/[\w.+-]+$/, { message: 'contentType must be a MIME type' }) contentType: string;
  @ApiProperty({ description: 'The file, base64 (standard alphabet)' }) @IsString() @IsNotEmpty() @MaxLength(70 * 1024 * 1024) contentBase64: string;
}
