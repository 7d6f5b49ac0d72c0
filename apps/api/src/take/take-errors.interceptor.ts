import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { catchError, type Observable, throwError } from 'rxjs';
import { inBrowserLanguage } from './take-messages';

/**
 * The participant routes' "not available" error in the browser's language (Accept-Language): it is raised before a
 * session, and so the participant's language, is known. Other errors already speak the session's language.
 */
@Injectable()
export class TakeErrorsInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    return next
      .handle()
      .pipe(
        catchError((error: unknown) =>
          throwError(() => inBrowserLanguage(error, request.acceptsLanguages())),
        ),
      );
  }
}
