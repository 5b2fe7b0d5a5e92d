import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import {
  SIGN_LANGUAGE_DESCRIPTION_MAX,
  SIGN_LANGUAGE_VIDEO_MIME_TYPES,
  type SignLanguageVideo,
  type SignLanguageVideoFile,
  type SignLanguageVideoMimeType,
  type SignLanguageVideoState,
} from '@app/shared';
import { NoControlChars, Optional, Trim } from '../../../common/http/dto-fields';

class VideoFileDto implements SignLanguageVideoFile {
  @ApiProperty({ description: 'Relative URL; answers Range requests (206) so players can seek' }) url: string;
  @ApiProperty() fileName: string;
  @ApiProperty({ enum: SIGN_LANGUAGE_VIDEO_MIME_TYPES }) mimeType: SignLanguageVideoMimeType;
  @ApiProperty({ description: 'Bytes' }) size: number;
}

class CaptionsFileDto implements SignLanguageVideoFile {
  @ApiProperty({ description: 'Relative URL of the WebVTT file' }) url: string;
  @ApiProperty() fileName: string;
  @ApiProperty({ enum: ['text/vtt'], description: 'WebVTT, German captions' }) mimeType: 'text/vtt';
  @ApiProperty({ description: 'Bytes' }) size: number;
}

export class SignLanguageVideoDto implements SignLanguageVideo {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: VideoFileDto }) video: VideoFileDto;
  @ApiProperty({ type: CaptionsFileDto }) captions: CaptionsFileDto;
  @ApiProperty({ nullable: true, type: String, description: 'A short summary, or the link to a transcript' }) description: string | null;
  @ApiProperty({ format: 'date-time' }) uploadedAt: string;
}

export class SignLanguageVideoStateDto implements SignLanguageVideoState {
  @ApiProperty({ type: SignLanguageVideoDto, nullable: true, description: 'null while the city has not published a video' })
  video: SignLanguageVideoDto | null;
  @ApiProperty({ description: 'The largest video accepted (SIGN_LANGUAGE_VIDEO_MAX_MB), in bytes' }) maxVideoBytes: number;
  @ApiProperty({ description: 'The largest captions file accepted, in bytes' }) maxCaptionsBytes: number;
}

/** The text field of the multipart upload (the files arrive through multer, see the controller). */
export class UploadSignLanguageVideoDto {
  @ApiPropertyOptional({ maxLength: SIGN_LANGUAGE_DESCRIPTION_MAX, description: 'A short summary, or the link to a transcript' })
  @Optional()
  @Trim()
  @IsString()
  @MaxLength(SIGN_LANGUAGE_DESCRIPTION_MAX)
  @NoControlChars()
  description?: string;
}
