// Requested actions: for each operative paragraph, who is asked to do what by when (the
// "paragraph / action / entities" tables UN DESA builds by hand for A/RES/80/173). The operative
// verb, its addressees and any deadline, in the six languages, normalized to English labels.
import type { Language } from '../language/languages.ts';
import { arabicOrdinal, chineseNumber, englishOrdinal } from './lexicon.ts';
import type { UNDocument } from './model.ts';

export interface Deadline {
  /** As written: "by 2030", "at its thirtieth session, in 2027", "في دورتها الثلاثين في عام 2027". */
  text: string;
  year: number | null;
  session: number | null;
}

export interface RequestedAction {
  blockId: string;
  /** The paragraph number as printed, or null (the unnumbered "Adopts…" paragraph). */
  paragraph: string | null;
  part: string;
  /** English label of the operative verb: requests, calls upon, invites, encourages, urges, decides, … */
  verb: string;
  /** The verb as written. */
  verbText: string;
  /** True for verbs that ask someone to act (requests, calls upon, urges, invites, encourages, decides …). */
  directive: boolean;
  /** English labels: Secretary-General, ITU, UNGIS, CSTD, Member States, all stakeholders, … */
  addressees: string[];
  /** The addressee phrase as written, for review and for addressees the lexicon does not know. */
  addresseeText: string;
  deadline: Deadline | null;
}

interface Verb {
  re: RegExp;
  label: string;
  directive: boolean;
}

const v = (re: RegExp, label: string, directive: boolean): Verb => ({ re, label, directive });

/**
 * Operative verbs (UN-DOCUMENTS.md §1.3). Longer phrases first ("calls upon" before "calls").
 * Arabic resolutions use the third person feminine (تطلب، تهيب), outcome documents the first
 * person plural (نطلب، ندعو); both are listed. Arabic "تدعو X إلى" is "invites", "تهيب بـ" is
 * "calls upon" (UN Arabic usage).
 */
const VERBS: Record<Language, Verb[]> = {
  en: [
    v(/requests?/, 'requests', true),
    v(/calls? upon|calls? on/, 'calls upon', true),
    v(/calls? for/, 'calls for', true),
    v(/urges?/, 'urges', true),
    v(/invites?/, 'invites', true),
    v(/encourages?/, 'encourages', true),
    v(/decides?/, 'decides', true),
    v(/resolves?/, 'resolves', true),
    v(/recommends?/, 'recommends', true),
    v(/commits?|we commit/, 'commits', true),
    v(/adopts?/, 'adopts', false),
    v(/endorses?/, 'endorses', false),
    v(/welcomes?/, 'welcomes', false),
    v(/takes? note/, 'takes note', false),
    v(/notes?/, 'notes', false),
    v(/reaffirms?/, 'reaffirms', false),
    v(/recognizes?/, 'recognizes', false),
    v(/acknowledges?/, 'acknowledges', false),
    v(/stresses?/, 'stresses', false),
    v(/emphasizes?/, 'emphasizes', false),
    v(/underlines?/, 'underlines', false),
    v(/expresses?/, 'expresses', false),
    v(/reiterates?/, 'reiterates', false),
    v(/recalls?/, 'recalls', false),
    v(/looks? forward/, 'looks forward', false),
  ],
  fr: [
    v(/prie|demande/, 'requests', true),
    v(/engage|appelle/, 'calls upon', true),
    v(/exhorte|prie instamment/, 'urges', true),
    v(/invite/, 'invites', true),
    v(/encourage/, 'encourages', true),
    v(/décide/, 'decides', true),
    v(/recommande/, 'recommends', true),
    v(/adopte/, 'adopts', false),
    v(/se félicite|accueille avec satisfaction|salue/, 'welcomes', false),
    v(/prend note/, 'takes note', false),
    v(/note|constate/, 'notes', false),
    v(/réaffirme/, 'reaffirms', false),
    v(/reconnaît|reconnait/, 'recognizes', false),
    v(/souligne|insiste/, 'stresses', false),
    v(/rappelle/, 'recalls', false),
  ],
  es: [
    v(/solicita|pide/, 'requests', true),
    v(/exhorta|hace un llamamiento/, 'calls upon', true),
    v(/insta/, 'urges', true),
    v(/invita/, 'invites', true),
    v(/alienta/, 'encourages', true),
    v(/decide/, 'decides', true),
    v(/recomienda/, 'recommends', true),
    v(/aprueba/, 'adopts', false),
    v(/acoge con beneplácito|celebra/, 'welcomes', false),
    v(/toma nota/, 'takes note', false),
    v(/observa/, 'notes', false),
    v(/reafirma/, 'reaffirms', false),
    v(/reconoce/, 'recognizes', false),
    v(/destaca|subraya/, 'stresses', false),
    v(/recuerda/, 'recalls', false),
  ],
  ru: [
    v(/просит/, 'requests', true),
    v(/настоятельно призывает/, 'urges', true),
    v(/призывает/, 'calls upon', true),
    v(/предлагает/, 'invites', true),
    v(/рекомендует/, 'recommends', true),
    v(/постановляет|решает/, 'decides', true),
    v(/рекомендует/, 'recommends', true),
    v(/принимает к сведению/, 'takes note', false),
    v(/принимает/, 'adopts', false),
    v(/приветствует/, 'welcomes', false),
    v(/отмечает/, 'notes', false),
    v(/вновь подтверждает|подтверждает/, 'reaffirms', false),
    v(/признает|признаёт/, 'recognizes', false),
    v(/подчеркивает/, 'stresses', false),
    v(/напоминает/, 'recalls', false),
  ],
  zh: [
    v(/请/, 'requests', true),
    v(/吁请|呼吁/, 'calls upon', true),
    v(/敦促/, 'urges', true),
    v(/邀请/, 'invites', true),
    v(/鼓励/, 'encourages', true),
    v(/决定/, 'decides', true),
    v(/建议/, 'recommends', true),
    v(/通过/, 'adopts', false),
    v(/欢迎/, 'welcomes', false),
    v(/表示注意到/, 'takes note', false),
    v(/注意到/, 'notes', false),
    v(/重申/, 'reaffirms', false),
    v(/确认|认识到/, 'recognizes', false),
    v(/强调/, 'stresses', false),
    v(/回顾/, 'recalls', false),
  ],
  ar: [
    v(/[تن]طلب/, 'requests', true),
    v(/[تن]هيب/, 'calls upon', true),
    v(/[تن]حث/, 'urges', true),
    v(/[تن]دعوا? إلى/, 'calls for', true),
    v(/[تن]دعوا?/, 'invites', true),
    v(/[تن]شجع/, 'encourages', true),
    v(/[تن]قرر/, 'decides', true),
    v(/[تن]وصي/, 'recommends', true),
    v(/نلتزم|نتعهد/, 'commits', true),
    v(/[تن]عتمد/, 'adopts', false),
    v(/[تن]رحب|[تن]شيد/, 'welcomes', false),
    v(/[تن]حيط علما/, 'takes note', false),
    v(/[تن]لاحظ/, 'notes', false),
    v(/[تن]ؤكد من جديد|[تن]عيد تأكيد|[تن]كرر تأكيد/, 'reaffirms', false),
    v(/[تن]سلم|[تن]درك|[تن]عترف|[تن]قر/, 'recognizes', false),
    v(/[تن]شدد|[تن]ؤكد/, 'stresses', false),
    v(/[تن]شير/, 'recalls', false),
    v(/[تن]عرب/, 'expresses', false),
  ],
};

/** Addressees, with the names they go by in the six languages (and common acronyms). */
const ADDRESSEES: { label: string; re: RegExp }[] = [
  {
    label: 'Secretary-General',
    re: /Secretary-General|Secrétaire général|Secretario General|Генеральн\p{L}+ секретар\p{L}+|秘书长|الأمين العام/u,
  },
  {
    label: 'UNGIS',
    re: /UNGIS|United Nations Group on the Information Society|Groupe des Nations Unies sur la société de l['’]information|Grupo de las Naciones Unidas sobre la Sociedad de la Información|Групп\p{L}* Организации Объединенных Наций по информационному обществу|联合国信息社会小组|فريق الأمم المتحدة المعن[يى] بمجتمع المعلومات/u,
  },
  {
    label: 'ITU',
    re: /\bITU\b|International Telecommunication Union|Union internationale des télécommunications|Unión Internacional de Telecomunicaciones|Международн\p{L}+ союз\p{L}* электросвязи|国际电(?:信)?联(?:盟)?|الاتحاد الدولي للاتصالات/u,
  },
  {
    label: 'CSTD',
    re: /\bCSTD\b|Commission on Science and Technology for Development|Commission de la science et de la technique au service du développement|Comisión de Ciencia y Tecnología para el Desarrollo|Комисси\p{L}+ по науке и техник\p{L}+ в целях развития|科学和技术促进发展委员会|科技促发委|اللجنة المعنية بتسخير العلم والتكنولوجيا لأغراض التنمية/u,
  },
  {
    label: 'ECOSOC',
    re: /Economic and Social Council|ECOSOC|Conseil économique et social|Consejo Económico y Social|Экономическ\p{L}+ и Социальн\p{L}+ Совет\p{L}*|经济及社会理事会|经社理事会|المجلس الاقتصادي والاجتماعي/u,
  },
  {
    label: 'General Assembly',
    re: /General Assembly|Assemblée générale|Asamblea General|Генеральн\p{L}+ Ассамбле\p{L}+|大会|الجمعية العامة/u,
  },
  {
    label: 'Human Rights Council',
    re: /Human Rights Council|Conseil des droits de l['’]homme|Consejo de Derechos Humanos|Совет\p{L}* по правам человека|人权理事会|مجلس حقوق الإنسان/u,
  },
  {
    label: 'IGF',
    re: /Internet Governance Forum|\bIGF\b|Forum sur la gouvernance d['’]Internet|Foro para la Gobernanza de Internet|Форум\p{L}* по вопросам управления Интернетом|互联网治理论坛|منتدى إدارة الإنترن[تط]/u,
  },
  {
    label: 'action-line facilitators',
    re: /action line facilitators|facilitators of the action lines|facilitateurs des grandes orientations|facilitadores de las líneas de acción|координатор\p{L}+ направлений деятельности|行动方针协调方|مُ?يسّ?ري مسارات (?:ال)?عمل/u,
  },
  {
    label: 'Partnership on Measuring ICT for Development',
    re: /Partnership on Measuring (?:Information and Communication Technology|ICT) for Development|Partenariat sur la mesure des TIC au service du développement|Asociación para la Medición de las TIC para el Desarrollo|Партнерств\p{L}+ по измерению ИКТ в целях развития|衡量信通技术促进发展伙伴关系|الشراكة المعنية بقياس تكنولوجيا المعلومات والاتصالات/u,
  },
  {
    label: 'Inter-Agency Working Group on AI',
    re: /Inter-Agency Working Group on Artificial Intelligence|الفريق العامل المشترك بين الوكالات المعن[يى] بالذكاء الاصطناعي/u,
  },
  { label: 'UNESCO', re: /UNESCO|United Nations Educational, Scientific and Cultural Organization|اليونسكو|教科文组织|ЮНЕСКО/u },
  { label: 'UNDP', re: /\bUNDP\b|United Nations Development Programme|برنامج الأمم المتحدة الإنمائي|开发计划署|ПРООН/u },
  {
    label: 'UNCTAD',
    re: /UNCTAD|United Nations Conference on Trade and Development|الأونكتاد|مؤتمر الأمم المتحدة للتجارة والتنمية|贸发会议|ЮНКТАД/u,
  },
  {
    label: 'regional commissions',
    re: /regional commissions|commissions régionales|comisiones regionales|региональн\p{L}+ комисси\p{L}+|区域委员会|اللجان الإقليمية/u,
  },
  {
    label: 'United Nations system',
    re: /United Nations system|United Nations entities|organismes des Nations Unies|sistema de las Naciones Unidas|систем\p{L}+ Организации Объединенных Наций|联合国系统|منظومة الأمم المتحدة|كيانات الأمم المتحدة/u,
  },
  { label: 'Member States', re: /Member States|États Membres|Estados Miembros|государств\p{L}*-член\p{L}*|会员国|الدول الأعضاء/u },
  { label: 'Governments', re: /\bGovernments\b|gouvernements|gobiernos|правительств\p{L}+|各国政府|الحكومات/u },
  {
    label: 'developed countries',
    re: /developed countries|pays développés|países desarrollados|развит\p{L}+ стран\p{L}*|发达国家|البلدان المتقدمة/u,
  },
  {
    label: 'all stakeholders',
    re: /all (?:relevant )?stakeholders|toutes les parties prenantes|todas las partes interesadas|все\p{L}* заинтересованн\p{L}+ сторон\p{L}*|所有利益攸关方|جميع (?:الجهات )?(?:أصحاب|صاحبة) المصلحة/u,
  },
  {
    label: 'other stakeholders',
    re: /other (?:relevant )?stakeholders|autres parties prenantes|otras partes interesadas|други\p{L}+ заинтересованн\p{L}+|其他利益攸关方|أصحاب المصلحة الآخرين/u,
  },
  {
    label: 'international community',
    re: /international community|communauté internationale|comunidad internacional|международн\p{L}+ сообществ\p{L}+|国际社会|المجتمع الدولي/u,
  },
  { label: 'private sector', re: /private sector|secteur privé|sector privado|частн\p{L}+ сектор\p{L}*|私营部门|القطاع الخاص/u },
  { label: 'civil society', re: /civil society|société civile|sociedad civil|гражданск\p{L}+ обществ\p{L}+|民间社会|المجتمع المدني/u },
];

/** Words that end an addressee phrase: the infinitive or clause that says what they must do. */
const ADDRESSEE_END: Record<Language, RegExp> = {
  en: /(?:^|\s)(?:to|that|in order)\s|[,;:.]|\s(?:and\s+)?(?:requests|invites|calls|urges|encourages|decides)\b/,
  fr: /\s(?:à|de|d['’]|que)\s?|[,;:.]/,
  es: /\s(?:a|que|para)\s|[,;:.]/,
  ru: /\s(?:с тем чтобы|чтобы|продолжать)\s|[,;:.]|\s[а-я]+(?:ать|ить|еть|ять|ти)\b/u,
  zh: /[，,；;。：]|继续|加强|采取|提交|确保|(?<=.{2,})(?:在|向|就|与)/u,
  ar: /\sأن\s|\sإلى\s|\sعلى\s|[،,؛;:.]/,
};

const YEAR = '((?:19|20)\\d{2})';
const DEADLINES: Record<Language, RegExp[]> = {
  en: [
    new RegExp(`\\bat its ([a-z]+(?:-[a-z]+)?) session(?:,?\\s+in ${YEAR})?`, 'g'),
    new RegExp(`\\b(?:by|before|no later than|not later than)\\s+(?:the end of\\s+)?(?:[A-Z][a-z]+\\s+)?${YEAR}`, 'g'),
    new RegExp(`\\bin ${YEAR}\\b`, 'g'),
  ],
  fr: [
    new RegExp(`\\bà sa (\\S+) session(?:,?\\s+en ${YEAR})?`, 'g'),
    new RegExp(`\\b(?:d['’]ici à|d['’]ici|avant|au plus tard en)\\s+${YEAR}`, 'g'),
    new RegExp(`\\ben ${YEAR}\\b`, 'g'),
  ],
  es: [
    new RegExp(`\\ben su (\\S+) período de sesiones(?:,?\\s+en ${YEAR})?`, 'g'),
    new RegExp(`\\b(?:para|antes de|a más tardar en)\\s+${YEAR}`, 'g'),
    new RegExp(`\\ben ${YEAR}\\b`, 'g'),
  ],
  ru: [
    new RegExp(`на (?:своей )?(\\S+) сессии(?:,?\\s+в ${YEAR} году)?`, 'gu'),
    new RegExp(`(?:к|до)\\s+${YEAR}\\s+год[ау]`, 'gu'),
    new RegExp(`в ${YEAR} году`, 'gu'),
  ],
  zh: [new RegExp(`第([零〇一二三四五六七八九十百]+)届会议`, 'gu'), new RegExp(`(?:到|至|在)?${YEAR}\\s*年(?:前|以前)?`, 'gu')],
  ar: [
    new RegExp(`في دورتها ((?:ال)?\\S+(?:\\s+و\\S+)?)(?:،?\\s+في عام ${YEAR})?`, 'gu'),
    new RegExp(`(?:بحلول|قبل)\\s+(?:نهاية\\s+)?(?:عام\\s+)?${YEAR}`, 'gu'),
    new RegExp(`في عام ${YEAR}`, 'gu'),
  ],
};

function ordinal(word: string, lang: Language): number | null {
  if (lang === 'en') return englishOrdinal(word);
  if (lang === 'ar') return arabicOrdinal(word.replace(/\s+في$/, ''));
  if (lang === 'zh') return chineseNumber(word);
  return null;
}

/** The first deadline in a clause: a session ("at its thirtieth session, in 2027") or a year ("by 2030"). */
export function findDeadline(text: string, lang: Language, notBefore: number | null = null): Deadline | null {
  const found: { index: number; d: Deadline }[] = [];
  const [sessionRe, byRe, inRe] = DEADLINES[lang];
  for (const re of [sessionRe, byRe, inRe]) {
    if (!re) continue;
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      let d: Deadline;
      if (re === sessionRe && lang !== 'zh') {
        d = { text: m[0].trim(), session: ordinal(m[1] ?? '', lang), year: m[2] ? Number(m[2]) : null };
        if (d.session === null && d.year === null) continue;
      } else if (re === sessionRe) {
        d = { text: m[0], session: chineseNumber(m[1] ?? ''), year: null };
      } else {
        const year = Number(m[1]);
        // "in 2023" in a past context is not a deadline: only years from the document's own on.
        if (re === inRe && notBefore !== null && year < notBefore) continue;
        d = { text: m[0].trim(), session: null, year };
      }
      found.push({ index: m.index, d });
    }
    if (found.length > 0) break;
  }
  found.sort((a, b) => a.index - b.index);
  return found[0]?.d ?? null;
}

function addresseesIn(text: string): string[] {
  const hits: { label: string; at: number }[] = [];
  for (const a of ADDRESSEES) {
    const m = a.re.exec(text);
    if (m) hits.push({ label: a.label, at: m.index });
  }
  // "all stakeholders" makes "other stakeholders" redundant only when it is the same words.
  return hits.sort((x, y) => x.at - y.at).map((h) => h.label);
}

const escapeLead: Record<Language, string> = {
  en: '(?:^|,\\s+(?:and\\s+)?|;\\s+|\\s+and\\s+|\\.\\s+)(?:also\\s+|further\\s+|again\\s+|strongly\\s+|once again\\s+)?',
  fr: '(?:^|,\\s+(?:et\\s+)?|;\\s+|\\s+et\\s+|\\.\\s+)(?:également\\s+|en outre\\s+|aussi\\s+)?',
  es: '(?:^|,\\s+(?:y\\s+)?|;\\s+|\\s+y\\s+|\\.\\s+)(?:también\\s+|además\\s+)?',
  ru: '(?:^|,\\s+(?:и\\s+)?|;\\s+|\\s+и\\s+|\\.\\s+)(?:также\\s+|далее\\s+)?',
  zh: '(?:^|[，,；;。]\\s*(?:并|又|还)?)',
  ar: '(?:^|[،,؛;.]?\\s+)و?',
};

/**
 * The actions one operative paragraph asks for: its leading verb, and any further directive verb
 * in the same paragraph ("Calls upon Member States and invites other stakeholders to…").
 *
 * @example
 * actionsIn('Requests the Secretary-General to submit to the General Assembly at its eightieth session a report', 'en')
 * // [{ verb: 'requests', addressees: ['Secretary-General'], deadline: { session: 80, … } }]
 */
export function actionsIn(
  text: string,
  lang: Language,
  notBefore: number | null = null,
): Omit<RequestedAction, 'blockId' | 'paragraph' | 'part'>[] {
  const out: Omit<RequestedAction, 'blockId' | 'paragraph' | 'part'>[] = [];
  const verbs = VERBS[lang];
  const alternation = verbs.map((x) => `(?:${x.re.source})`).join('|');
  const flags = lang === 'en' || lang === 'fr' || lang === 'es' || lang === 'ru' ? 'giu' : 'gu';
  // \b knows only ASCII letters: Cyrillic and accented verbs need a Unicode lookahead.
  const wordEnd = lang === 'zh' ? '' : lang === 'ar' ? '(?![\\u0621-\\u064A])' : '(?![\\p{L}\\p{N}])';
  const re = new RegExp(`${escapeLead[lang]}(${alternation})${wordEnd}`, flags);
  const matches = [...text.matchAll(re)];
  matches.forEach((m, k) => {
    const verbText = m[1] ?? '';
    const verb = verbs.find((x) => new RegExp(`^(?:${x.re.source})$`, flags.replace('g', '')).test(verbText));
    if (!verb) return;
    const first = m.index === 0;
    // After the first verb, only directive verbs open a new action.
    if (!first && !verb.directive) return;
    const start = m.index + m[0].length;
    const nextStart = matches[k + 1]?.index ?? text.length;
    const clause = text.slice(start, nextStart);
    let window = clause.replace(/^\s*(?:إلى|الى|ب(?=ال))\s*/u, '');
    window = window.trimStart();
    const endAt = window.search(ADDRESSEE_END[lang]);
    if (endAt >= 0) window = window.slice(0, endAt);
    // The organ's own decisions and commitments have no addressee of their own.
    const selfDirected = verb.label === 'decides' || verb.label === 'resolves' || verb.label === 'commits' || verb.label === 'calls for';
    let addressees = verb.directive && !selfDirected ? addresseesIn(window) : [];
    // "…the role of the Commission…, and requests it to…": the pronoun takes the first entity named before.
    if (addressees.length === 0 && lang === 'en' && /^(?:it|them)\b/.test(window))
      addressees = addresseesIn(text.slice(0, m.index)).slice(0, 1);
    out.push({
      verb: verb.label,
      verbText,
      directive: verb.directive,
      addressees,
      addresseeText: verb.directive && !selfDirected ? window.trim() : '',
      deadline: verb.directive ? findDeadline(clause, lang, notBefore) : null,
    });
  });
  return out;
}

/**
 * The requested-actions table of a document: one row per action of each operative paragraph
 * (outcome documents included). Paragraphs that only recognize or welcome give one row with
 * `directive: false` and no addressees.
 */
export function extractActions(doc: UNDocument): RequestedAction[] {
  const year = doc.date ? Number(doc.date.slice(0, 4)) : null;
  const rows: RequestedAction[] = [];
  for (const b of doc.blocks) {
    if (b.kind !== 'operative') continue;
    for (const a of actionsIn(b.text, doc.language, year)) rows.push({ ...a, blockId: b.id, paragraph: b.number, part: b.part });
  }
  return rows;
}
