// What a support lane's sentences say is not there: a reviewer reads "Jet wash packed in. New one not budgeted." as no
// support, though it names a jet wash. Each family below is one reason a reviewer would give, with its wordings.

/** Families of wording that say a sentence's thing is missing, each matched as whole words, case-insensitively. */
const GAP_FAMILIES: ReadonlyArray<readonly [reason: string, source: string]> = [
  // "template is not existing yet", "not built", "doesn't exist", "nobody's set up a way to do it yet"
  [
    'not there yet',
    String.raw`not\s+(?:yet\s+)?(?:in place|built|live|existing)|(?:nobody|no\s+one|no-one)(?:['’]s|\s+has)\s+(?:yet\s+)?(?:set\s+up|built|made|written|sorted|ordered|bought|replaced|fixed|renewed|rebuilt|redone|updated|migrated|moved)\b|nothing(?:['’]s|\s+has)\s+been\s+(?:bought|ordered|replaced|fixed|done)\b|not\s+renewing|does ?n[o’']t (?:yet )?exist|do ?n[o’']t (?:yet )?exist|not\s+(?:yet\s+)?(?:shared|linked|connected|integrated|automated)\s+with|not\s+(?:yet\s+)?ready\b|\bno\s+(?:[\w'’-]+\s+){1,3}yet\b|still\s+to\s+(?:set\s+up|build|buy|order|sort|arrange|organi[sz]e|be\s+set\s+up)\b|^\s*nothing\s*[,;:](?=\s)|still\s+(?:wait|waiting)\b|(?:is|are)\s*n['’o]?t\s+(?:flagged|recorded|tracked|logged|shown|marked|held|kept)\s+(?:in|on|by)\b|nothing\s+(?:written|formal|set|official|organi[sz]ed|arranged|agreed)(?:\s+down)?(?:\s+(?:yet|as\s+such))?(?=\s*(?:[.;,]|$))`,
  ],
  // "licence under procurement", "scanner on order", "still to come", "is "for Q3"", "planned for next year", "has asked for a second set",
  // "business case pending", "calculator in development", "on the upgrade list for 2026", "(On the improvement plan.)",
  // "still not arrived from the supplier", "waiting on the part from Italy"
  [
    'still to come',
    String.raw`under\s+procurement|(?:not|\w+n['’]t)\s+(?:yet\s+)?(?:arrived|turned\s+up|been\s+delivered)|yet\s+to\s+(?:arrive|be\s+delivered)|waiting\s+(?:on|for)\s+(?:the|a|an)\s+(?:new\s+|spare\s+|replacement\s+)?(?:part|parts|delivery|replacement|order|supplier)\b|being\s+(?:procured|bought|built|recruited|renewed|replaced|repaired|fixed|sorted)|should\s+be\s+(?:sorted|fixed|ready|here|back|done)\s+by|on\s+order|(?:is|are)\s+awaited|still\s+to\s+come|(?:is|are)\s+["“']?for\s+q[1-4]\b|planned\s+for\s+(?:q[1-4]|next)\b|(?:has|have)\s+asked\s+(?:me\s+|us\s+)?for|(?:says|said)\s+(?:he|she|they)['’]ll\s+(?:sort|look\s+into|fix|get|do)|(?:business\s+case|funding|approval|decision|sign-?off|budget\s+(?:bid|request))\s+(?:is\s+|still\s+)?pending|pending\s+(?:approval|sign-?off|funding|a\s+decision|budget)|(?:in|under)\s+development|on\s+back\s*-?order|back-?ordered|only\s+requested|(?:has|have)\s+been\s+requested|(?:was|were)\s+requested\b|being\s+developed|in\s+the\s+pipeline|on\s+(?:the|our)\s+(?:[\w-]+\s+){0,2}(?:roadmap|backlog|wish\s*list|upgrade\s+list|improvement\s+plan|to-?do\s+list)`,
  ],
  // "I keep meaning to do a map. Not done.", "It's not on his rota"
  [
    'never done',
    String.raw`not\s+(?:yet\s+)?done|keep\s+meaning\s+to|never\s+got\s+round\s+to|never\s+got\s+(?:[\w'’-]+\s+){0,4}?(?:sorted|set\s+up|fixed|working)\b|(?:not|\w+n['’]t)\s+on\s+(?:the|his|her|their|our|any)\s+(?:rota|schedule|budget|books)`,
  ],
  // "nobody agreed a budget for this",
  // "still to be agreed", "contract still not signed", "I have not yet made up my mind", "no fitters confirmed yet", "no overtime budget has been agreed", "has not been signed off"
  [
    'not agreed',
    String.raw`(?:still\s+)?to\s+be\s+(?:agreed|confirmed|decided|arranged|sorted|signed\s+off)|(?:would|['’]d)\s+have\s+to\s+(?:check|ask)\b|not\s+(?:yet\s+)?granted\b|(?:are|is)\s+(?:currently\s+|now\s+)?(?:paused|suspended)\b|not\s+(?:yet\s+)?made\s+up\s+(?:my|our|his|her|their)\s+minds?|(?:still\s+)?not\s+(?:yet\s+)?(?:signed|agreed|approved|confirmed)\b|no\s+(?:[\w'’-]+\s+){1,3}(?:(?:has|have)\s+been\s+)?(?:confirmed|agreed|arranged|assigned|approved)(?:\s+yet)?|(?:has|have|is|are)\s*n[o'’]?t\s+(?:yet\s+)?been\s+(?:agreed|approved|confirmed|signed\s+off|funded|set\s+up|budgeted)|(?:nobody|no\s+one|no-one)\s+(?:has\s+|ever\s+)?(?:agreed|approved|signed\s+off|allocated|set\s+aside)\s+(?:a|an|the|any)\b`,
  ],
  // "new one not budgeted", "not in the budget", "no time is set aside", "we are not giving any phone allowance"
  [
    'not paid for',
    String.raw`not\s+(?:yet\s+)?(?:budgeted|funded|ordered|bought|fixed|repaired|replaced|staffed|installed|set\s+up|renewed)|(?:does|do)\s*n[o'’]?t\s+pay\s+for\b|(?:is|are)\s*n[o'’]?t\s+in\s+(?:the|our|this\s+year['’]s)\s+budget|no\s+(?:[\w'’-]+\s+){0,2}(?:is|are)\s+(?:set\s+aside|allocated|budgeted|held\s+back|reserved|ring-?fenced|planned)|(?:are|is|am)\s*n[o'’]?t\s+(?:giving|paying|providing|funding|covering)\s+(?:any|an?|for)\b|(?:we|I)\s+(?:do\s*n[o'’]?t|don['’]t)\s+(?:give|pay|provide|fund|cover)\s+(?:any|an?|for)\b`,
  ],
  // "jet wash packed in", "card machine out of order", "boxes ran out in May", "the compressor died", "the licence lapsed",
  // "went walkabout at half-term", "we're about 30 pairs short", "short-staffed"
  [
    'broken or run out',
    String.raw`broken|died|cracked|lapsed|expired|off\s+(?:the\s+)?road|failed\s+(?:its\s+|the\s+|an?\s+)?(?:mot|inspection|service|test)|locked\s+out|(?:has\s+been|have\s+been|is|are|was|were)\s+out\s+(?:since|for)\b|\bout\s+with\s+[^.;!?]{1,30}?\s+since\b|['’]s\s+missing\b|\b(?:is|are|was|were|been|put)\s+on\s+stop\b|(?:at|in)\s+the\s+repair\s+(?:place|shop|centre|center)|in\s+for\s+repairs?|away\s+(?:for|being)\s+(?:repair|repaired)|(?:went|gone|has\s+gone)\s+(?:walkabout|missing|astray)|(?:is|are|was|were)\s+(?:missing|lost|stolen)|out\s+of\s+(?:order|action|service)|packed\s+(?:in|up)|(?:is|are|has\s+been|have\s+been)\s+down|not\s+working|on\s+the\s+blink|(?:away|off|out|in|with\s+the\s+[\w-]+)\s+for\s+(?:repairs?|servicing|service|calibration)|\b(?:pos|till|system|machine|terminal|network|wi-?fi|server|app|antenna|printer|reader)\s+(?:is\s+|was\s+)?down\b|waiting\s+(?:on|for)\s+(?:a\s+|an\s+|the\s+)?(?:new\s+)?(?:parts?|spares?|delivery|replacement|repairs?|supplier|quote|transmission|engine)\b|(?:ran|run|running)\s+out\b|(?:is|are|was|were)\s+defect(?:ive)?\b|spoil(?:t|ed)?\s+since\b|out\s+of\s+stock|stock\s+(?:is\s+|at\s+)?zero|zero\s+stock|(?:order|delivery|shipment)\s+(?:is\s+|was\s+|has\s+been\s+)?delayed|(?:does|do)\s*n[o'’]?t\s+(?:close|lock|work|open|start|charge|print|connect)\b|(?:box|stock|shelf|cupboard|supply|pot|tin|store)\s+(?:is\s+|was\s+)?empty\b|empty\s+since\b|(?:we|they|I)(?:['’]re|\s+are|\s+am|['’]m)\s+(?!(?:never|not|rarely|seldom)\b)(?:[\w-]+\s+){0,3}short\b(?!\s+(?:walk|drive|hop|trip|notice))|short[- ]staffed`,
  ],
  // "desk goes if it's quiet", "only if Martin has an afternoon spare", "I write them when I remember", "as capacity allows",
  // "ask ops if there's a van spare", "ask around", "café does it if they've got time", "there isn't always one on"
  [
    'only when someone is free',
    String.raw`(?:if|when)\s+(?:it['’]s|it\s+is|we['’]re|we\s+are|things\s+are|there\s+is\s+a|there['’]s\s+a)\s+(?:quiet|slow|not\s+busy|quiet\s+(?:moment|spell|day)|lull)|depends?\s+on\s+[^.;!?]{1,40}?\s+(?:becoming|being)\s+(?:free|available)|only\s+possible\s+(?:when|if)\s+[^.;!?]{1,40}?\s+(?:is|are)\s+(?:in|on|around|free|available|here)\b|(?:nobody|no\s+one|no-one)\s+is\s+(?:usually\s+|ever\s+)?free\b|depends\s+(?:on\s+)?who(?:['’]s|\s+is)\s+(?:in|on|around|free|available|working)\b|\bif\s+(?:anyone|anybody)(?=\s*[.!]?\s*$)|(?:is|['’]s)\s+down\s+to\s+(?:you|him|her|them|whoever)\b|(?:comes?|is|works?)\s+in\s+(?:on\s+)?[\w-]+days\s+only\b|(?:is|are)\s+in\s+(?:the\s+[\w-]+\s+)?only\s+on\b|only\s+(?:really\s+)?(?:be\s+done|comes?\s+in|works?)\s+on\s+(?:a\s+)?[\w-]+day|if\s+(?:someone|anyone|somebody|any\s*one)\s+(?:is|['’]s|happens\s+to\s+be)\s+(?:free|around|about|spare|in)|(?:when|if)\s+(?:we|they|I|he|she)\s+can\b|when\s+(?:they|he|she|someone)\s+lets?\s+us\b|if\s+there['’]s\s+(?:time|anyone|someone)|when\s+(?:I|we|they|he|she|someone|somebody)\s+(?:remember|get\s+(?:a\s+)?(?:minute|moment|chance|round\s+to\s+it))|only\s+(?:if|when)\s+[^.;!?]{1,40}?\s+(?:has|have|is|are|gets?)\s+[^.;!?]{0,20}?\b(?:spare|free|time|booked|available|around)\b|squeezed?\s+(?:it|them)\s+in|(?:as|when|if)\s+(?:capacity|time|workload|the\s+rota)\s+(?:allows|permits)|(?:capacity|time)\s+permitting|if\s+(?:there['’]s|there\s+is|there\s+are)\s+(?:a|an|one|any)\s+(?:[\w-]+\s+){0,2}(?:spare|free|going|available)|ask(?:ing)?\s+around|fit(?:ted)?\s+(?:it|them)\s+in\s+(?:between|around)|(?:is|are)\s+fitted\s+in\b|if\s+(?:they|we|he|she|I|someone|anyone)(?:['’]ve|['’]s|\s+have|\s+has)\s+(?:got\s+)?(?:the\s+)?(?:time|a\s+(?:minute|moment)|capacity)|when\s+(?:she|he|they|someone|it)(?:['’]s|['’]re|\s+is|\s+are)\s+(?:free|available|in|around|about|back|here|on\s+(?:shift|site|duty))|when\s+(?:she|he|they|I|we|somebody|someone|anybody|anyone)\s+(?:has|have)\s+(?:the\s+)?time|if\s+(?:(?:she|he|they|I|we)(?:['’]re|\s+is|\s+are|\s+am)\s+)?not\s+too\s+(?:tired|busy)|(?:nobody|no\s+one|no-one)\s+(?:is\s+)?(?:fixed|set|assigned|named|appointed|rostered)\b|^\s*(?:just|only)\s+(?:me|myself|one\s+(?:person|of\s+us))\b|(?:wait|waits)\s+until\s+(?:I['’]m|I\s+am|she['’]s|he['’]s|someone\s+is|someone['’]s)\s+(?:in|back)|(?:is|are)\s*n['’o]?t\s+always\s+(?:one|someone|anyone|somebody|a\s+[\w-]+)\s+(?:on|in|around|there|available)`,
  ],
  // "Nobody's job to reorder", "goes to whoever puts their name down", "typed up by whoever is in", "nobody to do them yet"
  [
    "nobody's job",
    String.raw`(?:nobody|no\s+one|no-one)['’]s\s+(?:job|task|responsibility)|(?:nobody|no\s+one|no-one)(?:['’]s|\s+is)\s+(?:down|booked|rostered|scheduled)\s+for\b|(?:none\s+of\s+us|(?:nobody|no\s+one|no-one)\s+here)\s+(?:can|may|is\s+allowed\s+to)\b|(?:goes|go|falls|fall|is\s+left|are\s+left)\s+to\s+who(?:ever|soever)|by\s+who(?:ever|soever)|(?:nobody|no\s+one|no-one)\s+to\s+(?:do|cover|run|take|answer|drive|staff)\b|(?:nobody|no\s+one|no-one)\s+(?:else\s+)?covers?\b|(?:call|ask|get|grab|send)\s+who(?:ever|soever)\b|(?:nobody|no\s+one|no-one)\s+else\s+(?:knows|can)\b`,
  ],
  // "Henk makes it by hand", "done manually",
  // "my own evenings, unpaid", "on whatever drive has space", "We'll manage", "we borrow the farm shop's chiller", "their
  // own phones", "the large display is my laptop", "the counter person's memory", "Dean does it in his head"
  [
    'unpaid or makeshift',
    String.raw`by\s+hand|manually|relies\s+on\s+[^.;!?]{0,30}?goodwill|(?:is|are)\s+the\s+[\w-]+['’]s\s+own\b|^\s*borrowing\b|(?:keep|keeps|kept)\s+(?:their|his|her|my|our)\s+own\s+(?:lists?|notes|spreadsheets?|records?|diar(?:y|ies))|(?:my|his|her)\s+(?:personal\s+)?(?:cell|mobile)\b|on\s+(?:my|his|her)\s+(?:own\s+)?(?:phone|laptop|mobile)\s+only\b|pay\s+(?:[\w-]+\s+){0,2}(?:themselves|ourselves|myself|out\s+of\s+(?:pocket|their\s+own))|^\s*manual\s*(?=[,;.]|$)|unpaid|we['’]ll\s+(?:manage|cope|make\s+do)|make\s+do|muddle\s+through|(?:we|I)(?:['’]re|\s+are)\s+borrowing|(?:we|I)\s+borrow\b|borrowed\s+from|(?:your|my|their|his|her|[\w-]+['’]s)\s+own\s+(?:phones?|mobiles?|cells?|laptops?|cars?|vans?|trucks?)|personal\s+(?:phones?|mobiles?|laptops?|cars?|vans?|email|accounts?)|[\w-]+['’]s\s+memory|(?:my|his|her|their|our)\s+memory|(?:the|a)\s+memory\s+of|(?:in|from)\s+(?:my|his|her|their|our)\s+heads?\b|(?:is|it['’]s)\s+(?:just\s+)?my\s+(?:laptop|phone|mobile|car|van)|(?:my|our|his|her|their)\s+own\s+(?:time|evenings?|weekends?|lunch\s*breaks?|days?\s+off)|on\s+whatever\s+[\w-]+\s+(?:has|is)\s+(?:space|free|spare)`,
  ],
  // "case managers carry 70+ live claims each; recruitment is frozen", "stretched thin", "position on hold"
  [
    'stretched',
    String.raw`(?:recruitment|hiring)\s+(?:is\s+|has\s+been\s+)?(?:frozen|paused|on\s+hold)|(?:post|position|role|vacancy|job)\s+(?:is\s+|has\s+been\s+|was\s+|put\s+)?on\s+hold|(?:hiring|recruitment)\s+freeze|carry\s+\d+\+?\s+(?:[\w-]+\s+){0,2}(?:cases|claims|clients|jobs|files)|stretched\s+thin|over\s+capacity|(?:currently\s+|now\s+)taking\s+(?:about\s+|around\s+|over\s+|up\s+to\s+)?[\w-]+\s+(?:weeks|months)\b|\bbacklog\b`,
  ],
  // "used to have a protected hour, lost in the January rota", "the van was cut last year", "agronomy budget cut this year"
  [
    'no longer there',
    String.raw`used\s+to\s+(?:have|get|be\s+given)|(?:budget|funding|grant|post|position|role|hours|overtime|allowance)s?\s+(?:was\s+|were\s+|has\s+been\s+|have\s+been\s+|got\s+)?(?:cut|axed|scrapped|withdrawn|frozen)\b|(?:has\s+been|have\s+been|was|were|is|are|got)\s+(?:switched|turned)\s+off\b|\b(?:disabled|deactivated)\b|\b(?:he|she|they)\s+(?:left|retired|quit|resigned)\b|since\s+(?:the\s+)?[\w'’-]+\s+(?:left|retired|quit|resigned)\b|(?:went|left|gone)\s+with\s+(?:the\s+old|him|her|them)\b|(?:was|were|has\s+been|have\s+been)\s+(?:retired|decommissioned)\b|\b(?:rota|schedule|stock|shelf|shelves|store|cupboard|pool)\s+(?:is\s+|are\s+|was\s+|now\s+|still\s+)*(?:empty|bare)\b|(?:nobody|no\s+one|no-one)\s+(?:is\s+)?(?:currently\s+|now\s+)?(?:on\s+call|on\s+duty|available)\b|(?:cut|reduced)\s+(?:back\s+)?to\s+(?:one|1|a\s+single|half)\b|(?:contract|licence|license|subscription|agreement|lease)\b[^.;!?]{0,40}?\b(?:ended|expired|ran\s+out|run\s+out|was\s+terminated)|(?:suspended|discontinued|withdrawn|scrapped|axed)|lost\s+(?:in|to|when|after|with)\s|(?:was|were|got|has\s+been|have\s+been)\s+(?:cut|axed|scrapped|withdrawn|taken\s+away)\b`,
  ],
  // "there's no template yet" (a sentence opening so), "we don't have a van", "we need a rota!"
  [
    'not had',
    String.raw`(?:^\s*|[,;:]\s*)there(?:['’]s|\s+is|\s+are)\s+no\s+(?!(?:[\w'’-]+\s+){0,2}(?:need|limit|cap|ceiling)\b)|(?:we|I)\s+(?:do\s*n[o'’]?t\s+have|don['’]t\s+have|have\s*n[o'’]?t\s+got|haven['’]t\s+got)\s+(?:a|an|any)\b|(?:we|I)\s+(?:still\s+|really\s+|badly\s+)?need\s+(?:a|an|another|more)\b|(?:we|I)(?:['’]ve|\s+(?:still\s+)?have)\s+(?:still\s+)?(?:got\s+)?no\s|(?:do|does)\s*n[o'’]?t\s+have\s+access|(?:has|have)\s+no\s+access|(?:nobody|no\s+one|no-one)\s+(?:has|have|knows?)\s+(?:the|a|any)\b|(?:does|do)\s*n[o'’]?t\s+(?:support|handle|allow|do)\b|(?:cannot|can['’]t)\s+(?:handle|support)\b|(?:is|are)\s+(?:always|usually|often|mostly|nearly\s+always)\s+(?:full|booked(?:\s+up)?|taken|gone)\b|\bno\s+[\w-]+\s+(?:has|have)\s+(?:space|room|capacity|places?)\b|\bthere(?:['’]s|\s+is|\s+are)\s+no\s+(?:[\w'’-]+\s+)?(?:budget|money|funding|cover|staff|van|vehicle|room|space)\b|\bno\s+[\w-]+\s+left\b|(?:has|have)\s+no\s+(?:say|control|authority|power|role|part)\b|(?:is|are)\s+(?:the\s+)?(?:sole\s+)?responsibility\s+of\b|(?:position|post|role|job)\s+(?:that\s+|which\s+)?(?:is\s+|has\s+been\s+)?(?:currently\s+|now\s+|still\s+)?(?:vacant|unfilled|empty)|(?:are|is)\s+not\s+(?:permitted|allowed|authori[sz]ed)\s+to\b|(?:may|can)\s*n[o'’]?t\s+(?:approve|authori[sz]e|sign\s+off)\b|(?:is|are)\s+not\s+possible\b|(?:still\s+)?(?:haven['’]t|have\s+not|hasn['’]t|has\s+not)\s+(?:yet\s+)?found\s+(?:anyone|anybody|someone|one)\b|^\s*(?:my|his|her)\s+(?:own\s+)?phone\b`,
  ],
  // "wine TBC, the licence is still with the council", "TODO @sam" (not "(TBC: a second one)", a note on something there)
  ['to be confirmed', String.raw`(?<!\()tb[acd](?!\s*:)|todo`],
];

const GAPS: readonly RegExp[] = [
  ...GAP_FAMILIES.map(([, source]) => new RegExp(String.raw`\b(?:${source})\b`, 'i')),
  // "... (TBC)" or "to be confirmed" closing the sentence
  /(?:^|[\s(])(?:tb[acd]|to be confirmed)\)?[.!]?\s*$/i,
];

// After "no" these say nothing is needed, or name a limit, not a missing thing ("no sign-off needed", "with no approval").
const NO_NEED = String.raw`needed|required|necessary|asked|approval|sign-?off|ok|okay|limit|cap|ceiling`;

// "one person right now, with no OCR tool": in a support lane, what staff work with is said to be absent (elsewhere "with no
// more repair attempts" is what the customer is spared)
const WITH_NO = new RegExp(String.raw`\bwith\s+no\s+(?!(?:[\w'’-]+\s+){0,2}(?:need|${NO_NEED})\b)[\w'’-]+`, 'i');

/** A sentence that is only "No <thing>." ("No parts budget."): the thing is missing ("No sign-off needed" says more). */
// (a time or cause after the thing keeps it missing: "No driver on weekday mornings since Terry retired.", "No rota as such.")
const NO_THING = new RegExp(
  String.raw`^\s*no\s+(?!(?:[\p{L}'’-]+\s+){0,3}(?:${NO_NEED})\b)[\p{L}'’ -]{1,40}?(?:\s+(?:on|at|in|since|after|before|until|till|for|from|this|over)\s[\p{L}\p{N}'’ -]{1,40})?(?:\s+(?:as\s+such|yet|really|at\s+all))?[.!]?\s*$`,
  'iu',
);

function saysMissing(said: string, supportLane: boolean): boolean {
  // ("only possible when Eng. Ferreira is in": a title's full stop ends no clause the patterns read)
  const sentence = withoutAbbreviationStops(said);
  return GAPS.some((re) => re.test(sentence)) || NO_THING.test(sentence) || (supportLane && WITH_NO.test(sentence));
}

/**
 * Sentences of a lane that say their thing is missing ("Template not built yet. Agents use the CRM."), as text ranges;
 * a support lane's "with no X" says so too.
 */
export function missingThingSentences(text: string, supportLane = true): [number, number][] {
  if (!GAPS.some((re) => re.test(withoutAbbreviationStops(text))) && !/(?:^|[.;!?]\s*)(?:no|there(?:['’]s|\s+is|\s+are)\s+no)\s/i.test(text) && !(supportLane && WITH_NO.test(text))) return [];
  const sentences = sentencesOf(text);
  const missing = sentences.map((m) => saysMissing(m[0].replace(/\s+/g, ' ').trim(), supportLane));
  // A later sentence saying "the X" is gone takes X back from an earlier one ("Enscape licence and a large display. [the
  // licence lapsed in June. The "large display" is my laptop.]"); "the spare reader is broken" leaves "card reader".
  sentences.forEach((m, k) => {
    if (!missing[k]) return;
    // "Council owns two loggers. Both are with the supplier for repair": a pronoun takes the thing before it back
    if (k > 0 && /^\s*(?:both|all(?:\s+of\s+them)?|they|it|these|those|each\s+of\s+them)\b/i.test(m[0])) missing[k - 1] = true;
    // ("The stamp cards. I think we ran out last week": running out of nothing named is running out of the thing before)
    if (k > 0 && /\b(?:ran|run|running)\s+out\b(?!\s+of)/i.test(m[0])) missing[k - 1] = true;
    // ("drain cam: van 3 only. Van 3 off road since Feb": what the earlier sentence names again, now missing, takes it)
    const subject = /^\s*(?:the\s+)?([\p{L}][\p{L}-]*\s+[\p{L}\p{N}][\p{L}\p{N}-]*)/u.exec(m[0])?.[1];
    if (k > 0 && subject && subject.length >= 4 && !/^(?:no|nobody|none|there|it|we|they|he|she)\b/i.test(subject)) {
      const again = new RegExp(String.raw`\b${subject.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\b`, 'iu');
      for (let j = 0; j < k; j++) if (!missing[j] && again.test(sentences[j]![0])) missing[j] = true;
    }
    // ("The preset was built on the old projector. No one has rebuilt it.": the thing redone is the one before)
    if (k > 0 && /\b(?:rebuilt|redone|replaced|fixed|repaired|renewed|moved|migrated)\s+(?:it|them)\b/i.test(m[0])) missing[k - 1] = true;
    for (const ref of m[0].matchAll(BACK_REFERENCE)) {
      const thing = ref[1]!.toLowerCase();
      for (let j = 0; j < k; j++) if (!missing[j] && new RegExp(String.raw`\b${thing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\b`, 'i').test(sentences[j]![0])) missing[j] = true;
    }
  });
  return sentences.filter((_, k) => missing[k]).map((m) => [m.index!, m.index! + m[0].length]);
}

// "the licence lapsed", "The "large display" is my laptop": a thing named again with "the", then what became of it.
const BACK_REFERENCE = /\bthe\s+["\u201c]?([\p{L}][\p{L} -]{2,30}?)["\u201d]?\s+(?:lapsed|died|cracked|broke|expired|is|are|was|were|has|have|went)\b/giu;

// Titles and short forms whose full stop ends no sentence ("Dr. Ferri", "Eng. Ferreira"), one list for both readers below.
const SHORT_FORMS = String.raw`dr|mr|mrs|ms|mx|st|prof|eng|approx|vs|cf`;
const SENTENCE = new RegExp(String.raw`(?:\b(?:${SHORT_FORMS}|e\.g|i\.e)\.(?=\s)|[^.;!?,]|,(?!\s+but\s))+(?:[.;!?]+|,(?=\s+but\s)|$)`, 'gi');
const TITLE_STOP = new RegExp(String.raw`\b(${SHORT_FORMS})\.(?=\s)`, 'gi');

/**
 * A lane's sentences with words in them, split at . ; ! and ? and before a contrasting "but" (with where each starts):
 * "the card budget was cut, but the discount comes off in the system" says two things; "Dr." and "e.g." end none.
 */
export function sentencesOf(text: string): RegExpMatchArray[] {
  return [...text.matchAll(SENTENCE)].filter((m) => /\p{L}/u.test(m[0]));
}

/** The text with the full stop of a title or short form ("Dr. Ferri", "e.g.") kept from ending a sentence; same length. */
export function withoutAbbreviationStops(text: string): string {
  return text.replace(TITLE_STOP, '$1\u2024').replace(/\b(e|i)\.(g|e)\.(?=\s)/gi, '$1\u2024$2\u2024');
}
