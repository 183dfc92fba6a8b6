import { type DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { Logger } from 'pino';
import type { SqlDatabase } from '#event-store';
import { CampaignCommandHandler } from './campaigns/campaign-command.handler.js';
import { CampaignsController } from './campaigns/campaigns.controller.js';
import { GetCampaignController } from './campaigns/get-campaign.controller.js';
import { CelebrationCommandHandler } from './celebrations/celebration-command.js';
import { CelebrationsController } from './celebrations/celebrations.controller.js';
import { CommandPipeline } from './commands/command-pipeline.js';
import { DealCommandHandler } from './deals/deal-command.js';
import { DealsController } from './deals/deals.controller.js';
import { GoalCommandHandler } from './goals/goal-command.js';
import { GoalsController } from './goals/goals.controller.js';
import { AlignmentHealthController } from './health/alignment-health.controller.js';
import { HuddleCommandHandler } from './huddles/huddle-command.js';
import { HuddlesController } from './huddles/huddles.controller.js';
import { LeadCommandHandler } from './leads/lead-command.js';
import { LeadsController } from './leads/leads.controller.js';
import { RosterReader } from './commands/roster-reader.js';
import { LEDGER_CONFIG, type LedgerConfig } from './config/ledger-config.js';
import { EventStoreModule } from './event-store/event-store.module.js';
import { ContentCommandHandler, ObjectionCommandHandler } from './objections/objection-command.handler.js';
import { ObjectionGapsController } from './objections/objection-gaps.controller.js';
import { ObjectionsController } from './objections/objections.controller.js';
import { RetroCommandHandler } from './retros/retro-command.handler.js';
import { RetrosController } from './retros/retros.controller.js';
import { RosterCommandHandler } from './roster/roster-command.handler.js';
import { TeamMembersController } from './roster/team-members.controller.js';
import { operability } from './operability/operability.js';
import { ProjectionRunners } from './projections/projection-runners.js';
import { ProjectionsController } from './projections/projections.controller.js';
import { GetRetroController } from './retros/get-retro.controller.js';
import { ReadStreamEventsHandler } from './streams/read-stream-events.query.js';
import { StreamsController } from './streams/streams.controller.js';
import { GetScorecardController } from './scorecards/get-scorecard.controller.js';

@Module({})
export class AppModule {
  static forRoot(config: LedgerConfig, database: SqlDatabase, log: Logger): DynamicModule {
    const ops = operability(log);
    return {
      module: AppModule,
      imports: [CqrsModule.forRoot(), EventStoreModule.forRoot(database, config), ...ops.imports],
      controllers: [
        TeamMembersController,
        CampaignsController,
        GetCampaignController,
        ObjectionGapsController,
        ObjectionsController,
        LeadsController,
        DealsController,
        GoalsController,
        CelebrationsController,
        HuddlesController,
        RetrosController,
        GetRetroController,
        StreamsController,
        ProjectionsController,
        AlignmentHealthController,
        GetScorecardController,
        ...ops.controllers,
      ],
      providers: [
        { provide: LEDGER_CONFIG, useValue: config },
        CommandPipeline,
        RosterReader,
        RosterCommandHandler,
        CampaignCommandHandler,
        ObjectionCommandHandler,
        ContentCommandHandler,
        LeadCommandHandler,
        DealCommandHandler,
        GoalCommandHandler,
        CelebrationCommandHandler,
        HuddleCommandHandler,
        RetroCommandHandler,
        ReadStreamEventsHandler,
        ProjectionRunners,
        ...ops.providers,
      ],
    };
  }
}
