import type { EventStore } from '#event-store';
import { readSideContract } from './contract/read-side.contract.js';
import { restoreContract } from './contract/restore.contract.js';
import { writeSideContract } from './contract/write-side.contract.js';

/**
 * The behaviour every EventStore backend must show. Each test uses stream
 * ids of its own, so one store serves the whole suite.
 */
export const describeEventStoreContract = (backend: string, openStore: () => Promise<EventStore>): void => {
  describe(`EventStore contract: ${backend}`, () => {
    let store: EventStore;
    beforeAll(async () => {
      store = await openStore();
    });
    afterAll(async () => {
      await store.close();
    });

    writeSideContract(() => store);
    readSideContract(() => store);
    restoreContract(() => store);
  });
};
