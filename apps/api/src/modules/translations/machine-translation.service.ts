import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { ErrorCode, htmlLang, type Language } from '@app/shared';
import { DomainError } from '../../common/errors/domain-error';
import { isUniqueViolation } from '../../common/errors/all-exceptions.filter';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { MachineTranslation } from './machine-translation.entity';

/** How long the translation server may take for one text. */
const TIMEOUT_MS = 15_000;

/**
 * Machine translation through a self-hosted LibreTranslate-compatible server (`POST /translate`,
 * https://libretranslate.com/docs), off unless TRANSLATE_URL is set. Only the text to translate
 * leaves the API, and only to that server. Every translation is cached by source, target and text.
 * Leichte Sprache is German to the server (its base language).
 */
@Injectable()
export class MachineTranslationService {
  private readonly log = new Logger(MachineTranslationService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(MachineTranslation) private readonly cache: Repository<MachineTranslation>,
  ) {}

  get enabled(): boolean {
    return this.config.translate !== null;
  }

  /**
   * A contribution's texts (a proposal's title and text, a comment) in `target`; a contribution
   * written in that language already is refused (422), so readers are never shown a "translation" of the original.
   */
  async translateContribution(what: 'proposal' | 'comment', texts: string[], source: Language, target: Language): Promise<string[]> {
    if (htmlLang(source) === htmlLang(target))
      throw new DomainError(ErrorCode.UnprocessableEntity, `The ${what} is written in ${source} already; it needs no translation.`, [
        { field: 'language', messages: [`is the language the ${what} is written in`] },
      ]);
    return this.translate(texts, source, target);
  }

  /** The texts in `target`, in order; cached ones without asking the server. */
  async translate(texts: string[], source: Language, target: Language): Promise<string[]> {
    const server = this.config.translate;
    if (!server)
      throw new DomainError(ErrorCode.TranslationOff, 'Machine translation is not offered on this platform; the original text is shown.');
    const from = htmlLang(source);
    const to = htmlLang(target);
    if (from === to) return texts;
    const keys = texts.map((text) => createHash('sha256').update(`${from}\n${to}\n${text}`).digest('hex'));
    const cached = new Map((await this.cache.findBy({ key: In([...new Set(keys)]) })).map((row) => [row.key, row.text]));
    const result: string[] = [];
    for (const [index, text] of texts.entries()) {
      const key = keys[index];
      let translated = cached.get(key);
      if (translated === undefined) {
        translated = text.trim() === '' ? text : await this.ask(server, text, from, to);
        await this.remember(key, from, to, translated);
        cached.set(key, translated);
      }
      result.push(translated);
    }
    return result;
  }

  private async ask(server: NonNullable<AppConfig['translate']>, text: string, source: string, target: string): Promise<string> {
    const unavailable = () =>
      new DomainError(
        ErrorCode.TranslationUnavailable,
        'The translation service did not answer. Please try again later; the original text is shown.',
      );
    let response: Response;
    try {
      response = await fetch(`${server.url}/translate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ q: text, source, target, format: 'text', ...(server.apiKey ? { api_key: server.apiKey } : {}) }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      this.log.warn(`translation server unreachable: ${error instanceof Error ? error.message : String(error)}`);
      throw unavailable();
    }
    const body = (await response.json().catch(() => null)) as { translatedText?: unknown; error?: unknown } | null;
    if (!response.ok || typeof body?.translatedText !== 'string') {
      this.log.warn(`translation server answered ${response.status}: ${JSON.stringify(body?.error ?? body)}`);
      throw unavailable();
    }
    return body.translatedText;
  }

  private async remember(key: string, sourceLanguage: string, targetLanguage: string, text: string): Promise<void> {
    try {
      await this.cache.insert({ key, sourceLanguage, targetLanguage, text });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error; // another request cached the same text meanwhile
    }
  }
}
