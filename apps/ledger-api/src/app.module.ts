import { type DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { SqlDatabase } from '#event-store';
import { CampaignsController } from './campaigns/campaigns.controller.js';
import { LaunchCampaignHandler } from './campaigns/launch-campaign.handler.js';
import { CommandPipeline } from './commands/command-pipeline.js';
import { EventStoreModule } from './event-store/event-store.module.js';
import { LogObjectionHandler } from './objections/log-objection.handler.js';
import { ObjectionsController } from './objections/objections.controller.js';
import { ReadStreamEventsHandler } from './streams/read-stream-events.query.js';
import { StreamsController } from './streams/streams.controller.js';

@Module({})
export class AppModule {
  static forRoot(database: SqlDatabase): DynamicModule {
    return {
      module: AppModule,
      imports: [CqrsModule.forRoot(), EventStoreModule.forRoot(database)],
      controllers: [CampaignsController, ObjectionsController, StreamsController],
      providers: [CommandPipeline, LaunchCampaignHandler, LogObjectionHandler, ReadStreamEventsHandler],
    };
  }
}
