import type { Decider } from '../shared/decider.js';
import type { DealEvent } from './deal.events.js';
import { type DealState, evolveDeal, initialDealState } from './deal.state.js';
import { type RecordDeal, recordDeal } from './record-deal.js';

export type DealCommand = RecordDeal;

export const dealStreamId = (dealId: string) => `deal-${dealId}`;

export const dealDecider: Decider<DealCommand, DealEvent, DealState> = {
  initialState: initialDealState,
  evolve: evolveDeal,
  decide: (command, state) => {
    switch (command.type) {
      case 'RecordDeal':
        return recordDeal(command, state);
    }
  },
  // An identical repeat answers with the deal's first recording.
  precedent: (_command, history) => history.findIndex((event) => event.type === 'DealRecorded'),
};
