import { domainEventTypes } from '../lib/events.js';
import type { EventSubscriber } from '../types/app.js';

/** Every domain event goes to the webhook subscriptions that asked for its type (as delivery jobs). */
export const webhookEventsSubscriber: EventSubscriber = {
  name: 'webhooks',
  events: domainEventTypes,
  async handle(event, deps) {
    await deps.webhooks.dispatch.dispatch(event);
  },
};
