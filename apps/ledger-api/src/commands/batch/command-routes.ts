import { Injectable, type OnModuleInit, type PipeTransform, type Type } from '@nestjs/common';
import { CUSTOM_ROUTE_ARGS_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host.js';
import type { Request } from 'express';
import type { AppendResult } from '#event-store';
import { ACCESS, type RouteRequirement } from '../../access/access.decorator.js';
import { ledgerValidationPipe } from '../../http/validation.pipe.js';
import { COMMAND_NAME } from '../command-metrics.interceptor.js';

interface RouteArg {
  index: number;
  data?: unknown;
  pipes?: (PipeTransform | Type<PipeTransform>)[];
  factory?: (data: unknown, context: ExecutionContextHost) => unknown;
}

/** A command endpoint as ExecuteCommands calls it: by name, with its own pipes, in the caller's place. */
export interface CommandRoute {
  operation: string;
  /** `/v1/objections/:objectionId/log` */
  template: string;
  pathParams: string[];
  requirement: RouteRequirement;
  /** Runs the endpoint's pipes on a request built for the item, then the endpoint. */
  invoke(request: Request): Promise<AppendResult>;
}

const joinPath = (...parts: string[]) =>
  `/${parts
    .flatMap((part) => part.split('/'))
    .filter(Boolean)
    .join('/')}`;

const pipeOf = (pipe: PipeTransform | Type<PipeTransform>): PipeTransform =>
  typeof pipe === 'function' ? new pipe() : pipe;

/**
 * Every command endpoint, found by the metadata its decorators left
 * (@CommandEndpoint, @Param, @Body, @CommandCtx), so that a command in a
 * batch passes exactly the validation, pipes and handler of its own route.
 */
@Injectable()
export class CommandRoutes implements OnModuleInit {
  private readonly routes = new Map<string, CommandRoute>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getControllers()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      const controller = wrapper.metatype as Type | null;
      if (!instance || !controller) continue;
      for (const key of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[key];
        if (typeof handler !== 'function') continue;
        const operation = this.reflector.get<string | undefined>(COMMAND_NAME, handler);
        if (operation === undefined) continue;
        this.routes.set(operation, this.routeOf(operation, controller, instance, key, handler));
      }
    }
  }

  get(operation: string): CommandRoute | undefined {
    return this.routes.get(operation);
  }

  get operations(): string[] {
    return [...this.routes.keys()].sort();
  }

  private routeOf(
    operation: string,
    controller: Type,
    instance: Record<string, unknown>,
    key: string,
    handler: object,
  ): CommandRoute {
    const template = joinPath(
      String(Reflect.getMetadata(PATH_METADATA, controller) ?? ''),
      String(Reflect.getMetadata(PATH_METADATA, handler) ?? ''),
    );
    const args = Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, key) as Record<string, RouteArg>;
    const types = Reflect.getMetadata('design:paramtypes', controller.prototype, key) as Type[];
    const validation = ledgerValidationPipe();
    const resolvers = Object.entries(args).map(([argKey, arg]) => {
      const pipes = (arg.pipes ?? []).map(pipeOf);
      const metatype = types[arg.index];
      const through = async (value: unknown, type: 'body' | 'param' | 'custom') => {
        let piped =
          type === 'custom'
            ? value
            : await validation.transform(value, { type, metatype, data: arg.data as string });
        for (const pipe of pipes)
          piped = await pipe.transform(piped, { type, metatype, data: arg.data as string });
        return piped;
      };
      if (argKey.includes(CUSTOM_ROUTE_ARGS_METADATA) && arg.factory) {
        const factory = arg.factory;
        return (request: Request) =>
          through(
            factory(arg.data, new ExecutionContextHost([request, request.res], controller, handler as never)),
            'custom',
          );
      }
      const paramtype = Number(argKey.split(':')[0]);
      if (paramtype === RouteParamtypes.BODY) return (request: Request) => through(request.body, 'body');
      if (paramtype === RouteParamtypes.PARAM)
        return (request: Request) => through(request.params[String(arg.data)], 'param');
      throw new Error(
        `${operation}: ExecuteCommands cannot pass parameter ${argKey} of ${controller.name}.${key}`,
      );
    });
    const order = Object.values(args).map((arg) => arg.index);
    const method = instance[key] as (...values: unknown[]) => Promise<AppendResult>;
    return {
      operation,
      template,
      pathParams: [...template.matchAll(/:([A-Za-z0-9_]+)/g)].map((match) => match[1]),
      requirement: this.reflector.getAllAndOverride<RouteRequirement>(ACCESS, [handler as never, controller]),
      invoke: async (request) => {
        const values = await Promise.all(resolvers.map((resolve) => resolve(request)));
        const ordered: unknown[] = [];
        values.forEach((value, position) => (ordered[order[position]] = value));
        return method.apply(instance, ordered);
      },
    };
  }
}
