import { capability } from '../shared/capability.js';
import type { DealEvent } from './deal.events.js';
import { type DealState, evolveDeal, initialDealState } from './deal.state.js';
import { type RecordDeal, recordDeal } from './record-deal.js';

type DealCommand = RecordDeal;

export const dealCapability = capability<DealCommand, DealEvent, DealState>({
  initialState: initialDealState,
  evolve: evolveDeal,
  streamIdOf: (command) => `deal-${command.dealId}`,
  inputs: { roster: true, ledgerCurrency: true },
  commands: {
    RecordDeal: {
      decide: recordDeal,
      actor: 'owner',
      // An identical repeat answers with the deal's first recording.
      precedent: (_command, history) => history.findIndex((event) => event.type === 'DealRecorded'),
    },
  },
});
