import { welcomeEmail } from '../emails/welcome.js';
import type { DomainEvent } from '../lib/events.js';
import type { EventSubscriber } from '../types/app.js';

/**
 * Every new user (created through POST /users, or registering in the password modes) gets a welcome
 * email. It only enqueues: the request that created the user never waits for SMTP. Keyed by the event:
 * handling the same event again while its email is still queued adds no second one.
 */
export const welcomeEmailSubscriber: EventSubscriber = {
  name: 'welcome-email',
  events: ['user.created'],
  async handle(event, deps) {
    // Only `user.created` reaches this subscriber (see `events`), so its data is that event's.
    const { user } = (event as DomainEvent<'user.created'>).data;
    await deps.email.sender.send(welcomeEmail(user), { key: `welcome-email:${event.id}` });
  },
};
