// The words a lane label is read by (spec section 4, "Labels as people write them"). Data, not logic: laneReading.ts
// decides with them. Every word is singular and lower case; labels are singularised before lookup.

/** Words that name a lane outright, whatever else the label says. */
export const FRONTSTAGE_WORDS: readonly string[] = ['frontstage', 'onstage', 'frontline', 'frontend', 'front stage', 'on stage', 'front line', 'front end', 'front of house', 'front office', 'customer facing', 'client facing', 'guest facing', 'public facing'];
export const BACKSTAGE_WORDS: readonly string[] = ['backstage', 'offstage', 'back stage', 'off stage', 'behind the scene', 'back office', 'back of house', 'invisible', 'unseen'];

/** A label naming what is measured, feared, felt or planned is not a lane of the service itself. */
export const OTHER_WORDS: readonly string[] = [
  'metric', 'kpi', 'target', 'measure', 'measurement', 'sla', 'risk', 'failure', 'fail', 'pain', 'painpoint', 'opportunity',
  'emotion', 'feeling', 'mood', 'thought', 'thinking', 'time', 'timing', 'duration', 'gap', 'owner', 'ownership', 'note',
  'comment', 'rule', 'policy', 'channel', 'gate', 'trigger', 'from', 'to', 'goal', 'expectation', 'need', 'question',
  'issue', 'friction', 'experience', 'insight', 'idea', 'scope', 'status', 'priority', 'dependency', 'assumption',
  'control', 'validation', 'responsibility', 'line of visibility', 'line of interaction', 'line of internal interaction',
  'intended', 'planned', 'desired', 'ideal', 'future', 'proposed', 'quote', 'interpreted', 'reported', 'condition', 'role',
  'kpis', 'constraint', 'mitigation', 'lesson', 'handoff', 'hand off', 'escalation path', 'cost', 'price', 'frequency',
];

/** Head words of a support lane: what employees are given. */
export const SUPPORT_WORDS: readonly string[] = [
  'support', 'supporting', 'system', 'tool', 'tooling', 'resource', 'enabler', 'enablement', 'authority', 'empowerment',
  'training', 'staffing', 'infrastructure', 'technology', 'tech', 'software', 'integration', 'backend', 'back end',
  'database', 'crm', 'api', 'platform', 'ui', 'workflow', 'equipment', 'knowledge base', 'playbook', 'data',
];

/** What the customer sees or handles. */
export const EVIDENCE_WORDS: readonly string[] = ['evidence', 'prop', 'touchpoint', 'touch point', 'artefact', 'artifact', 'interface', 'screen', 'physical', 'digital evidence'];

/** A lane that states the promise itself. */
export const BENEFIT_WORDS: readonly string[] = ['benefit', 'promise', 'gain', 'value', 'customer value'];
/** A result lane: a benefit lane only where its content states a gain for the customer. */
export const RESULT_WORDS: readonly string[] = ['outcome', 'output', 'result', 'deliverable'];

/** People on the customer's side of the service. */
export const CUSTOMER_ROLE_WORDS: readonly string[] = [
  'customer', 'client', 'guest', 'patient', 'passenger', 'visitor', 'member', 'user', 'end user', 'volunteer', 'caller',
  'shopper', 'buyer', 'traveller', 'traveler', 'student', 'resident', 'citizen', 'applicant', 'tenant', 'diner',
  'attendee', 'learner', 'parent', 'family', 'subscriber', 'consumer', 'household', 'claimant', 'policyholder', 'borrower',
  'homeowner', 'donor', 'fan', 'spectator', 'participant', 'candidate', 'requester', 'requestor', 'rider', 'cardholder',
  'beneficiary', 'audience', 'public', 'enquirer', 'complainant', 'pupil', 'taxpayer', 'jobseeker', 'recipient', 'sender',
  'owner of the pet', 'pet owner', 'account holder', 'booker', 'delegate', 'hirer', 'renter', 'commuter', 'motorist',
];

/** People and units on the organisation's side. */
export const EMPLOYEE_ROLE_WORDS: readonly string[] = [
  'staff', 'employee', 'agent', 'advisor', 'adviser', 'team', 'crew', 'studio', 'organiser', 'organizer', 'host', 'associate',
  'clerk', 'nurse', 'doctor', 'clinician', 'technician', 'engineer', 'dispatcher', 'estimator', 'caseworker', 'case worker',
  'manager', 'receptionist', 'reception', 'concierge', 'barista', 'waiter', 'operator', 'representative', 'rep',
  'specialist', 'coordinator', 'colleague', 'worker', 'personnel', 'officer', 'consultant', 'planner', 'instructor',
  'teacher', 'pharmacist', 'vet', 'driver', 'courier', 'installer', 'stylist', 'therapist', 'counsellor', 'librarian',
  'ranger', 'guard', 'steward', 'attendant', 'cashier', 'teller', 'banker', 'handler', 'adjuster', 'assessor', 'surveyor',
  'company', 'provider', 'business', 'store', 'branch', 'venue', 'practice', 'clinic', 'agency', 'council', 'office',
  'contractor', 'dispatch', 'operations', 'ops', 'support team', 'service team', 'front desk', 'desk', 'coach', 'tutor',
  'admissions', 'housekeeping', 'kitchen', 'mechanic', 'porter', 'server', 'bartender', 'chef', 'supervisor', 'lead',
  'owner operator', 'partner', 'practitioner', 'carer', 'caregiver', 'dentist', 'hygienist', 'optician', 'paramedic',
  'employee action', 'contact employee', 'provider action', 'ai agent', 'bot', 'assistant', 'moderator', 'facilitator',
];

/** Nouns of doing: with a role they make an actor lane ("Client action", "Studio steps"). */
export const ACTION_WORDS: readonly string[] = ['action', 'activity', 'step', 'task', 'work', 'interaction', 'journey', 'involvement', 'process', 'doing', 'job', 'duty', 'behaviour', 'behavior'];

/** Systems an organisation runs behind the line: support unless the label says the customer sees them. */
export const SYSTEM_WORDS: readonly string[] = ['service', 'bus', 'queue', 'engine', 'pipeline', 'automation', 'integration', 'bot', 'ai', 'model', 'state', 'record'];
/** What the customer uses of the organisation's software: evidence, unless the label names staff ("Staff app"). */
export const APP_WORDS: readonly string[] = ['app', 'application', 'portal', 'website', 'site', 'web app', 'mobile app', 'kiosk'];

/** Modifiers that change nothing about a lane's kind. */
export const NEUTRAL_WORDS: readonly string[] = [
  'the', 'a', 'an', 'of', 'and', 'or', 'in', 'by', 'for', 'on', 'with', 'our', 'their', 'key', 'main', 'primary',
  'critical', 'core', 'visible', 'internal', 'external', 'hidden', 'current', 'authoritative', 'human', 'direct',
  'other', 'additional', 'secondary', 'relevant', 'new', 'existing', 'people', 'physical', 'digital', 'online', 'offline', 'in person', 'what', 'who', 'does', 'do',
  'see', 'sees', 'hear', 'get', 'gets', 'they', 'it', 'is', 'are', 'point', 'moment', 'detail', 'layer', 'area',
];

/** Words that put a staff or system lane behind the line of visibility. */
export const HIDDEN_WORDS: readonly string[] = ['internal', 'hidden', 'behind'];
/** Words that put a lane in front of the customer. */
export const SEEN_WORDS: readonly string[] = ['visible', 'facing', 'seen'];
