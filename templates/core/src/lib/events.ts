import { randomUUID } from 'node:crypto';
import type { User } from '../types/user.js';
import type { AppLogger } from './logger.js';

/**
 * Domain events: what happened, published by services after their write has committed. Subscribers
 * (src/app/event-subscribers.ts) react without the service knowing them: webhooks, welcome mails, ...
 * A subscriber should only hand work on (enqueue a job), so that a slow or failing reaction never
 * fails or slows the request that caused it.
 */

/** Each event carries data, not a reference: a consumer sees the user as it was when the event happened. */
export interface DomainEventMap {
  'user.created': { user: User };
  'user.updated': { user: User };
  'user.deleted': { user: Pick<User, 'id'> };
}

export type DomainEventType = keyof DomainEventMap;

export const domainEventTypes = ['user.created', 'user.updated', 'user.deleted'] as const satisfies readonly DomainEventType[];

export interface DomainEvent<T extends DomainEventType = DomainEventType> {
  /** Unique per event: consumers de-duplicate on it. */
  id: string;
  type: T;
  occurredAt: string;
  data: DomainEventMap[T];
}

export interface EventPublisher {
  publish<T extends DomainEventType>(type: T, data: DomainEventMap[T]): Promise<void>;
}

/** Reacts to events of the given types; `D` is what it works with (the app's dependencies). */
export interface Subscriber<D> {
  name: string;
  events: readonly DomainEventType[];
  handle(event: DomainEvent, context: D): Promise<void>;
}

/**
 * Calls the subscribers of each event with `context()` (the app's dependencies, which hold this
 * publisher: hence a function). A subscriber that throws is logged and does not stop the others: the
 * write that caused the event has already committed.
 */
export function createEventPublisher<D>(subscribers: readonly Subscriber<D>[], context: () => D, logger: AppLogger): EventPublisher {
  return {
    async publish(type, data) {
      const event = { id: randomUUID(), type, occurredAt: new Date().toISOString(), data } as DomainEvent;
      const current = context();
      await Promise.all(
        subscribers
          .filter((subscriber) => subscriber.events.includes(type))
          .map(async (subscriber) => {
            try {
              await subscriber.handle(event, current);
            } catch (err) {
              logger.error({ err, eventId: event.id, eventType: type, subscriber: subscriber.name }, 'event subscriber failed');
            }
          }),
      );
    },
  };
}
