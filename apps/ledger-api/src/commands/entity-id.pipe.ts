import { Injectable, type PipeTransform, type ArgumentMetadata } from '@nestjs/common';
import { badRequest } from '../http/problem.js';

/** Client-chosen ids: 1–64 characters of A-Za-z0-9 . _ : - */
export const ENTITY_ID = /^[A-Za-z0-9._:-]{1,64}$/;

@Injectable()
export class EntityIdPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (!ENTITY_ID.test(value)) {
      throw badRequest(
        metadata.data ?? 'id',
        'entity-id',
        `${metadata.data ?? 'id'} must be 1–64 characters of A-Za-z0-9._:-`,
      );
    }
    return value;
  }
}
