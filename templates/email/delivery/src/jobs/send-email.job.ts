import { sendEmailSpec } from '../lib/email/queued.js';
import { defineJob } from './define.js';

/** Delivers one queued email through the transport; a throw fails the attempt and the queue retries. */
export const sendEmailJob = defineJob(sendEmailSpec, (deps) => async (message) => {
  await deps.email.transport.send(message);
});
