import type { objectionCapability, ObjectionLogged } from '../src/index.js';
import { type CommandOf, builders } from './builders.js';

type Command<Type extends string> = CommandOf<typeof objectionCapability, Type>;

const roster = { sam: 'sales', mia: 'marketing' } as const;

const heard: Omit<ObjectionLogged['data'], 'blameFlag'> = {
  objectionId: 'obj-17',
  category: 'price',
  text: 'Too expensive compared to what they pay today',
  heardBy: 'sam',
  dealId: 'deal-4',
  campaignId: null,
};
export const [logObjection, objectionLogged] = builders<Command<'LogObjection'>, ObjectionLogged>(
  { type: 'LogObjection', ...heard, roster },
  { type: 'ObjectionLogged', data: { ...heard, blameFlag: false } },
);
