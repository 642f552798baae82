import { describe, expect, it } from 'vitest';
import {
  failureWord,
  baseVerb,
  checkCommandName,
  isGerund,
  isKnownVerb,
  isPastParticiple,
  isPastTenseName,
  isSimplePast,
  pastParticiple,
  presentParticiple,
  proposeEventName,
  singularName,
  singularNoun,
  verbOfActionNoun,
  verbOfGerund,
  verbOfPast,
} from '../src/model/english.js';

describe('pastParticiple', () => {
  it.each([
    ['issue', 'issued'],
    ['apply', 'applied'],
    ['notify', 'notified'],
    ['verify', 'verified'],
    ['delay', 'delayed'],
    ['deploy', 'deployed'],
    ['record', 'recorded'],
    ['process', 'processed'],
    ['fix', 'fixed'],
    ['open', 'opened'],
    ['visit', 'visited'],
    ['audit', 'audited'],
    ['agree', 'agreed'],
    ['sync', 'synced'],
    ['panic', 'panicked'],
    ['relay', 'relayed'],
  ])('regular: %s → %s', (verb, participle) => {
    expect(pastParticiple(verb)).toBe(participle);
  });

  it.each([
    ['submit', 'submitted'],
    ['cancel', 'cancelled'],
    ['transfer', 'transferred'],
    ['commit', 'committed'],
    ['admit', 'admitted'],
    ['permit', 'permitted'],
    ['emit', 'emitted'],
    ['refer', 'referred'],
    ['label', 'labelled'],
    ['model', 'modelled'],
    ['travel', 'travelled'],
    ['control', 'controlled'],
    ['enrol', 'enrolled'],
    ['fulfil', 'fulfilled'],
    ['resubmit', 'resubmitted'],
    // one-syllable consonant-vowel-consonant
    ['ship', 'shipped'],
    ['stop', 'stopped'],
    ['plan', 'planned'],
    ['log', 'logged'],
    ['tag', 'tagged'],
    ['quiz', 'quizzed'],
    ['unpin', 'unpinned'],
  ])('doubles the final consonant: %s → %s', (verb, participle) => {
    expect(pastParticiple(verb)).toBe(participle);
  });

  it.each([
    ['send', 'sent'],
    ['pay', 'paid'],
    ['write', 'written'],
    ['take', 'taken'],
    ['build', 'built'],
    ['begin', 'begun'],
    ['give', 'given'],
    ['hold', 'held'],
    ['make', 'made'],
    ['withdraw', 'withdrawn'],
    ['undo', 'undone'],
    ['choose', 'chosen'],
    ['forget', 'forgotten'],
    ['freeze', 'frozen'],
    ['set', 'set'],
    ['read', 'read'],
    ['resend', 'resent'],
    ['repay', 'repaid'],
    ['rebuild', 'rebuilt'],
  ])('irregular: %s → %s', (verb, participle) => {
    expect(pastParticiple(verb)).toBe(participle);
  });

  it('is case-insensitive and returns lower case', () => {
    expect(pastParticiple('Submit')).toBe('submitted');
  });
});

describe('presentParticiple', () => {
  it.each([
    ['submit', 'submitting'],
    ['issue', 'issuing'],
    ['cancel', 'cancelling'],
    ['begin', 'beginning'],
    ['make', 'making'],
    ['agree', 'agreeing'],
    ['process', 'processing'],
    ['tie', 'tying'],
  ])('%s → %s', (verb, gerund) => {
    expect(presentParticiple(verb)).toBe(gerund);
  });
});

describe('isPastParticiple', () => {
  it.each([
    'submitted',
    'Issued',
    'applied',
    'cancelled',
    'canceled',
    'agreed',
    'synced',
    'sent',
    'paid',
    'written',
    'taken',
    'built',
    'begun',
    'withdrawn',
    'undone',
    'held',
    'made',
    'fed',
    'led',
    'read',
    'set',
    'burnt',
    'proven',
  ])('%s is a participle', (word) => {
    expect(isPastParticiple(word)).toBe(true);
  });

  it.each([
    'embed',
    'shed',
    'proceed',
    'succeed',
    'exceed',
    'need',
    'feed',
    'bleed',
    'speed',
    'seed',
    'hundred',
    'red',
    'submit',
    'send',
    'submitting',
    'wrote',
    'took',
    'status',
  ])('%s is not a participle', (word) => {
    expect(isPastParticiple(word)).toBe(false);
  });

  it('tells irregular simple pasts from participles', () => {
    expect(isSimplePast('wrote')).toBe(true);
    expect(isSimplePast('began')).toBe(true);
    expect(isSimplePast('withdrew')).toBe(true);
    expect(isSimplePast('sent')).toBe(false); // also the participle
    expect(isSimplePast('written')).toBe(false);
  });
});

describe('base forms', () => {
  it.each([
    ['submitted', 'submit'],
    ['cancelled', 'cancel'],
    ['canceled', 'cancel'],
    ['applied', 'apply'],
    ['issued', 'issue'],
    ['created', 'create'],
    ['processed', 'process'],
    ['billed', 'bill'],
    ['added', 'add'],
    ['agreed', 'agree'],
    ['synced', 'sync'],
    ['panicked', 'panic'],
    ['sent', 'send'],
    ['paid', 'pay'],
    ['written', 'write'],
    ['wrote', 'write'],
    ['withdrawn', 'withdraw'],
    ['began', 'begin'],
  ])('verbOfPast(%s) = %s', (word, base) => {
    expect(verbOfPast(word)).toBe(base);
  });

  it('verbOfPast is undefined for words that are not past forms', () => {
    expect(verbOfPast('submit')).toBeUndefined();
    expect(verbOfPast('embed')).toBeUndefined();
    expect(verbOfPast('application')).toBeUndefined();
  });

  it.each([
    ['submitting', 'submit'],
    ['cancelling', 'cancel'],
    ['issuing', 'issue'],
    ['processing', 'process'],
    ['making', 'make'],
    ['paying', 'pay'],
    ['applying', 'apply'],
    ['billing', 'bill'],
    ['running', 'run'],
    ['writing', 'write'],
  ])('verbOfGerund(%s) = %s', (word, base) => {
    expect(verbOfGerund(word)).toBe(base);
  });

  it('recognises gerunds but not nouns in -ing', () => {
    expect(isGerund('Submitting')).toBe(true);
    expect(isGerund('processing')).toBe(true);
    for (const noun of ['thing', 'string', 'ring', 'king', 'building', 'morning', 'ceiling']) {
      expect(isGerund(noun)).toBe(false);
    }
  });

  it('baseVerb accepts any recognised verb form', () => {
    expect(baseVerb('Submit')).toBe('submit');
    expect(baseVerb('Submitted')).toBe('submit');
    expect(baseVerb('Submitting')).toBe('submit');
    expect(baseVerb('Application')).toBeUndefined();
  });
});

describe('verbOfActionNoun', () => {
  it.each([
    ['approval', 'approve'],
    ['renewal', 'renew'],
    ['withdrawal', 'withdraw'],
    ['denial', 'deny'],
    ['referral', 'refer'],
    ['verification', 'verify'],
    ['notification', 'notify'],
    ['registration', 'register'],
    ['cancellation', 'cancel'],
    ['validation', 'validate'],
    ['confirmation', 'confirm'],
    ['submission', 'submit'],
    ['decision', 'decide'],
    ['extension', 'extend'],
    ['conversion', 'convert'],
    ['completion', 'complete'],
    ['inspection', 'inspect'],
    ['assessment', 'assess'],
    ['settlement', 'settle'],
    ['issuance', 'issue'],
    ['compliance', 'comply'],
    ['occurrence', 'occur'],
    ['failure', 'fail'],
    ['closure', 'close'],
    ['linkage', 'link'],
    ['delivery', 'deliver'],
  ])('%s → %s', (noun, verb) => {
    expect(verbOfActionNoun(noun)).toBe(verb);
  });

  it('is undefined for nouns that name things, and for verbs', () => {
    for (const word of ['application', 'information', 'payment', 'station', 'department', 'government', 'portal', 'document', 'citizen', 'submit']) {
      expect(verbOfActionNoun(word)).toBeUndefined();
    }
  });
});

describe('isKnownVerb', () => {
  it.each([
    'submit', 'issue', 'notify', 'cancel', 'record', 'register', 'approve', 'reject', 'verify',
    'check', 'request', 'pay', 'refund', 'process', 'send', 'renew', 'revoke', 'link', 'sync',
    'fetch', 'query', 'capture', 'authorize', 'authorise', 'fulfil', 'fulfill', 'print',
    'publish', 'lodge', 'file', 'apply', 'assess', 'screen', 'withdraw', 'undo', 'build',
    // prefixed forms of known verbs
    'resubmit', 'reissue', 'unassign', 'preapprove',
  ])('%s', (verb) => {
    expect(isKnownVerb(verb)).toBe(true);
  });

  it('does not take nouns for verbs', () => {
    for (const noun of ['application', 'citizen', 'status', 'payment', 'outcome', 'registry']) {
      expect(isKnownVerb(noun)).toBe(false);
    }
  });
});

describe('event names', () => {
  it.each([
    'ApplicationSubmitted',
    'GeneralApplicationSubmitted',
    'CarApplicationSubmitted',
    'ApplicationCancelled',
    'ApplicationCanceled',
    'DocumentSent',
    'PaymentPaid',
    'LetterWritten',
    'FundsWithdrawn',
    'PermitIssuanceFailed',
    'TermsAgreed',
    'PasswordReset',
    'UserLoggedIn',
    'PaymentTimedOut',
  ])('%s is in the past tense', (name) => {
    expect(isPastTenseName(name)).toBe(true);
  });

  it.each(['RequestSubmit', 'DocumentSend', 'ApplicationSubmitting', 'SubmitApplication', 'ApplicationStatus', 'ContentEmbed', 'OrderProceed'])(
    '%s is not in the past tense',
    (name) => {
      expect(isPastTenseName(name)).toBe(false);
    },
  );

  it.each([
    ['RequestSubmit', 'RequestSubmitted'],
    ['DocumentSend', 'DocumentSent'],
    ['PaymentPay', 'PaymentPaid'],
    ['ApplicationSubmitting', 'ApplicationSubmitted'],
    ['SubmitApplication', 'ApplicationSubmitted'],
    ['SubmittedApplication', 'ApplicationSubmitted'],
    ['IssueGeneralDocument', 'GeneralDocumentIssued'],
    ['ApplicationCancel', 'ApplicationCancelled'],
    ['ParcelShip', 'ParcelShipped'],
    ['FundsTransfer', 'FundsTransferred'],
    ['DocumentWrote', 'DocumentWritten'],
    ['LicenceWithdraw', 'LicenceWithdrawn'],
    ['PermitIssuanceFail', 'PermitIssuanceFailed'],
    ['SessionLogOut', 'SessionLoggedOut'],
    ['PlaceHold', 'HoldPlaced'],
    ['ProcessPayment', 'PaymentProcessed'],
    ['CheckEligibility', 'EligibilityChecked'],
    // the last word is an action noun
    ['ApplicationApproval', 'ApplicationApproved'],
    ['AddressVerification', 'AddressVerified'],
    ['CaseEscalation', 'CaseEscalated'],
    ['PaymentFailure', 'PaymentFailed'],
    ['LicenceFulfilment', 'LicenceFulfilled'],
  ])('proposes %s → %s', (name, proposal) => {
    expect(proposeEventName(name)).toBe(proposal);
  });

  it('keeps a declared qualifier in front of a verb-first name', () => {
    expect(proposeEventName('GeneralSubmitApplication', ['General', 'Car'])).toBe('GeneralApplicationSubmitted');
    expect(proposeEventName('CarRenewLicence', ['General', 'Car'])).toBe('CarLicenceRenewed');
    // the qualifier does not change a name that ends in the verb
    expect(proposeEventName('CarApplicationSubmit', ['Car'])).toBe('CarApplicationSubmitted');
  });

  it('proposes nothing when no word is a verb it knows', () => {
    expect(proposeEventName('ApplicationStatus')).toBeUndefined();
    expect(proposeEventName('ApplicationOutcome')).toBeUndefined();
  });
});

describe('command names', () => {
  const nouns = new Set(['application', 'permit', 'document', 'review', 'case']);

  it.each([
    'SubmitApplication',
    'SubmitGeneralApplication',
    'IssuePermit',
    'CancelApplication',
    'RecordIssuanceResult',
    'NotifyCitizen',
    'FulfilLicence',
    'LodgeComplaint',
    'ScreenApplicant',
    'RunBackgroundCheck',
    'ResetPassword',
    'CancelApplicationWhenIssuanceFailed',
    'ResubmitApplication',
    'ReSubmitApplication',
    'AutoRenewLicence',
    // verbs the dictionary does not know are accepted
    'GeocodeAddress',
    'GeotagPhoto',
    'HandoverCase',
    'DeduplicateApplicants',
    // a verb that is also an aggregate's noun, then an action noun: "review the submission"
    'ReviewSubmission',
    'DocumentValidation',
  ])('%s starts with an imperative verb', (name) => {
    expect(checkCommandName(name, nouns)).toBeUndefined();
  });

  it.each([
    ['SubmittedApplication', 'SubmitApplication'],
    ['SentDocument', 'SendDocument'],
    ['WroteReport', 'WriteReport'],
    ['CancelledApplication', 'CancelApplication'],
  ])('%s starts with a past tense → %s', (name, proposal) => {
    expect(checkCommandName(name, nouns)).toEqual({ problem: 'past', proposal });
  });

  it.each([
    ['SubmittingApplication', 'SubmitApplication'],
    ['IssuingPermit', 'IssuePermit'],
    ['OnboardingCitizen', 'OnboardCitizen'],
  ])('%s starts with a gerund → %s', (name, proposal) => {
    expect(checkCommandName(name, nouns)).toEqual({ problem: 'gerund', proposal });
  });

  it.each([
    ['ApplicationSubmit', 'SubmitApplication'], // aggregate name, noun suffix
    ['ApplicationSubmitted', 'SubmitApplication'],
    ['PaymentRefund', 'RefundPayment'], // -ment
    ['StatusUpdate', 'UpdateStatus'], // unknown word, then a verb
    ['ApplicationStatusUpdate', 'UpdateApplicationStatus'],
    ['ApplicationSubmitForReview', 'SubmitApplicationForReview'],
    ['PermitRenew', 'RenewPermit'], // an aggregate that is also a verb
    ['DocumentIssue', 'IssueDocument'],
    ['BookingCancel', 'CancelBooking'],
    ['ApplicationApproval', 'ApproveApplication'], // the verb of an action noun
    ['CaseEscalation', 'EscalateCase'],
  ])('%s starts with a noun → %s', (name, proposal) => {
    expect(checkCommandName(name, nouns)).toEqual({ problem: 'noun-first', proposal });
  });

  it('reports a noun-first name without a verb and proposes nothing', () => {
    expect(checkCommandName('ApplicationStatus', nouns)).toEqual({ problem: 'noun-first', proposal: undefined });
  });
});

describe('singular nouns', () => {
  it.each([
    ['applications', 'application'],
    ['registries', 'registry'],
    ['categories', 'category'],
    ['addresses', 'address'],
    ['statuses', 'status'],
    ['boxes', 'box'],
    ['batches', 'batch'],
    ['caches', 'cache'],
    ['licences', 'licence'],
    ['fees', 'fee'],
    ['movies', 'movie'],
    ['heroes', 'hero'],
    ['causes', 'cause'],
    ['people', 'person'],
    ['children', 'child'],
    ['women', 'woman'],
    ['criteria', 'criterion'],
    ['analyses', 'analysis'],
  ])('%s → %s', (plural, singular) => {
    expect(singularNoun(plural)).toBe(singular);
  });

  it.each([
    'status', 'address', 'process', 'analysis', 'bus', 'census', 'news', 'series', 'species',
    'statistics', 'previous', 'lens', 'gas', 'data', 'media', 'application', 'registry', 'goods',
  ])('%s is singular', (word) => {
    expect(singularNoun(word)).toBeUndefined();
  });

  it('makes the last word of a name singular', () => {
    expect(singularName('Applications')).toBe('Application');
    expect(singularName('CivilRegistries')).toBe('CivilRegistry');
    expect(singularName('ApplicationStatus')).toBeUndefined();
    expect(singularName('ApplicationSMS')).toBeUndefined(); // an acronym
  });
});

describe('failureWord', () => {
  it.each([
    ['PermitFeeDeclined', 'Declined'],
    ['GeneralIssuanceFailed', 'Failed'],
    ['BuildingPermitRefused', 'Refused'],
    ['PaymentTimedOut', 'TimedOut'],
    ['PaymentDeclinedV2', 'Declined'],
    ['TransactionFlagged', 'Flagged'],
  ])('%s reads as a failure (%s)', (name, word) => {
    expect(failureWord(name)).toBe(word);
  });

  it.each(['PermitFeeCharged', 'ApplicationSubmitted', 'FailedPaymentRecorded', 'DeclineReasonRecorded', 'Failed2'])(
    '%s does not',
    (name) => {
      expect(failureWord(name)).toBeUndefined();
    },
  );
});
