import { given } from '#testing';
import { actionItemCompleted, completeActionItem, huddleHeld } from '../../test/huddles.builders.js';
import { huddleCapability } from './huddle.capability.js';

/** Mia's battlecard item (ai-1) is done; Sam's call notes (ai-2) are not. */
const firstDone = [huddleHeld(), actionItemCompleted()];

describe('CompleteActionItem', () => {
  it('given a held huddle, when its owner completes an action item, then ActionItemCompleted is recorded', () => {
    given(huddleCapability, [huddleHeld()]).when(completeActionItem()).then([actionItemCompleted()]);
  });

  it('given one item done, when someone from the other team completes the other item, then it is recorded', () => {
    const samsItemByMia = { actionItemId: 'ai-2', completedBy: 'person-mia' };
    given(huddleCapability, firstDone)
      .when(completeActionItem(samsItemByMia))
      .then([actionItemCompleted(samsItemByMia)]);
  });

  it('given the item is already done, when completed again, then nothing new happens', () => {
    given(huddleCapability, firstDone)
      .when(completeActionItem({ completedBy: 'person-sam' }))
      .then([]);
  });

  it('given no huddle, when an item is completed, then it is a conflict', () => {
    given(huddleCapability).when(completeActionItem()).thenRejects('conflict', 'action-item-not-found');
  });

  it('given a held huddle, when an item it did not agree is completed, then it is a conflict', () => {
    given(huddleCapability, [huddleHeld()])
      .when(completeActionItem({ actionItemId: 'ai-9' }))
      .thenRejects('conflict', 'action-item-not-found');
  });

  it('when the person completing it is not on the roster, then it is refused', () => {
    given(huddleCapability, [huddleHeld()])
      .when(completeActionItem({ completedBy: 'person-agency' }))
      .thenRejects('rule', 'person-not-on-roster');
  });
});
