/**
 * Command handlers of Notification (context citizen): the business logic. Yours: msa-gen wrote
 * this file once and never overwrites it; when the model gains a command, a later run adds its
 * handler here, delegating to the generated default.
 */

import { notificationDefaults, type NotificationHandlers } from '../generated/handlers.ts';

export const notificationHandlers: NotificationHandlers = {
  /**
   * NotifyCitizen — triggered by policy NotifyCitizenWhenDocumentIssued (on GeneralDocumentIssued).
   * Emits CitizenNotified, CitizenNotificationFailed (failure).
   *
   * Business rules go here: check the command against ctx.state and throw a CommandError (from
   * @gov24/runtime) to reject it with 400; decide the new state and which event to emit. The
   * default merges the command into the state and emits CitizenNotified. It creates a
   * Notification: ctx.key is the key the runtime assigned (or the caller gave).
   */
  NotifyCitizen: (command, ctx) => notificationDefaults.NotifyCitizen(command, ctx),
};
