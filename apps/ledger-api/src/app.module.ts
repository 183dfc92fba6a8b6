import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import type { Logger } from 'pino';
import type { SqlDatabase } from '#event-store';
import { AccessGuard } from './access/access.guard.js';
import { AdminKeyBootstrap } from './access/admin-key-bootstrap.js';
import { ApiKeysController } from './access/api-keys.controller.js';
import { Authenticator } from './access/authenticator.js';
import { KeyVerifier } from './access/key-verifier.js';
import { RateLimits } from './access/rate-limits.js';
import { CampaignsController } from './campaigns/campaigns.controller.js';
import { GetCampaignController } from './campaigns/get-campaign.controller.js';
import { CommandRoutes } from './commands/batch/command-routes.js';
import { ExecuteCommandsController } from './commands/batch/execute-commands.controller.js';
import { GroupCommitter } from './commands/group-commit/group-committer.js';
import { RunCommandHandler } from './commands/run-command.handler.js';
import { ContentController } from './content/content.controller.js';
import { CelebrationsController } from './celebrations/celebrations.controller.js';
import { DealsController } from './deals/deals.controller.js';
import { GoalsController } from './goals/goals.controller.js';
import { GetAlignmentHealthController } from './alignment-health/get-alignment-health.controller.js';
import { HuddlesController } from './huddles/huddles.controller.js';
import { LeadsController } from './leads/leads.controller.js';
import { LEDGER_CONFIG, type LedgerConfig } from './config/ledger-config.js';
import { EventStoreModule } from './event-store/event-store.module.js';
import { GetObjectionGapsController } from './objections/get-objection-gaps.controller.js';
import { ObjectionsController } from './objections/objections.controller.js';
import { RetrosController } from './retros/retros.controller.js';
import { GetTeamMembersController } from './roster/get-team-members.controller.js';
import { TeamMembersController } from './roster/team-members.controller.js';
import { operability } from './operability/operability.js';
import { ReadModels } from './projections/read-models.js';
import { ProjectionsController } from './projections/projections.controller.js';
import { GetRetroController } from './retros/get-retro.controller.js';
import { ReadStreamEventsHandler } from './streams/read-stream-events.query.js';
import { StreamsController } from './streams/streams.controller.js';
import { ListStreamsController } from './streams/list-streams.controller.js';
import { EventsController } from './events/events.controller.js';
import { GetScorecardController } from './scorecards/get-scorecard.controller.js';
import { GetScorecardEvidenceController } from './scorecards/get-scorecard-evidence.controller.js';
import { GetEvidenceController } from './evidence/get-evidence.controller.js';
import { GetLateFactsController } from './scorecards/get-late-facts.controller.js';
import { ListCampaignsController } from './campaigns/list-campaigns.controller.js';
import { ListRetrosController } from './retros/list-retros.controller.js';
import { ListOpenActionItemsController } from './action-items/list-open-action-items.controller.js';
import { ProblemTypesController } from './problems/problem-types.controller.js';
import { AuditController } from './audit/audit.controller.js';
import { TreeHeadSigner } from './audit/tree-head-signer.js';

@Module({})
export class AppModule {
  static forRoot(config: LedgerConfig, database: SqlDatabase, log: Logger): DynamicModule {
    const ops = operability(log);
    return {
      module: AppModule,
      imports: [
        CqrsModule.forRoot(),
        DiscoveryModule,
        EventStoreModule.forRoot(database, config),
        ...ops.imports,
      ],
      controllers: [
        ApiKeysController,
        TeamMembersController,
        GetTeamMembersController,
        CampaignsController,
        GetCampaignController,
        GetObjectionGapsController,
        ObjectionsController,
        ContentController,
        LeadsController,
        DealsController,
        GoalsController,
        CelebrationsController,
        HuddlesController,
        RetrosController,
        ExecuteCommandsController,
        GetRetroController,
        StreamsController,
        ListStreamsController,
        EventsController,
        AuditController,
        ProjectionsController,
        GetAlignmentHealthController,
        GetScorecardController,
        GetScorecardEvidenceController,
        GetEvidenceController,
        GetLateFactsController,
        ListCampaignsController,
        ListRetrosController,
        ListOpenActionItemsController,
        ProblemTypesController,
        ...ops.controllers,
      ],
      providers: [
        { provide: LEDGER_CONFIG, useValue: config },
        KeyVerifier,
        Authenticator,
        RateLimits,
        AdminKeyBootstrap,
        { provide: APP_GUARD, useClass: AccessGuard },
        GroupCommitter,
        CommandRoutes,
        RunCommandHandler,
        ReadStreamEventsHandler,
        ReadModels,
        TreeHeadSigner,
        ...ops.providers,
      ],
    };
  }
}
