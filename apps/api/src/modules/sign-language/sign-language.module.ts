import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TempFileStorage } from '../../common/files/temp-file-storage';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AuditModule } from '../audit/audit.module';
import { signLanguageDir, uploadRules } from './sign-language-files';
import { SignLanguageController } from './sign-language.controller';
import { SignLanguageVideoEntity } from './sign-language-video.entity';
import { SignLanguageService } from './sign-language.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([SignLanguageVideoEntity]),
    AuditModule,
    // This module's uploads only: streamed to temporary files in the upload folder, with the limits of
    // the configuration (a video of up to SIGN_LANGUAGE_VIDEO_MAX_MB is never held in memory).
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        storage: new TempFileStorage(signLanguageDir(config.uploadDir), uploadRules(config.signLanguageVideoMaxBytes)),
      }),
    }),
  ],
  controllers: [SignLanguageController],
  providers: [SignLanguageService],
})
export class SignLanguageModule {}
