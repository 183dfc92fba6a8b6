import { CommandHandler } from '@nestjs/cqrs';
import {
  type ContentCommand,
  type ContentEvent,
  type ContentState,
  type ObjectionCommand,
  type ObjectionEvent,
  type ObjectionState,
  contentDecider,
  contentStreamId,
  objectionDecider,
  objectionStreamId,
} from '#domain';
import { CapabilityHandler } from '../commands/capability.handler.js';
import { ContentCommandMessage, ObjectionCommandMessage } from './objection-command.js';

@CommandHandler(ObjectionCommandMessage)
export class ObjectionCommandHandler extends CapabilityHandler<
  ObjectionCommand,
  ObjectionEvent,
  ObjectionState
> {
  protected readonly decider = objectionDecider;

  protected streamIdOf(command: ObjectionCommand): string {
    return objectionStreamId(command.objectionId);
  }

  protected actorOf(command: ObjectionCommand): string {
    return command.heardBy;
  }
}

@CommandHandler(ContentCommandMessage)
export class ContentCommandHandler extends CapabilityHandler<ContentCommand, ContentEvent, ContentState> {
  protected readonly decider = contentDecider;

  protected streamIdOf(command: ContentCommand): string {
    return contentStreamId(command.contentId);
  }

  protected actorOf(command: ContentCommand): string {
    return command.type === 'AddressObjection' ? command.publishedBy : command.withdrawnBy;
  }
}
