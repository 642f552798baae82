/**
 * Command handlers of Certificate: your business logic. msa-gen wrote this file once and never
 * overwrites it; when the model gains a command, a later run adds its handler here, delegating
 * to the generated default. What triggers each command, what it may emit and what its default
 * does: CertificateHandlers in src/generated/handlers.ts, which follows the model.
 *
 * To give a command business rules, replace its delegation with a function (command, ctx) => …:
 * check the command against ctx.state; decide the new state and the events to emit, or call the
 * default and adjust its decision. How to refuse a command depends on what triggers it, as its
 * doc there says: over HTTP, throw a CommandError (from @gov24/runtime) for a 400; from an event
 * (a policy, a compensation), a throw is retried and then dead-lettered, so return the command's
 * failure event instead.
 */

import { deriveId } from '@gov24/runtime';
import { certificateState, type CertificateHandlers } from '../generated/handlers.ts';
import type { GeneralCertificateIssued } from '../generated/events.ts';

/** Where issued printouts are stored: events and records carry a reference link, never the file. */
const DOCUMENT_STORE_URL = process.env['DOCUMENT_STORE_URL'] ?? 'https://documents.gov24.example';

export const certificateHandlers: CertificateHandlers = {
  /**
   * An immediate issuance opens its application and issues the printout in the request. The
   * application id derives from the certificate id (the same on a retry); the document URL is
   * the stored printout's. application records what was issued (status Issued, the document
   * URL, the certificate type as complaint type), so it agrees with the result lookup.
   */
  IssueInstantCertificate(command, ctx) {
    // Issuing it again (a client retry with the same key) changes nothing.
    if (ctx.state !== undefined) return {};
    const data: GeneralCertificateIssued = {
      certificateId: ctx.key,
      applicationId: deriveId('IssueInstantCertificate', ctx.key, 'applicationId'),
      citizenId: command.citizenId,
      certificateType: command.certificateType,
      certificateUrl: `${DOCUMENT_STORE_URL}/certificates/${ctx.key}`,
      issuedAt: ctx.now.toISOString(),
    };
    // The model's call (when: after): the runtime sends this input once the decision is made,
    // outside any transaction and before it commits; a failure refuses the command.
    const recordIssuanceResult = {
      applicationId: data.applicationId,
      citizenId: data.citizenId,
      complaintType: data.certificateType,
      issuedDocumentUrl: data.certificateUrl,
      status: 'Issued' as const,
    };
    return {
      state: certificateState(data, ctx.key),
      events: [{ event: 'GeneralCertificateIssued', data }],
      calls: { recordIssuanceResult },
    };
  },
};
