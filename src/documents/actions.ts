// Requested actions: for each operative paragraph, who is asked to do what by when (the
// "paragraph / action / entities" tables UN DESA builds by hand for A/RES/80/173).
//
// A paragraph is split into clauses at its main verbs: the verb that opens it ("Requests"),
// further verbs after a clause boundary ("…, and invites", "; encourages"), first-person verbs
// of outcome documents ("We call upon", "we accordingly request", "and commit to") and passives
// ("States are strongly urged to"). In each clause the actors stand between the verb and its
// infinitive ("requests [the Secretary-General] to submit…"; the subject of a passive), the
// object is what follows ("to submit a report…"), and a clause without an infinitive has no
// actor: in "Encourages a continued focus on…" the noun phrase is the object. Decisions and
// commitments are the issuing organ's own. Sub-paragraphs "(a) To…" carry their chapeau's verb.
import type { Language } from '../language/languages.ts';
import { actorById, findActors, type ActorMention } from './actors.ts';
import { findDeadline, type Deadline } from './deadlines.ts';
import type { UNDocument } from './model.ts';

export type { Deadline } from './deadlines.ts';

/**
 * How strongly a verb asks: `decision` (decides, resolves, adopts, establishes), `commitment`
 * (we commit, pledge), `request` (requests, calls upon, urges, demands), `invitation` (invites,
 * encourages, recommends, calls for), `position` (recognizes, welcomes, notes: nobody is asked).
 */
export const verbForces = ['decision', 'commitment', 'request', 'invitation', 'position'] as const;
export type VerbForce = (typeof verbForces)[number];
export const isVerbForce = (s: string): s is VerbForce => (verbForces as readonly string[]).includes(s);

/** An actor of an action: a catalogue id, or null for a phrase the catalogue does not know. */
export interface ActionActor {
  id: string | null;
  /** The words that named the actor. */
  text: string;
}

export interface RequestedAction {
  blockId: string;
  /** The paragraph number as printed (for a sub-paragraph its letter), or null. */
  paragraph: string | null;
  part: string;
  /** English label of the verb: requests, calls upon, invites, encourages, urges, decides, … */
  verb: string;
  /** The verb as printed. */
  verbText: string;
  force: VerbForce;
  /** True when someone is asked or decides to act (every force but `position`). */
  directive: boolean;
  actors: ActionActor[];
  /** What is asked: "to prepare a joint WSIS–GDC implementation roadmap…"; for a position, what it is about. */
  object: string;
  deadline: Deadline | null;
  /** True for a sub-paragraph that carries its chapeau's verb and actors. */
  inherited: boolean;
}

export type ClauseAction = Omit<RequestedAction, 'blockId' | 'paragraph' | 'part' | 'inherited'>;

interface VerbEntry {
  label: string;
  force: VerbForce;
  /** Third-person (resolution) forms: "requests", "Prie", "просит", "تطلب". */
  third: string;
  /** First-person plural (outcome document) forms: "request", "demandons", "просим", "نطلب"; '' if none. */
  first: string;
  /** Passive participle that takes the actor as its subject: "requested" in "States are requested to". */
  passive?: string;
}

const e = (label: string, force: VerbForce, third: string, first: string, passive?: string): VerbEntry =>
  passive ? { label, force, third, first, passive } : { label, force, third, first };

/** English verbs: third person built from the base form ("recognize" → "recognizes"). */
const en = (label: string, force: VerbForce, base: string, third?: string, passive?: string): VerbEntry =>
  e(
    label,
    force,
    third ?? base.replace(/^(\S+?)(s|sh|ch|x|z)?\b/, (_, w: string, tail?: string) => `${w}${tail ? `${tail}es` : 's'}`),
    base,
    passive,
  );

/**
 * The verb lexicon per language (UN Editorial Manual, UN-DOCUMENTS.md §1.3), with each verb's
 * force. Longer phrases come first in the alternation ("calls upon" before "calls").
 */
const LEXICON: Record<Language, VerbEntry[]> = {
  en: [
    en('requests', 'request', 'request', undefined, 'requested'),
    en('calls upon', 'request', 'call (?:upon|on)', 'calls (?:upon|on)', 'called (?:upon|on)'),
    e('calls upon', 'request', 'appeals to', 'appeal to'),
    // "Reiterates its request to the Secretary-General to…": a request made again.
    e(
      'reiterates',
      'request',
      'reiterates its (?:request|call|appeal)s?(?: (?:to|upon|on))?',
      'reiterate our (?:request|call|appeal)s?(?: (?:to|upon|on))?',
    ),
    e(
      'reiterates',
      'invitation',
      'reiterates its (?:invitation|encouragement)(?: to)?',
      'reiterate our (?:invitation|encouragement)(?: to)?',
    ),
    en('calls for', 'invitation', 'call for', 'calls for'),
    en('urges', 'request', 'urge', undefined, 'urged'),
    en('demands', 'request', 'demand'),
    en('directs', 'request', 'direct'),
    en('invites', 'invitation', 'invite', undefined, 'invited'),
    en('encourages', 'invitation', 'encourage', undefined, 'encouraged'),
    en('recommends', 'invitation', 'recommend'),
    en('decides', 'decision', 'decide'),
    en('resolves', 'decision', 'resolve'),
    en('authorizes', 'decision', 'authorize'),
    en('establishes', 'decision', 'establish'),
    en('adopts', 'decision', 'adopt'),
    en('endorses', 'decision', 'endorse'),
    en('approves', 'decision', 'approve'),
    // "Appropriates … 196,300 dollars under section 29C": no first-person form ("as appropriate").
    e('appropriates', 'decision', 'appropriates', ''),
    en('commits', 'commitment', 'commit'),
    en('recommits', 'commitment', 'recommit'),
    en(
      'commits',
      'commitment',
      '(?:are|remain) (?:also |further )?(?:firmly |fully |strongly )?committed',
      '(?:is|remains) (?:also |further )?(?:firmly |fully |strongly )?committed',
    ),
    en('pledges', 'commitment', 'pledge'),
    // "We aim to provide financial and technical support…": an outcome document's own undertaking.
    // Not "we will" with any verb: the annotation and the texts' own chapeaux ("we will draw from
    // the following actions") read most of those as statements, not actions.
    e('commits', 'commitment', '(?!)', 'aim to|strive to|undertake to'),
    en('supports', 'position', 'support'),
    en('takes note', 'position', 'take (?:due |careful )?note', 'takes (?:due |careful )?note'),
    en(
      'expresses concern',
      'position',
      'express (?:its |our )?(?:deep |grave |serious |great |particular )?concern',
      'expresses (?:its |our )?(?:deep |grave |serious |great |particular )?concern',
    ),
    en('expresses', 'position', 'express'),
    en(
      'is concerned',
      'position',
      '(?:are|remain) (?:also |further )?(?:deeply |gravely |seriously |extremely |very )?concerned',
      '(?:is|remains) (?:also |further )?(?:deeply |gravely |seriously |extremely |very )?concerned',
    ),
    // "States are encouraged to…" and "The Commission is encouraged: (a) To…" ask; "are encouraged by" does not.
    en('is encouraged', 'position', 'are encouraged(?! to|\\s*:)', 'is encouraged(?! to|\\s*:)'),
    en('is convinced', 'position', 'are (?:firmly )?convinced', 'is (?:firmly )?convinced'),
    en('notes', 'position', 'note'),
    en('reaffirms', 'position', 'reaffirm'),
    en('recognizes', 'position', 'recognize'),
    en('acknowledges', 'position', 'acknowledge'),
    en('welcomes', 'position', 'welcome'),
    en('stresses', 'position', 'stress'),
    en('emphasizes', 'position', '(?:re-?)?emphasize', '(?:re-?)?emphasizes'),
    en('underlines', 'position', 'underline'),
    en('underscores', 'position', 'underscore'),
    en('highlights', 'position', 'highlight'),
    en('reiterates', 'position', 'reiterate'),
    en('recalls', 'position', 'recall'),
    en('looks forward', 'position', 'look forward', 'looks forward'),
    en('considers', 'position', 'consider'),
    en('affirms', 'position', 'affirm'),
    en('appreciates', 'position', 'appreciate'),
    en('commends', 'position', 'commend'),
    en('condemns', 'position', 'condemn'),
    en('determines', 'position', 'determine'),
    en('bears in mind', 'position', 'bear in mind', 'bears in mind'),
    en('regrets', 'position', 'regret'),
    en('deplores', 'position', 'deplore'),
    en('confirms', 'position', 'confirm'),
    en('declares', 'position', 'declare'),
    en('reminds', 'position', 'remind'),
    en('renews', 'position', 'renew'),
    en('rejects', 'position', 'reject'),
    en('congratulates', 'position', 'congratulate'),
    en('continues', 'position', 'continue'),
    en('agrees', 'position', 'agree'),
    en('trusts', 'position', 'trust'),
  ],
  fr: [
    e('urges', 'request', 'prie instamment|demande instamment|exhorte|engage vivement', 'prions instamment|exhortons|engageons vivement'),
    e('requests', 'request', 'prie|demande', 'prions|demandons', 'priée?s?|demandée?s?'),
    e('calls upon', 'request', 'engage|appelle', 'engageons|appelons'),
    e('invites', 'invitation', 'invite', 'invitons', 'invitée?s?'),
    e('encourages', 'invitation', 'encourage', 'encourageons', 'encouragée?s?'),
    e('recommends', 'invitation', 'recommande', 'recommandons'),
    e('decides', 'decision', 'décide', 'décidons'),
    e('resolves', 'decision', 'se déclare résolue', 'sommes résolus'),
    e('adopts', 'decision', 'adopte', 'adoptons'),
    e('endorses', 'decision', 'fait siens?n?e?s?|approuve', 'faisons siens?n?e?s?|approuvons'),
    e('commits', 'commitment', "s['’]engage", 'nous engageons'),
    e('welcomes', 'position', 'se félicite|accueille avec satisfaction|salue', 'nous félicitons|accueillons avec satisfaction|saluons'),
    e('takes note', 'position', 'prend (?:acte|note)', 'prenons (?:acte|note)'),
    e('notes', 'position', 'note|constate', 'notons|constatons'),
    e('reaffirms', 'position', 'réaffirme', 'réaffirmons'),
    e('recognizes', 'position', 'reconnaît|reconnait|considère', 'reconnaissons|considérons'),
    e('stresses', 'position', 'souligne|insiste', 'soulignons|insistons'),
    e('emphasizes', 'position', "met l['’]accent", "mettons l['’]accent"),
    e(
      'expresses concern',
      'position',
      'se déclare (?:vivement |profondément )?préoccupée',
      'sommes (?:vivement |profondément )?préoccupés',
    ),
    e('recalls', 'position', 'rappelle', 'rappelons'),
  ],
  es: [
    e('urges', 'request', 'insta', 'instamos'),
    e('requests', 'request', 'solicita|pide', 'solicitamos|pedimos'),
    e('calls upon', 'request', 'exhorta|hace un llamamiento', 'exhortamos|hacemos un llamamiento'),
    e('invites', 'invitation', 'invita', 'invitamos'),
    e('encourages', 'invitation', 'alienta', 'alentamos'),
    e('recommends', 'invitation', 'recomienda', 'recomendamos'),
    e('decides', 'decision', 'decide', 'decidimos'),
    e('resolves', 'decision', 'resuelve', 'resolvemos'),
    e('adopts', 'decision', 'aprueba', 'aprobamos'),
    e('endorses', 'decision', 'hace suy[oa]s?|respalda', 'hacemos suy[oa]s?|respaldamos'),
    e('commits', 'commitment', 'se compromete', 'nos comprometemos'),
    e(
      'welcomes',
      'position',
      'acoge con beneplácito|celebra|acoge con satisfacción',
      'acogemos con beneplácito|celebramos|acogemos con satisfacción',
    ),
    e('takes note', 'position', 'toma nota', 'tomamos nota'),
    e('notes', 'position', 'observa|señala', 'observamos|señalamos'),
    e('reaffirms', 'position', 'reafirma', 'reafirmamos'),
    e('recognizes', 'position', 'reconoce', 'reconocemos'),
    e('stresses', 'position', 'destaca|subraya|pone de relieve', 'destacamos|subrayamos|ponemos de relieve'),
    e(
      'expresses concern',
      'position',
      'expresa (?:su )?(?:profunda |grave )?preocupación',
      'expresamos (?:nuestra )?(?:profunda |grave )?preocupación',
    ),
    e('recalls', 'position', 'recuerda', 'recordamos'),
  ],
  ru: [
    e(
      'urges',
      'request',
      'настоятельно (?:призывает|просит)',
      'настоятельно (?:призываем|просим)',
      'настоятельно (?:призывается|призываются|предлагается)',
    ),
    e('requests', 'request', 'просит', 'просим', 'просят'),
    e('calls upon', 'request', 'призывает', 'призываем', 'призывается|призываются'),
    e('invites', 'invitation', 'предлагает', 'предлагаем', 'предлагается'),
    e('encourages', 'invitation', 'рекомендует (?=[а-яё]+(?:ть|ти)\\b)|побуждает|поощряет', 'побуждаем|поощряем', 'рекомендуется'),
    e('recommends', 'invitation', 'рекомендует', 'рекомендуем'),
    e('decides', 'decision', 'постановляет|решает', 'постановляем|решаем'),
    e('adopts', 'decision', 'принимает(?! к сведению)', 'принимаем(?! к сведению)'),
    e('endorses', 'decision', 'одобряет', 'одобряем'),
    e('commits', 'commitment', 'обязуется', 'обязуемся'),
    e('takes note', 'position', 'принимает к сведению', 'принимаем к сведению'),
    e('welcomes', 'position', 'приветствует', 'приветствуем'),
    e('notes', 'position', 'отмечает|констатирует', 'отмечаем|констатируем'),
    e('reaffirms', 'position', 'вновь подтверждает|подтверждает', 'вновь подтверждаем|подтверждаем'),
    e('recognizes', 'position', 'признает|признаёт|сознает', 'признаем|признаём|сознаем'),
    e('stresses', 'position', 'подчеркивает|особо отмечает', 'подчеркиваем|особо отмечаем'),
    e(
      'expresses concern',
      'position',
      'выражает (?:глубокую |серьезную )?обеспокоенность',
      'выражаем (?:глубокую |серьезную )?обеспокоенность',
    ),
    e('recalls', 'position', 'напоминает|ссылается', 'напоминаем|ссылаемся'),
  ],
  zh: [
    e('urges', 'request', '敦促|促请', '敦促|促请'),
    e('calls upon', 'request', '吁请|呼吁', '吁请|呼吁'),
    e('requests', 'request', '请(?!求)|要求', '请(?!求)|要求'),
    e('invites', 'invitation', '邀请|请', '邀请'),
    e('encourages', 'invitation', '鼓励', '鼓励'),
    e('recommends', 'invitation', '建议', '建议'),
    e('decides', 'decision', '决定', '决定'),
    e('resolves', 'decision', '决心', '决心'),
    e('adopts', 'decision', '通过', '通过'),
    e('endorses', 'decision', '核可|赞同', '核可|赞同'),
    e('commits', 'commitment', '承诺', '承诺'),
    e('welcomes', 'position', '欢迎|欣见', '欢迎|欣见'),
    e('takes note', 'position', '表示注意到', '表示注意到'),
    e('notes', 'position', '注意到', '注意到'),
    e('reaffirms', 'position', '重申', '重申'),
    e('recognizes', 'position', '确认|认识到|承认', '确认|认识到|承认'),
    e('stresses', 'position', '强调', '强调'),
    e('expresses concern', 'position', '关切', '关切'),
    e('recalls', 'position', '回顾', '回顾'),
  ],
  // Arabic resolutions use the third person feminine (تطلب، تهيب), outcome documents the first
  // person plural (نطلب، ندعو). "تدعو X إلى" is "invites", "تهيب بـ" is "calls upon" (UN Arabic usage).
  ar: [
    e('requests', 'request', 'تطلب', 'نطلب', 'يُ?طلب'),
    e('calls upon', 'request', 'تهيب', 'نهيب'),
    e('urges', 'request', 'تحث', 'نحث', 'يُ?حث'),
    e('calls for', 'invitation', 'تدعوا? إلى', 'ندعوا? إلى'),
    e('invites', 'invitation', 'تدعوا?', 'ندعوا?', 'يُ?دعى'),
    e('encourages', 'invitation', 'تشجع', 'نشجع', 'يُ?شجع'),
    e('recommends', 'invitation', 'توصي', 'نوصي'),
    e('decides', 'decision', 'تقرر', 'نقرر'),
    e('adopts', 'decision', 'تعتمد', 'نعتمد'),
    e('endorses', 'decision', 'تؤيد', 'نؤيد'),
    e('commits', 'commitment', 'تلتزم|تتعهد', 'نلتزم|نتعهد'),
    e('welcomes', 'position', 'ترحب|تشيد|تنوه', 'نرحب|نشيد|ننوه'),
    e('takes note', 'position', 'تحيط علما', 'نحيط علما'),
    e('notes', 'position', 'تلاحظ', 'نلاحظ'),
    e('reaffirms', 'position', 'تؤكد من جديد|تعيد تأكيد|تكرر تأكيد', 'نؤكد من جديد|نعيد تأكيد|نكرر تأكيد'),
    e('recognizes', 'position', 'تسلم|تدرك|تعترف|تقر', 'نسلم|ندرك|نعترف|نقر'),
    e('stresses', 'position', 'تشدد|تؤكد', 'نشدد|نؤكد'),
    e('recalls', 'position', 'تشير|تستذكر', 'نشير|نستذكر'),
    e('expresses', 'position', 'تعرب', 'نعرب'),
  ],
};

interface Grammar {
  /** Where a main verb may stand: paragraph start or after a clause boundary. */
  boundary: string;
  /** Adverbs between the boundary and the verb: "also", "further", "strongly", "in this regard". */
  adverbs: string;
  /** The first-person subject ("we", "nous"), when the language writes it. */
  we: string | null;
  /** Where the actor phrase ends: the infinitive or clause that says what they are to do. */
  infinitive: RegExp;
  /** A passive: subject + auxiliary + participle ("are strongly urged"). Group 1 precedes the participle. */
  auxiliary: string | null;
  /** Pronouns that stand for an actor named earlier ("requests it to"). */
  pronoun: RegExp | null;
}

const GRAMMAR: Record<Language, Grammar> = {
  en: {
    // "The Conference invites…", "The Council requests…": a named organ as the subject. Its words
    // are capitalized whatever the pattern's case-insensitivity (`(?-i:…)`): not "The online
    // platform will be used to establish…", whose "establish" is no verb of the Assembly.
    boundary: '(?:^(?:The (?:(?-i:[A-Z])[\\w-]*\\s+)*(?-i:[A-Z])[\\w-]*\\s+)?|;\\s+|:\\s+|,\\s+(?:and\\s+|while\\s+)?|\\s+and\\s+|\\.\\s+)',
    adverbs:
      '(?:(?:also|further|furthermore|again|once again|once more|strongly|urgently|therefore|accordingly|thus|hence|hereby|equally|firmly|fully|collectively|jointly|further also|in this regard|in that regard|in this context|in this respect|to this end|moreover|in addition|in particular|likewise|similarly|repeatedly|consequently|nevertheless|however|finally|first|second|third|further recalls and),?\\s+)*',
    we: '\\bwe\\s+(?:(?:also|further|therefore|accordingly|thus|hence|hereby|equally|firmly|fully|collectively|jointly|strongly|again|once again|further|nevertheless|all|will|shall|must|in this regard,?)\\s+)*',
    // "to" before a verb, not before a determiner or a number ("to the Convention", "to 2030").
    // Not the "to" of "parties to conflict" or "to armed conflict".
    infinitive:
      /(?:^|\s)(?:to|that)\s+(?!the\b|a\b|an\b|its\b|their\b|all\b|this\b|these\b|those\b|such\b|\d|(?:armed\s+)?conflicts?\b)|(?:^|\s)to\s*:|\s+in order to\s/,
    auxiliary: '(?:is|are)\\s+(?:(?:also|further|again|strongly|urgently|once again|hereby|therefore)\\s+)*',
    pronoun: /^(?:it|them|the latter|the Commission|the Council|the Entity|the Office|the Organization|the Forum)\b/,
  },
  fr: {
    boundary: '(?:^|;\\s+|:\\s+|,\\s+(?:et\\s+)?|\\s+et\\s+|\\.\\s+)',
    adverbs: '(?:(?:également|en outre|aussi|de nouveau|à nouveau|donc|par ailleurs),?\\s+)*',
    we: '\\bnous\\s+(?:(?:également|aussi|donc|en outre)\\s+)*',
    infinitive: /\s(?:à|de|d['’])\s?(?=\p{Ll})|\s(?:pour|afin de|que)\s/u,
    auxiliary: '(?:est|sont)\\s+(?:(?:également|instamment|vivement)\\s+)*',
    pronoun: null,
  },
  es: {
    boundary: '(?:^|;\\s+|:\\s+|,\\s+(?:y\\s+)?|\\s+y\\s+|\\.\\s+)',
    adverbs: '(?:(?:también|además|asimismo|nuevamente|por lo tanto|encarecidamente),?\\s+)*',
    we: null,
    infinitive: /\s(?:a que|a|para que|para|que)\s(?=\p{Ll})/u,
    auxiliary: null,
    pronoun: null,
  },
  ru: {
    boundary: '(?:^|;\\s+|:\\s+|,\\s+(?:и\\s+)?|\\s+и\\s+|\\.\\s+)',
    adverbs: '(?:(?:также|далее|вновь|в этой связи|поэтому|в связи с этим),?\\s+)*',
    we: '(?:^|\\s)мы\\s+(?:(?:также|вновь|поэтому)\\s+)*',
    infinitive: /\s(?:с тем чтобы|чтобы|в целях)\s|\s[а-яё]+(?:ать|ить|еть|ять|уть|оть|ти|чь)(?:ся)?(?![а-яё])/u,
    auxiliary: null,
    pronoun: null,
  },
  zh: {
    boundary: '(?:^|[，,；;。：:]\\s*)',
    adverbs: '(?:(?:又|还|并|并且|再次|也|进一步|强烈|紧急|因此|为此|在这方面|特别)[，,]?\\s*)*',
    we: '我们(?:(?:还|也|并|再次|因此)\\s*)*',
    infinitive: /[，,；;。：]|继续|加强|采取|提交|确保|制定|编写|开展|支持|促进|推动|考虑|审查|报告|提供|在(?=第|\d)|于|向|就|与|在/u,
    auxiliary: null,
    pronoun: null,
  },
  ar: {
    boundary: '(?:^|[،,؛;:.]?\\s+)',
    adverbs: '(?:(?:أيضا|كذلك|مجددا|بشدة)\\s+)*و?',
    we: null,
    infinitive: /\sأن\s|\sإلى\s(?!ال(?:أمين|لجنة|دول|جمعية|مجلس|اتحاد|فريق|منظم))|\sعلى\s|\sل(?=[\u0621-\u064A]{3,}\s)|[،,؛;:.]/u,
    auxiliary: null,
    pronoun: null,
  },
};

const UNKNOWN_ACTOR_MAX_WORDS = 10;

/** A request named as a noun after a position verb: "(Recalls) its request to", "(Reiterates) the invitation addressed to". */
const REQUEST_NOUN =
  /^\s*(?:(?:its|the|his|her|our)\s+)?(?:previous\s+|earlier\s+)?(?:request|invitation|call|appeal|encouragement)s?\s+(?:made\s+|addressed\s+)?(?:to|upon|on)\s+(?=the\b|all\b|[A-Z])/;

interface Compiled {
  re: RegExp;
  entries: { entry: VerbEntry; person: 'third' | 'first' | 'passive'; re: RegExp }[];
}

const compiled = new Map<Language, Compiled>();

function compile(lang: Language): Compiled {
  const cached = compiled.get(lang);
  if (cached) return cached;
  const g = GRAMMAR[lang];
  const flags = lang === 'zh' || lang === 'ar' ? 'gu' : 'giu';
  const wordEnd = lang === 'zh' ? '' : lang === 'ar' ? '(?![\\u0621-\\u064A])' : '(?![\\p{L}\\p{N}])';
  const entries = LEXICON[lang].flatMap((entry) => [
    { entry, person: 'third' as const, re: new RegExp(`^(?:${entry.third})$`, flags.replace('g', '')) },
    ...(entry.first ? [{ entry, person: 'first' as const, re: new RegExp(`^(?:${entry.first})$`, flags.replace('g', '')) }] : []),
    ...(entry.passive ? [{ entry, person: 'passive' as const, re: new RegExp(`^(?:${entry.passive})$`, flags.replace('g', '')) }] : []),
  ]);
  const forms = [...new Set(entries.filter((x) => x.person !== 'passive').map((x) => x.re.source.slice(4, -2)))]
    .sort((a, b) => b.length - a.length)
    .map((s) => `(?:${s})`)
    .join('|');
  const passives = entries
    .filter((x) => x.person === 'passive')
    .map((x) => `(?:${x.re.source.slice(4, -2)})`)
    .join('|');
  // Group "we": a first-person subject; "lead": a clause boundary; "aux": a passive auxiliary.
  const parts = [
    g.we ? `(?<we>${g.we})(?<v1>${forms})${wordEnd}` : null,
    // "Continues to call for…": the verb after "continues to" is the one that asks.
    `(?<lead>${g.boundary})${g.adverbs}(?<cont>${lang === 'en' ? '(?:continues?|will continue) to\\s+' : '(?!)'})?(?<v2>${forms})${wordEnd}`,
    // "…are requested, as appropriate, to enhance…": an aside may stand before the infinitive.
    g.auxiliary && passives ? `\\s(?<aux>${g.auxiliary})(?<v3>${passives})${wordEnd}(?=(?:,[^,;]{1,60},)?\\s+to\\s|\\s*:)` : null,
  ].filter(Boolean);
  const result = { re: new RegExp(parts.join('|'), flags), entries };
  compiled.set(lang, result);
  return result;
}

interface VerbHit {
  index: number;
  /** Where the clause after the verb starts. */
  end: number;
  verbText: string;
  entry: VerbEntry;
  person: 'third' | 'first' | 'passive';
  /** For a passive, where its subject starts (after the previous boundary). */
  subjectFrom: number;
}

const BASE_AFTER_INFINITIVE = /\bto\s+\S+\s*,?\s*$/;
/** An infinitive in the clause so far, and "and|or" (no comma, no sentence end since) just before the verb. */
const COORDINATED_INFINITIVE = /\bto\s+\p{Ll}+\b[^;:.]*[^,;:.\s]\s+(?:and|or)\s+$/u;

/** The main verbs of a paragraph, in order. */
function verbsIn(text: string, lang: Language, firstPerson: boolean, bareStart: boolean): VerbHit[] {
  const { re, entries } = compile(lang);
  const hits: VerbHit[] = [];
  re.lastIndex = 0;
  for (const m of text.matchAll(re)) {
    const g = m.groups ?? {};
    const verbText = g.v1 ?? g.v2 ?? g.v3 ?? '';
    const start = m.index + m[0].length - verbText.length;
    const kinds = g.v3 ? (['passive'] as const) : (['third', 'first'] as const);
    const found = entries.find((x) => (kinds as readonly string[]).includes(x.person) && x.re.test(verbText));
    if (!found) continue;
    let person = found.person;
    // A form that is both (zh, "commit"/"commits" are not) counts as third person in a resolution.
    if (person === 'first' && entries.some((x) => x.person === 'third' && x.entry === found.entry && x.re.test(verbText))) person = 'third';
    if (g.v2 !== undefined && person === 'first' && lang === 'en' && g.cont === undefined) {
      // A bare base form is a verb only in a first-person text, and not in "to promote and support".
      const atStart = m.index === 0 && (g.lead ?? '') === '';
      // "Reaffirms the commitment … to leave no one behind and commit to taking more tangible steps":
      // a resolution that takes up the 2030 Agenda's own words commits in the first person.
      const commitsToo =
        /^(?:re)?commit$/i.test(verbText) &&
        /\band\s*$/i.test(text.slice(0, start)) &&
        /^\s+to\b/.test(text.slice(start + verbText.length));
      if (!commitsToo && (atStart ? !bareStart : !firstPerson || BASE_AFTER_INFINITIVE.test(text.slice(0, m.index)))) continue;
      // "…urge all countries … to make concerted efforts and adopt speedy measures": a base form
      // joined by "and" to the infinitive of a request or commitment is a second infinitive of what
      // is asked, not a new verb of the speakers (whose own verbs follow a comma or a full stop).
      // A verb that asks others ("…to address their needs and urge all countries to…") opens a clause of its own.
      const asking = (x: VerbEntry | undefined) => x?.force === 'request' || x?.force === 'invitation';
      const previous = hits.at(-1);
      if (
        !commitsToo &&
        !atStart &&
        !asking(found.entry) &&
        (asking(previous?.entry) || previous?.entry.force === 'commitment') &&
        COORDINATED_INFINITIVE.test(text.slice(previous?.end ?? 0, start))
      )
        continue;
    }
    if (g.v2 !== undefined && person === 'third' && lang === 'en' && m.index > 0) {
      // Plural nouns that look like verbs ("needs and requests of…") follow an article or possessive.
      if (/\b(?:the|its|their|our|of|and the|such)\s*$/i.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    }
    let subjectFrom = 0;
    if (person === 'passive') {
      const before = text.slice(0, m.index);
      // The subject runs from the clause boundary ("Governments, individually and collectively, are encouraged").
      // or from "that" ("Reiterates that States are strongly urged to refrain…").
      const that = before.search(/\sthat\s(?!.*\sthat\s)/);
      const cut = Math.max(
        before.lastIndexOf(';'),
        before.lastIndexOf('. '),
        before.lastIndexOf(':'),
        before.search(/,\s+and\s+[^,]*$/),
        that >= 0 ? that + 5 : -1,
      );
      subjectFrom = cut + 1;
    }
    hits.push({
      index: person === 'passive' ? subjectFrom : m.index,
      end: start + verbText.length,
      verbText,
      entry: found.entry,
      person,
      subjectFrom,
    });
  }
  // The same words can open two alternatives ("and invites" as boundary and as "we"): keep the first.
  return hits.filter((h, i) => i === 0 || h.index >= (hits[i - 1]?.end ?? 0));
}

function firstInfinitive(clause: string, lang: Language, mentions: ActorMention[]): number {
  const re = new RegExp(
    GRAMMAR[lang].infinitive.source,
    GRAMMAR[lang].infinitive.flags.includes('g') ? GRAMMAR[lang].infinitive.flags : `${GRAMMAR[lang].infinitive.flags}g`,
  );
  for (const m of clause.matchAll(re)) {
    const inside = mentions.some((x) => m.index + 1 >= x.index && m.index + 1 < x.index + x.text.length);
    // "developing countries in a position to do so, to increase…": a qualifier of the actor, not what is asked.
    const qualifier =
      lang === 'en' && /\bin a position\s*$|\bwish(?:ing)?\s*$|\bable\s*$/i.test(clause.slice(Math.max(0, m.index - 20), m.index));
    if (!inside && !qualifier) return m.index;
  }
  return -1;
}

/**
 * Words that join the names of several actors ("Governments, relevant international
 * organizations and other stakeholders") and words that leave the actor phrase for a modifier
 * ("the ITU, as the secretariat of UNGIS, working with the facilitators": ITU alone is asked).
 */
const CHAIN: Partial<Record<Language, { leave: RegExp; resume: RegExp; maxLead: number }>> = {
  en: {
    leave:
      /\b(?:of|with|in(?! particular)|as(?! well as| appropriate)|through|within|by|for|under|from|on|at|into|via|among|between|[a-z]+ing(?<!including|bring))\b/i,
    // A list goes on after a list word, after "such as" ("international organizations such as the
    // World Bank"), and through the heads of an organization ("the executive heads of the
    // organizations of the United Nations system").
    resume:
      /,\s*(?:and|as well as|including|in particular|especially|notably|or)\s+(?:(?:the|all|other|relevant|interested|concerned|its|their)\s+)*$|^,?\s+such as\s+(?:the\s+)?$|^,?\s+(?:and|as well as)\s+(?:the\s+)?(?:executive\s+)?(?:heads|secretariats|governing bodies)\s+of\s+(?:the\s+)?(?:(?:relevant|other|organizations|entities|agencies|funds|programmes|and|,)\s*)*(?:of\s+(?:the\s+)?)?$/i,
    maxLead: 6,
  },
};

/**
 * The actors of an actor phrase: the first name (after at most a few words: "the efforts of
 * Member States") and the names joined to it, up to the first modifier.
 */
function actorChain(phrase: string, mentions: ActorMention[], lang: Language): ActorMention[] {
  const rule = CHAIN[lang];
  if (!rule || mentions.length === 0) return mentions;
  const [first, ...rest] = mentions;
  if (!first) return [];
  if (phrase.slice(0, first.index).trim().split(/\s+/).filter(Boolean).length > rule.maxLead) return [];
  const kept = [first];
  let end = first.index + first.text.length;
  for (const m of rest) {
    const gap = phrase.slice(end, m.index);
    // A modifier ends the list unless a list word takes it up again: "Member States, taking into
    // account their circumstances, and the United Nations system".
    if (rule.leave.test(gap) && !rule.resume.test(gap)) break;
    kept.push(m);
    end = m.index + m.text.length;
  }
  return kept;
}

/**
 * Whether a phrase the catalogue does not know can name who is asked ("donor countries", "the
 * Executive Board") rather than what ("further research into… technologies to reduce…", "a
 * better alignment", "them"): short, one noun phrase, not an abstract noun.
 */
function looksLikeAgent(phrase: string, lang: Language): boolean {
  if (!phrase || lang === 'zh' || lang === 'ar') return false;
  const words = phrase.replace(/^(?:the|all|les|los|las|el|la|le)\s+/iu, '').split(/\s+/);
  if (words.length > UNKNOWN_ACTOR_MAX_WORDS || /[,;:()]/.test(phrase)) return false;
  if (lang !== 'en') return true;
  if (
    /^(?:a|an|further|more|greater|increased|enhanced|timely|continued|such|it|them|him|her|this|that|these|those|its|their)\b/i.test(
      phrase,
    )
  )
    return false;
  const head =
    phrase
      .split(/\s+(?:of|in|on|for|into|about|between|among|to|with)\s+/i)[0]
      ?.split(/\s+/)
      .at(-1) ?? '';
  // A body named by its title is an agent whatever its ending: "the Authority", "the Division".
  if (/^\p{Lu}/u.test(head) && /^(?:the\s+)?\p{Lu}/u.test(phrase)) return true;
  // The head noun of a thing asked for, not of someone asked: "innovative practices", "new approaches".
  return !/(?:ion|ment|ness|ity|ance|ence|ing|ure|efforts?|action|research|support|assistance|funding|work|practice|approach(?:e)?|measure|polic(?:y|ie)|partnership|mechanism|initiative|programme|strateg(?:y|ie)|solution|tool|use|data)s?$/i.test(
    head,
  );
}

const tidy = (s: string) =>
  s
    // A clause ends with its sentence: "… concessional resources. In this regard, we note …".
    .split(/(?<=[\p{Ll})\]\d])\.\s+(?=\p{Lu})/u)[0]!
    .trim()
    .replace(/^(?:and|et|y|и|و)\s+/u, '')
    .replace(/[\s,;:.،؛]+$/u, '')
    .replace(/,?\s+(?:and|et|y|и)$/u, '')
    .trim();

const toActors = (mentions: ActorMention[]): ActionActor[] => mentions.map((m) => ({ id: m.id, text: m.text }));

/** Actors the catalogue does not know, by their words; "creditors and debtors" are two. */
function unknownActors(words: string): ActionActor[] {
  const pair = /^(\p{Ll}+s) and (\p{Ll}+s)$/u.exec(words);
  return pair ? [pair[1]!, pair[2]!].map((text) => ({ id: null, text })) : [{ id: null, text: words }];
}

/** The issuing organ as an actor: the General Assembly (or the Council) decides and commits itself. */
function organActor(organ: string | null, verbText: string): ActionActor {
  const id =
    organ === 'ECOSOC'
      ? 'body.ecosoc'
      : organ === 'SC'
        ? 'body.security-council'
        : organ === 'HRC'
          ? 'body.human-rights-council'
          : 'body.general-assembly';
  return { id, text: verbText };
}

export interface ActionContext {
  /** The first year a deadline may name (the document's year). */
  notBefore?: number | null;
  /** The issuing organ: 'GA', 'ECOSOC', 'SC', 'HRC', … (null is read as the General Assembly). */
  organ?: string | null;
  /**
   * True for a paragraph of a first-person text ("We, the Heads of State…") that may open with a
   * bare verb: "Pledge to provide the United Nations with adequate resources…".
   */
  firstPerson?: boolean;
}

/**
 * The actions of one paragraph: each main verb with its actors, object and deadline.
 *
 * @example
 * actionsIn('Requests the Secretary-General to submit to the General Assembly at its eighty-first session a report', 'en')
 * // [{ verb: 'requests', actors: [{ id: 'office.secretary-general', text: 'Secretary-General' }],
 * //    object: 'to submit to the General Assembly at its eighty-first session a report', deadline: { from: '2026-09-01', … } }]
 */
export function actionsIn(text: string, lang: Language, context: ActionContext = {}): ClauseAction[] {
  return clauses(text, lang, context).map((c) => c.action);
}

/**
 * A duty the text lays on a named actor without a verb of the Assembly: the rules of procedure
 * and programmes of action ("The Secretary-General of the United Nations or a designated
 * representative shall direct the staff", "The Office of the High Representative … should
 * strengthen its functions to undertake the following:"). The modal is the verb: "shall" and
 * "must" oblige (a decision), "should" recommends (an invitation), "will" commits. Passives
 * ("shall be elected") say what is done, not who does it, and are left alone.
 */
function dutyIn(text: string, context: ActionContext): ClauseAction | null {
  const m = DUTY.exec(text);
  const subject = m?.groups?.subject;
  const modal = m?.groups?.modal?.toLowerCase();
  if (!m || !subject || !modal) return null;
  const named = actorChain(subject, findActors(subject, 'en'), 'en');
  // A body the catalogue does not know, named as one: "The Conference", "The Bureau", "The General
  // Committee", or as the organ of one: "The secretariat of the Conference" (rules of procedure),
  // whose duties its items list; without it they took the duty of the paragraph before.
  const body =
    /^(?:The\s+)((?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*|(?:secretariat|bureau|presidency|chair) of the (?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*)$/.exec(
      subject.trim(),
    )?.[1];
  // The named actor heads the subject: not "The Economic and Social Council cycle will continue".
  const [first, last] = [named[0], named.at(-1)];
  // nor "The engagement of civil society … should continue to be arranged".
  const heads =
    first && last
      ? subject.slice(0, first.index).trim().split(/\s+/).filter(Boolean).length <= 2 &&
        /^(?:$|\s*[,(]|\s+(?:of|or|and|in|as|together)\b)/.test(subject.slice(last.index + last.text.length))
      : false;
  // "The Conference will include five interactive dialogues" plans a meeting: "will" binds named actors only.
  const actors: ActionActor[] = heads ? toActors(named) : body && modal !== 'will' ? [{ id: null, text: body }] : [];
  if (actors.length === 0) return null;
  const force: VerbForce = modal === 'should' ? 'invitation' : modal === 'will' ? 'commitment' : 'decision';
  const clause = text.slice(m.index + m[0].length);
  return {
    verb: modal,
    verbText: modal,
    force,
    directive: true,
    actors,
    object: tidy(clause),
    deadline: findDeadline(clause, 'en', { notBefore: context.notBefore ?? null, organ: context.organ ?? null }),
  };
}

const DUTY_VERB = /^(?:shall|should|must|will)$/;

/** After "that X will|shall": a passive or a verb of being, not something X does ("be held", "consist of", "comprise"). */
const STATE_AFTER_MODAL =
  /^\s+(?:also\s+)?(?:be\s+(?:\w+ed|held|made|given|taken|chosen|drawn|known|led|run|set)\b|consist\b|comprise\b|have\s*:|include\s*:|take place\b)/i;

/**
 * A request for someone's work, with no infinitive: "[the] (continued) support|efforts|cooperation
 * of|by|from <actors>"; not "support for the efforts of small island developing States", who are helped.
 */
const ACTORS_WORK =
  /^\s*(?:in this (?:respect|regard)\s+)?(?:the\s+)?(?:(?!(?:for|to|of|on|in)\b)[\w-]+\s+){0,3}?(?:cooperation|support|efforts?|contributions?|participation|engagement|assistance|involvement)\s+(?:of|by|from)\s+/i;

/** "<named actor>[, aside,] shall|should|must|will [also|continue to] <verb>", at the start of a paragraph (names may hold commas). */
// An aside may follow the modal, and a chapeau may end there: "The Conference shall, at its first meeting:".
const DUTY =
  /^(?<subject>(?:The|All|Each|Every|Any)\s[^;:.]{1,240}?)\s+(?<modal>shall|should|must|will)(?:,\s[^,;:]{1,60}?(?:,|(?=:\s*$)))?(?:\s+(?:(?:also|further|continue to|not|normally|,)\s+)*(?!be\b|have been\b|has been\b)(?=[a-z])|(?=:\s*$))/;

/**
 * The actions of a paragraph with where each starts (0: the paragraph opens with it) and whether
 * it shares the next one's infinitive ("Also urges Member States and encourages stakeholders to…").
 */
function clauses(
  text: string,
  lang: Language,
  context: ActionContext,
): { action: ClauseAction; at: number; sharesNext: boolean; duty?: boolean }[] {
  const organ = context.organ ?? null;
  const firstPerson = lang === 'en' ? /(?:^|[\s,;(])we\b/i.test(text) : lang === 'fr' ? /\bnous\b/i.test(text) : false;
  const hits = verbsIn(text, lang, firstPerson || context.firstPerson === true, context.firstPerson === true);
  const g = GRAMMAR[lang];
  const out: { action: ClauseAction; at: number; sharesNext: boolean }[] = [];
  const sharesNext = new Set<number>();
  if (hits.length === 0 && lang === 'en') {
    const duty = dutyIn(text, context);
    return duty ? [{ action: duty, at: 0, sharesNext: false, duty: true }] : [];
  }
  hits.forEach((h, k) => {
    const { entry } = h;
    const nextStart = hits[k + 1]?.index ?? text.length;
    // Adverbs may follow the verb: "Decides also that all States shall:", "Requests further the Secretary-General to…".
    let clause = text.slice(h.end, nextStart).replace(/^(\s*)(?:(?:also|further|again|hereby|therefore|once again)\s+)+/i, '$1');
    // The preposition that introduces the addressee: "تطلب إلى الأمين العام", "exhorta a los Estados".
    if (lang === 'ar') clause = clause.replace(/^\s*(?:إلى|الى|ب(?=ال))\s*/u, '');
    if (lang === 'es') clause = clause.replace(/^\s*a(?:l)?\s+(?=\p{L})/u, (m) => (m.trim() === 'al' ? ' el ' : ' '));
    let actors: ActionActor[] = [];
    let object = tidy(clause);
    if (entry.force === 'request' || entry.force === 'invitation') {
      if (h.person === 'passive') {
        const subject = text.slice(h.subjectFrom, h.end - h.verbText.length);
        actors = toActors(actorChain(subject, findActors(subject, lang), lang));
        if (actors.length === 0) {
          const words = tidy(subject.replace(new RegExp(`\\s${g.auxiliary ?? ''}$`, 'iu'), ''));
          if (words && words.split(/\s+/).length <= UNKNOWN_ACTOR_MAX_WORDS) actors = unknownActors(words);
        }
      } else if (lang === 'en' && /^\s*that\s/i.test(clause)) {
        // "request that the Commission and the Council consider the report": the that-clause's subject.
        const rest = clause.replace(/^\s*that\s+/i, '');
        const chain = actorChain(rest, findActors(rest, lang), lang);
        // The subject of the that-clause, not a word after it: "Requests that all reporting be made available to Member States".
        const named = chain[0] && rest.slice(0, chain[0].index).trim().split(/\s+/).filter(Boolean).length <= 2 ? chain : [];
        const last = named.at(-1);
        actors = toActors(named);
        if (last) object = tidy(rest.slice(last.index + last.text.length));
        const head = /^(?:the\s+)?([^,;]+?),/.exec(rest)?.[1] ?? '';
        if (!last && looksLikeAgent(head, lang)) actors = [{ id: null, text: head }];
      } else if (entry.label !== 'calls for') {
        const mentions = findActors(clause, lang);
        let at = firstInfinitive(clause, lang, mentions);
        // A chapeau ("Encourages States and United Nations entities, inter alia:") or a verb that
        // shares the next one's infinitive ("Requests United Nations agencies, and invites NGOs, to…").
        const short = clause.trim().split(/\s+/).length <= 16;
        if (at < 0 && lang === 'en' && (/:\s*$/.test(clause) || (short && hits[k + 1] && !/[.;]/.test(clause)))) {
          at = clause.length;
          if (!/:\s*$/.test(clause)) sharesNext.add(k);
        }
        if (at >= 0) {
          const phrase = clause.slice(0, at);
          actors = toActors(
            actorChain(
              phrase,
              mentions.filter((m) => m.index < at),
              lang,
            ),
          );
          const bare = tidy(phrase);
          if (actors.length === 0 && g.pronoun?.test(bare)) {
            // "…the role of the Commission…, and requests it to…": the body named last before;
            // "…the work of the UN bodies and regional organizations, and urges them to…": all those named in the clause before.
            const previous = text.slice(hits[k - 1]?.end ?? 0, h.index);
            const plural = /^(?:them|they)\b/i.test(bare) ? actorChain(previous, findActors(previous, lang), lang) : [];
            const before = findActors(text.slice(0, h.index), lang).filter((m) => !m.id.startsWith('group.member'));
            // A title ("the Commission", "the Office") stands for the last body named with that title,
            // not for whatever was named last ("…within the United Nations system, and encourages the
            // Commission to…" is the Commission on the Status of Women); none such, and it stays words.
            const title = /^the\s+(\p{L}+)$/iu.exec(bare)?.[1];
            const titled = title ? before.filter((m) => new RegExp(`\\b${title}\\b`, 'i').test(actorById(m.id)?.names.en ?? '')) : before;
            const named = plural.length > 1 ? plural : titled.slice(-1);
            actors = named.map((m) => ({ id: m.id, text: bare }));
          }
          // Unknown names stop at the first modifier: "the Chair of the committee, in consultation with the Bureau,".
          const head = bare.split(/\s*[,;(]/)[0] ?? '';
          if (actors.length === 0 && looksLikeAgent(head, lang))
            actors = unknownActors(head.replace(/^(?:the|les|los|las|el|la|le)\s+/iu, ''));
          if (actors.length > 0) object = tidy(clause.slice(at));
        } else if (lang === 'zh' || lang === 'ar') {
          // No infinitive marker found: the actors are the names at the head of the clause.
          actors = toActors(mentions.filter((m) => m.index < 40));
        }
      }
    } else if (entry.force === 'position' && lang === 'en' && REQUEST_NOUN.test(clause)) {
      // "Recalls the request to the Secretary-General … to disclose…", "Reiterates the invitation to
      // the President of the General Assembly … to give…": a request made before, with its addressees.
      const rest = clause.replace(REQUEST_NOUN, '');
      const mentions = findActors(rest, lang);
      const at = firstInfinitive(rest, lang, mentions);
      if (at >= 0)
        actors = toActors(
          actorChain(
            rest.slice(0, at),
            mentions.filter((m) => m.index < at),
            lang,
          ),
        );
    } else if (entry.force === 'position' && lang === 'en' && !/^(?:recalls|notes|takes note|welcomes)$/.test(entry.label)) {
      // "Stresses that Member States should be fully engaged…": an obligation laid on the subject
      // (not what an earlier text did: "recalls that the Assembly determined … should").
      const that =
        /^\s*that\s+([^,;]{1,120}?)\s+(?:should|shall|must|has to|have to|need to|needs to|are to|is to|are called upon|are urged)\b/i.exec(
          clause,
        );
      // The named actor heads the subject: "that Member States should", not "that the activities
      // relating to the least developed countries … need to be coordinated".
      const subject = that?.[1] ?? '';
      const named = subject ? actorChain(subject, findActors(subject, lang), lang) : [];
      const lead = named[0] ? subject.slice(0, named[0].index).trim().split(/\s+/).filter(Boolean).length : Infinity;
      // One subject: not "that Member States have different education systems and that no education system shall".
      if (lead <= 2 && !/\bthat\b/i.test(subject)) actors = toActors(named);
    } else if (
      entry.force === 'decision' &&
      lang === 'en' &&
      !/^\s*(?:to|that)\b/i.test(clause) &&
      firstInfinitive(clause, lang, findActors(clause, lang)) >= 0
    ) {
      // "Authorizes the Secretary-General to enter into commitments…": the decision empowers someone.
      const mentions = findActors(clause, lang);
      const at = firstInfinitive(clause, lang, mentions);
      const named = actorChain(
        clause.slice(0, at),
        mentions.filter((m) => m.index < at),
        lang,
      );
      actors = named.length > 0 ? toActors(named) : [organActor(organ, h.verbText)];
      if (named.length > 0) object = tidy(clause.slice(at));
    } else if (entry.force === 'decision' || entry.force === 'commitment') {
      // "Decides that the Conference shall be open to…": the subject of the that-clause is asked.
      const that = lang === 'en' ? /^\s*that\s+(.{1,120}?)\s+(?:shall|should|will|would|is|are|be|may|must)\b/i.exec(clause) : null;
      // "Decides that the Summit will be held on…", "will consist of:", "shall comprise 10 plenary
      // meetings": what the subject is or undergoes, decided by the organ; the subject does nothing.
      const undergoes = that ? STATE_AFTER_MODAL.test(clause.slice(that.index + that[0].length)) : false;
      const named = that?.[1] && !undergoes ? findActors(that[1], lang) : [];
      // A body the catalogue does not know is still a body when it is named as one ("the Conference", "the Executive Board").
      const body = that?.[1] && !undergoes ? /^(?:the\s+)?((?:[A-Z][\w-]*\s+)*[A-Z][\w-]*)$/.exec(tidy(that[1]))?.[1] : undefined;
      if (named.length > 0) actors = toActors(actorChain(that?.[1] ?? '', named, lang));
      else if (body && body.split(/\s+/).length <= 5) actors = [{ id: null, text: body }];
      // Otherwise the organ decides for itself ("Decides that accreditation shall be…").
      else actors = [organActor(organ, h.person === 'first' || /^we\b/i.test(h.verbText) ? 'we' : h.verbText)];
    }
    if (actors.length === 0 && lang === 'en' && (entry.force === 'request' || entry.force === 'invitation') && h.person !== 'passive') {
      // "Encourages further efforts by the Secretary-General in this regard", "We urge in this
      // respect the cooperation of regional … commissions": what is asked is the named actors' own work.
      const work = ACTORS_WORK.exec(clause);
      const rest = work ? clause.slice(work[0].length) : '';
      const named = rest ? actorChain(rest, findActors(rest, lang), lang) : [];
      if (named[0] && /^(?:(?:the|all|other|relevant|interested|concerned|those|these|such)\s+)*$/i.test(rest.slice(0, named[0].index)))
        actors = toActors(named);
    }
    const action: ClauseAction = {
      verb: entry.label,
      verbText: h.verbText,
      force: entry.force,
      directive: entry.force !== 'position',
      actors,
      object,
      deadline: entry.force === 'position' ? null : findDeadline(clause, lang, { notBefore: context.notBefore ?? null, organ }),
    };
    out.push({ action, at: h.index, sharesNext: false });
  });
  // Verbs that share an infinitive take the next action's object and deadline.
  for (const k of [...sharesNext].sort((a, b) => b - a)) {
    const [self, next] = [out[k]?.action, out[k + 1]?.action];
    if (self && next && next.directive) {
      Object.assign(self, { object: next.object, deadline: next.deadline });
      if (out[k]) out[k].sharesNext = true;
    }
  }
  if (lang === 'en') {
    // A later sentence with no verb of the Assembly may lay a duty of its own: "We note that
    // inclusive regional processes will draw on national reviews… The relevant United Nations
    // regional commissions and agencies should continue to ensure…".
    for (const m of text.matchAll(/(?<=[\p{Ll})\]\d]\.\s+)\p{Lu}/gu)) {
      const end = text.indexOf('. ', m.index);
      const sentenceEnd = end < 0 ? text.length : end + 1;
      if (hits.some((h) => h.index >= m.index && h.index < sentenceEnd)) continue;
      const duty = dutyIn(text.slice(m.index, sentenceEnd), context);
      if (duty) out.push({ action: duty, at: m.index, sharesNext: false });
    }
    out.sort((x, y) => x.at - y.at);
  }
  return out;
}

/** The last action of a block with the ones before it that share its infinitive. */
function passedOn(found: { action: ClauseAction; sharesNext: boolean }[]): ClauseAction[] {
  let from = found.length - 1;
  while (from > 0 && found[from - 1]?.sharesNext) from--;
  return found.slice(Math.max(0, from)).map((c) => c.action);
}

/**
 * The requested-actions table of a document: the actions of each operative paragraph (outcome
 * documents included), and of each sub-paragraph, which either opens with its own verb or
 * carries its chapeau's ("We commit to: (a) Develop…"; "Calls upon Member States: (a) To…").
 */
export function extractActions(doc: UNDocument): RequestedAction[] {
  const year = doc.date ? Number(doc.date.slice(0, 4)) : null;
  // An outcome document speaks in the first person: its paragraphs may open with a bare verb.
  const firstPerson = doc.blocks.some((b) => b.kind === 'chapeau' || (b.kind === 'operative' && /^We\s/.test(b.text)));
  const context: ActionContext = { notBefore: year, organ: doc.organ };
  const rows: RequestedAction[] = [];
  // What each block passes to its items: its last action, with the actions before it that share
  // its infinitive ("Also urges Member States and encourages stakeholders…: (a) Eliminating…").
  const lastOf = new Map<string, ClauseAction[]>();
  let previous: ClauseAction[] = [];
  for (const b of doc.blocks) {
    if (b.kind !== 'operative' && b.kind !== 'subparagraph') continue;
    let found = clauses(b.text, doc.language, { ...context, firstPerson: firstPerson && b.kind === 'operative' });
    // Items carry what their chapeau asks or decides; a chapeau that only recognizes passes nothing.
    // A duty passes to items that say what is to be done ("should strengthen its functions to undertake
    // the following: (a) Assist…"), not to items that list who ("should include: (a) The country
    // under consideration;").
    const listsWho = /^(?:the|a|an|such|its|their|members?|countries|one|two|three|four|five|top)\b|^\p{L}+[^s\s]s\b/iu.test(b.text);
    const carried =
      (b.kind === 'subparagraph' && b.parent ? lastOf.get(b.parent) : undefined)?.filter(
        (a) => a.directive && !(listsWho && DUTY_VERB.test(a.verb)),
      ) ?? [];
    const chapeau = carried.at(-1);
    // An item under a chapeau that asks or decides carries it, whatever modal it holds itself.
    if (chapeau && found[0]?.duty) found = [];
    const own: ClauseAction[] = found.map((c) => c.action);
    let opensWithVerb = found[0]?.at === 0;
    if (b.kind === 'subparagraph' && !chapeau && !opensWithVerb) continue;
    if (chapeau && !opensWithVerb && doc.language === 'en') {
      // "We decide: (a) To request the Secretary-General to report…", "We resolve to: (a) Encourage
      // States…": an item that opens with a verb asking others carries its own action.
      const item = clauses(b.text.replace(/^To\s+/, ''), doc.language, { ...context, firstPerson: true });
      const asks = item[0]?.action.force === 'request' || item[0]?.action.force === 'invitation';
      if (item[0]?.at === 0 && (asks || (/^To\s/.test(b.text) && item[0].action.force !== 'position'))) {
        own.splice(0, own.length, ...item.map((c) => c.action));
        found = item;
        opensWithVerb = true;
      }
    }
    if (chapeau && !opensWithVerb) {
      const deadline = findDeadline(b.text, doc.language, { notBefore: year, organ: doc.organ }) ?? chapeau.deadline;
      // "Requests: (a) The Secretary-General, in his capacity as Chair…, to enhance…": the item names who.
      // "Recommends: … (ii) That the Secretary-General take appropriate action…": the subject of the that-clause.
      const that = doc.language === 'en' && chapeau.directive ? /^That\s+(.{1,200})/.exec(b.text)?.[0] : undefined;
      const head = that ?? (doc.language === 'en' ? /^(.{1,200}?)\s+to\s+(?!the\b|a\b|an\b)/.exec(b.text)?.[1] : undefined);
      const named = head && chapeau.directive ? actorChain(head, findActors(head, doc.language), doc.language) : [];
      const leading = named[0] && b.text.slice(0, named[0].index).trim().split(/\s+/).filter(Boolean).length <= (that ? 2 : 1);
      const passed = leading ? [{ ...chapeau, actors: toActors(named) }] : carried;
      const items = passed.map((a) => ({
        ...a,
        object: tidy(b.text),
        deadline: a === chapeau || leading ? deadline : a.deadline,
        inherited: true,
      }));
      for (const row of items) rows.push({ ...row, blockId: b.id, paragraph: b.number, part: b.part });
      lastOf.set(b.id, items);
      continue;
    }
    for (const a of own) rows.push({ ...a, inherited: false, blockId: b.id, paragraph: b.number, part: b.part });
    // A lead-in without a verb of its own ("To realize this commitment, we will draw from the
    // following actions:") carries the action of the paragraph before it to its items.
    const last = found.length > 0 ? passedOn(found) : /:\s*$/.test(b.text) ? previous : [];
    if (last.length > 0) lastOf.set(b.id, last);
    if (b.kind === 'operative') previous = passedOn(found);
  }
  return resolveShortTitles(rows, doc);
}

/** A body named by its short title once its full name is known: "The Commission is encouraged:". */
const SHORT_TITLE = /^(?:the\s+)?(Commission|Council|Forum|Office|Entity|Organization|Committee|Authority|Fund|Programme|Board)$/i;

/**
 * Unknown actors that are a short title ("the Commission", "the Entity") stand for the body of
 * that kind the document names most: in a resolution on the CSTD, "the Commission" is the CSTD.
 * English only: other languages decline or order the words differently.
 */
function resolveShortTitles(rows: RequestedAction[], doc: UNDocument): RequestedAction[] {
  if (doc.language !== 'en' || !rows.some((r) => r.actors.some((a) => a.id === null && SHORT_TITLE.test(a.text)))) return rows;
  const named = new Map<string, number>();
  for (const b of doc.blocks) for (const m of findActors(b.text, 'en')) named.set(m.id, (named.get(m.id) ?? 0) + 1);
  const byTitle = new Map<string, string | null>();
  const resolve = (title: string): string | null => {
    const word = title.toLowerCase();
    if (!byTitle.has(word)) {
      const candidates = [...named]
        .filter(([id]) => new RegExp(`\\b${word}\\b`, 'i').test(actorById(id)?.names.en ?? ''))
        .sort((a, b) => b[1] - a[1]);
      byTitle.set(word, candidates[0]?.[0] ?? null);
    }
    return byTitle.get(word) ?? null;
  };
  return rows.map((r) => ({
    ...r,
    actors: r.actors
      .map((a) => {
        const title = a.id === null ? SHORT_TITLE.exec(a.text)?.[1] : undefined;
        const id = title ? resolve(title) : null;
        return id ? { id, text: a.text } : a;
      })
      // "the Commission" beside the CSTD named in full is one actor.
      .filter((a, i, all) => a.id === null || all.findIndex((x) => x.id === a.id) === i),
  }));
}
