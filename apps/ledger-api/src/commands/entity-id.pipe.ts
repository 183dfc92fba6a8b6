import { Injectable, type PipeTransform, type ArgumentMetadata } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { ApiParam } from '@nestjs/swagger';
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

interface Route {
  key: string;
  handler: object;
  path: string;
}

/** The controller's route handlers, each with its own path. */
const routesOf = (controller: { prototype: object }): Route[] =>
  Object.getOwnPropertyNames(controller.prototype).flatMap((key) => {
    const handler = Object.getOwnPropertyDescriptor(controller.prototype, key)?.value as unknown;
    return typeof handler === 'function' && Reflect.hasMetadata(METHOD_METADATA, handler)
      ? [{ key, handler, path: String(Reflect.getMetadata(PATH_METADATA, handler) ?? '') }]
      : [];
  });

/**
 * Declares path parameters in the document with the pattern that checks
 * them, on each route of the controller whose path names them. Put it above
 * @Controller, whose path it reads.
 */
export const PathParams =
  (names: string[], pattern: RegExp, description: string): ClassDecorator =>
  (controller) => {
    const base = Reflect.getMetadata(PATH_METADATA, controller) as string | undefined;
    if (base === undefined) throw new Error(`@PathParams on ${controller.name} must stand above @Controller`);
    for (const name of names) {
      const named = new RegExp(`:${name}(?![A-Za-z0-9_])`);
      const routes = routesOf(controller).filter(({ path }) => named.test(`${base}/${path}`));
      if (routes.length === 0) throw new Error(`${controller.name} has no route with :${name}`);
      const param = ApiParam({ name, description, schema: { type: 'string', pattern: pattern.source } });
      for (const { key, handler } of routes) param(controller.prototype, key, { value: handler });
    }
  };

/** Path parameters that EntityIdPipe checks. */
export const EntityIdParams = (...names: string[]) =>
  PathParams(names, ENTITY_ID, 'A client-chosen id: 1–64 characters of A-Za-z0-9 . _ : -');
