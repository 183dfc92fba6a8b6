import { type DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { SqlDatabase } from '#event-store';
import { CampaignCommandHandler } from './campaigns/campaign-command.handler.js';
import { CampaignsController } from './campaigns/campaigns.controller.js';
import { CommandPipeline } from './commands/command-pipeline.js';
import { RosterReader } from './commands/roster-reader.js';
import { LEDGER_CONFIG, type LedgerConfig } from './config/ledger-config.js';
import { EventStoreModule } from './event-store/event-store.module.js';
import { ContentCommandHandler, ObjectionCommandHandler } from './objections/objection-command.handler.js';
import { ObjectionsController } from './objections/objections.controller.js';
import { RetroCommandHandler } from './retros/retro-command.handler.js';
import { RetrosController } from './retros/retros.controller.js';
import { RosterCommandHandler } from './roster/roster-command.handler.js';
import { TeamMembersController } from './roster/team-members.controller.js';
import { ReadStreamEventsHandler } from './streams/read-stream-events.query.js';
import { StreamsController } from './streams/streams.controller.js';

@Module({})
export class AppModule {
  static forRoot(config: LedgerConfig, database: SqlDatabase): DynamicModule {
    return {
      module: AppModule,
      imports: [CqrsModule.forRoot(), EventStoreModule.forRoot(database)],
      controllers: [TeamMembersController, CampaignsController, ObjectionsController, RetrosController, StreamsController],
      providers: [
        { provide: LEDGER_CONFIG, useValue: config },
        CommandPipeline,
        RosterReader,
        RosterCommandHandler,
        CampaignCommandHandler,
        ObjectionCommandHandler,
        ContentCommandHandler,
        RetroCommandHandler,
        ReadStreamEventsHandler,
      ],
    };
  }
}
