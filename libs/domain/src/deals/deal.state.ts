import type { DealEvent, DealRecorded } from './deal.events.js';

export type DealState = { status: 'none' } | { status: 'recorded'; deal: DealRecorded['data'] };

export const initialDealState: DealState = { status: 'none' };

export const evolveDeal = (_state: DealState, event: DealEvent): DealState => {
  switch (event.type) {
    case 'DealRecorded':
      return { status: 'recorded', deal: event.data };
  }
};
