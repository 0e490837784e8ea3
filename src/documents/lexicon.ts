// Six-language word lists for UN resolutions (UN-DOCUMENTS.md §1.3, §1.6): enacting formulas,
// preambular starters, operative verbs, closing lines, ordinal numbers and dates. Plain text loses
// italics, so a paragraph is classified by its first words against these lists, not by formatting.
import type { Language } from '../language/languages.ts';

/**
 * "The General Assembly," and its equivalents. The comma is required: the masthead line
 * "General Assembly" at the top of every resolution has none.
 */
export const ENACTING_FORMULA: { re: RegExp; organ: string }[] = [
  { re: /^(?:The\s+)?General Assembly,$/i, organ: 'GA' },
  { re: /^(?:The\s+)?Economic and Social Council,$/i, organ: 'ECOSOC' },
  { re: /^(?:The\s+)?Security Council,$/i, organ: 'SC' },
  { re: /^(?:The\s+)?Human Rights Council,$/i, organ: 'HRC' },
  { re: /^L['’]Assemblée générale,$/i, organ: 'GA' },
  { re: /^Le Conseil économique et social,$/i, organ: 'ECOSOC' },
  { re: /^Le Conseil de sécurité,$/i, organ: 'SC' },
  { re: /^Le Conseil des droits de l['’]homme,$/i, organ: 'HRC' },
  { re: /^La Asamblea General,$/i, organ: 'GA' },
  { re: /^El Consejo Económico y Social,$/i, organ: 'ECOSOC' },
  { re: /^El Consejo de Seguridad,$/i, organ: 'SC' },
  { re: /^El Consejo de Derechos Humanos,$/i, organ: 'HRC' },
  { re: /^Генеральная Ассамблея,$/i, organ: 'GA' },
  { re: /^Экономический и Социальный Совет,$/i, organ: 'ECOSOC' },
  { re: /^Совет Безопасности,$/i, organ: 'SC' },
  { re: /^Совет по правам человека,$/i, organ: 'HRC' },
  { re: /^大会[，,]$/, organ: 'GA' },
  { re: /^经济及社会理事会[，,]$/, organ: 'ECOSOC' },
  { re: /^安全理事会[，,]$/, organ: 'SC' },
  { re: /^人权理事会[，,]$/, organ: 'HRC' },
  { re: /^إن\s+الجمعية\s+العامة\s*[،,]?$/, organ: 'GA' },
  { re: /^إن\s+المجلس\s+الاقتصادي\s+والاجتماعي\s*[،,]?$/, organ: 'ECOSOC' },
  { re: /^إن\s+مجلس\s+الأمن\s*[،,]?$/, organ: 'SC' },
  { re: /^إن\s+مجلس\s+حقوق\s+الإنسان\s*[،,]?$/, organ: 'HRC' },
];

/**
 * Preambular starters: participles, participial phrases and adjectives (UN Editorial Manual).
 * English and French/Spanish participles are recognised by their endings as well as by list.
 * In Arabic the first preambular paragraph starts with إذ or وقد, later ones with وإذ.
 */
export const PREAMBLE_STARTER: Record<Language, RegExp> = {
  en: /^(?:(?:Also|Further|Again|Once again)\s+)?(?:[A-Z][a-z]+ing\b|Having\b|Being\b|Mindful|Conscious|Convinced|Aware|Deeply|Gravely|Seriously|Concerned|Alarmed|Determined|Desirous|Cognizant|Guided|Encouraged|Committed|Fully|Firmly|Keenly|Profoundly|Bearing|Taking|Noting|Recognizing|Welcoming|Acknowledging|Appreciative|Resolved|Underlining|Reiterating|Reaffirming|Emphasizing|Recalling|Expressing|Stressing|Considering|Believing|Affirming|Highlighting|Noting|Sharing|Reflecting|Pursuant|In view)/,
  fr: /^(?:[A-ZÉ][a-zéèêëîïôûç]+ant\b|Se\s+[a-zéè]+ant\b|S['’][a-zéè]+ant\b|Ayant\b|Étant\b|Consciente|Convaincue|Préoccupée|Guidée|Déterminée|Résolue|Alarmée|Inquiète|Sensible|Profondément|Vivement|Gravement|Sachant|Rappelant|Réaffirmant|Reconnaissant|Considérant|Notant|Prenant|Soulignant|Constatant|Tenant|Gardant)/,
  es: /^(?:[A-ZÁÉÍÓÚ][a-záéíóúñ]+(?:ando|iendo|yendo)\b|Consciente|Convencida|Preocupada|Profundamente|Gravemente|Decidida|Resuelta|Alarmada|Guiada|Teniendo|Habiendo|Recordando|Reafirmando|Reconociendo|Observando|Tomando|Destacando|Subrayando|Acogiendo)/,
  ru: /^(?:ссылаясь|напоминая|вновь|признавая|отмечая|принимая|подчеркивая|приветствуя|учитывая|будучи|рассмотрев|руководствуясь|считая|выражая|подтверждая|сознавая|памятуя|констатируя|с\s+(?:глубокой\s+)?(?:озабоченностью|удовлетворением|признательностью|тревогой)|глубоко|особо|[а-яё]+(?:я|в|вшись)\s)/iu,
  zh: /^(?:又|还|并|并且|再次|深为|严重|深切)?\s*(?:回顾|重申|确认|认识到|注意到|表示注意到|强调|欢迎|铭记|深信|关切|考虑到|申明|意识到|赞赏|承认|决心|认为|满意地|欣见|审议了|遵循|念及|关注)/,
  ar: /^(?:و?إذ\s|وقد\s|و?اقتناع(?:اً|ا)|وإدراك(?:اً|ا)|واعتراف(?:اً|ا)|وتسليم(?:اً|ا)|وإيمان(?:اً|ا)|واعتبار(?:اً|ا)|وانطلاق(?:اً|ا)|واقتناعاً|واقتناعا|وإذ|إن\s+نشير|و?إذا\s)/,
};

/**
 * The first word of an operative paragraph: a verb in the present indicative (en "Decides",
 * fr "Décide", es "Decide", ru "постановляет", zh "决定", ar "تقرر"/outcome documents "نقرر").
 */
export const OPERATIVE_START: Record<Language, RegExp> = {
  en: /^(?:(?:Also|Further|Again|Once again|Strongly|Urgently|Hereby|Further\s+also)\s+)?[A-Z][a-z]+(?:s|es)\b(?!\s+(?:of|and)\b)/,
  fr: /^(?:(?:Prie|Demande|Décide|Engage|Exhorte|Invite|Encourage|Se\s+félicite|Prend|Réaffirme|Reconnaît|Note|Souligne|Adopte|Accueille|Rappelle|Approuve|Recommande|Souscrit|Insiste|Constate|Estime|Considère|Exprime|Appelle|Affirme|Salue)\b|(?:Demande|Prie|Engage)\s+également)/,
  es: /^(?:(?:Decide|Solicita|Exhorta|Insta|Invita|Alienta|Acoge|Toma|Reafirma|Reconoce|Observa|Pide|Recomienda|Aprueba|Hace|Destaca|Subraya|Recuerda|Expresa|Afirma|Considera|Celebra|Aguarda)\b|También\s+)/,
  ru: /^(?:постановляет|просит|призывает|настоятельно|предлагает|рекомендует|приветствует|принимает|подтверждает|признаёт|признает|отмечает|подчеркивает|одобряет|вновь\s+подтверждает|выражает|считает|заявляет|постановляет|ожидает|напоминает)\b/iu,
  zh: /^(?:又|还|并|再次|强烈|紧急)?\s*(?:决定|请|吁请|敦促|邀请|鼓励|欢迎|注意到|表示注意到|重申|确认|强调|通过|赞同|建议|认可|期待|呼吁|回顾)/,
  ar: /^(?:و?(?:ت|ن)(?:قرر|طلب|هيب|حث|دعو|دعوا|شجع|رحب|حيط|ؤكد|سلم|لاحظ|شدد|عتمد|وصي|كرر|عرب|ؤيد|درك|شير|تطلع|قر|عترف|نوه|شيد|كرر|لتزم|تعهد|عتقد|رى|ؤمن|دين|ناشد|ستذكر|عيد))/,
};

/**
 * "Adopts the following outcome document…:" — the single unnumbered operative paragraph that
 * embeds an outcome document (A/RES/70/1, 70/125, 80/173; UN-DOCUMENTS.md §1.1).
 */
export const ADOPTS: RegExp =
  /^(?:Adopts|Adopte|Aprueba|Approuve|Endorses|Принимает|принимает|通过|核可|ت?عتمد|تعتمد|تؤيد|يعتمد)\b.*[:：]$|^(?:Adopts|Adopte|Aprueba|Принимает|принимает|تعتمد)\s.*(?:outcome document|declaration|document final|déclaration|documento final|declaración|итоговый документ|декларацию|成果文件|宣言|الوثيقة الختامية|الإعلان)/iu;

/** "We, the Heads of State and Government…", "We, the Ministers…": an outcome document's chapeau. */
export const CHAPEAU: RegExp = /^(?:We,|Nous,|Nosotros,|Мы,|我们[，,]|نحن[،,\s])/u;

/** The closing formula: "54th plenary meeting" in the six languages (UN-DOCUMENTS.md §1.6). */
export const CLOSING: RegExp =
  /^(?:\d{1,3}(?:st|nd|rd|th)\s+plenary\s+meeting|\d{1,3}(?:e|re)\s+séance\s+plénière|\d{1,3}ª\s+sesión\s+plenaria|\d{1,3}-[ея]\s+пленарное\s+заседание|第\s*\d{1,3}\s*次全体会议|الجلسة\s+العامة\s+\d{1,3}|\d{1,3}(?:st|nd|rd|th)\s+meeting)/iu;

/** "Annex", "Annex I", "Annexe II", "Anexo", "Приложение", "附件", "المرفق الأول". */
export const ANNEX_TITLE: RegExp = /^(?:Annex(?:e)?|Anexo|Приложение|附件|المرفق)(?:\s+(?:[IVXLC]+|\d{1,2}|[\u0600-\u06FF]+))?\s*$/u;

/** English ordinal words to numbers ("Seventy-ninth" → 79, "eightieth" → 80, "thirtieth" → 30). */
export function englishOrdinal(word: string): number | null {
  const units: Record<string, number> = {
    first: 1,
    second: 2,
    third: 3,
    fourth: 4,
    fifth: 5,
    sixth: 6,
    seventh: 7,
    eighth: 8,
    ninth: 9,
    tenth: 10,
    eleventh: 11,
    twelfth: 12,
    thirteenth: 13,
    fourteenth: 14,
    fifteenth: 15,
    sixteenth: 16,
    seventeenth: 17,
    eighteenth: 18,
    nineteenth: 19,
  };
  const tensOrd: Record<string, number> = {
    twentieth: 20,
    thirtieth: 30,
    fortieth: 40,
    fiftieth: 50,
    sixtieth: 60,
    seventieth: 70,
    eightieth: 80,
    ninetieth: 90,
  };
  const tens: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
  const w = word.toLowerCase().trim();
  if (w in units) return units[w] ?? null;
  if (w in tensOrd) return tensOrd[w] ?? null;
  const m = /^([a-z]+)-([a-z]+)$/.exec(w);
  if (m && m[1] && m[2] && m[1] in tens && m[2] in units) return (tens[m[1]] ?? 0) + (units[m[2]] ?? 0);
  const hundred = /^(?:one\s+)?hundred(?:\s+and)?\s+(.+)$/.exec(w);
  if (hundred?.[1]) {
    const rest = englishOrdinal(hundred[1]);
    return rest === null ? null : 100 + rest;
  }
  return null;
}

const AR_UNITS: [RegExp, number][] = [
  [/^(?:ال)?(?:حادي[ةه]?|أول[ىي]?)$/, 1],
  [/^(?:ال)?ثاني[ةه]?$/, 2],
  [/^(?:ال)?ثالث[ةه]?$/, 3],
  [/^(?:ال)?رابع[ةه]?$/, 4],
  [/^(?:ال)?خامس[ةه]?$/, 5],
  [/^(?:ال)?سادس[ةه]?$/, 6],
  [/^(?:ال)?سابع[ةه]?$/, 7],
  [/^(?:ال)?ثامن[ةه]?$/, 8],
  [/^(?:ال)?تاسع[ةه]?$/, 9],
  [/^(?:ال)?عاشر[ةه]?$/, 10],
];
const AR_TENS: [RegExp, number][] = [
  [/^و?(?:ال)?عشر(?:ون|ين)$/, 20],
  [/^و?(?:ال)?ثلاث(?:ون|ين)$/, 30],
  [/^و?(?:ال)?أربع(?:ون|ين)$/, 40],
  [/^و?(?:ال)?خمس(?:ون|ين)$/, 50],
  [/^و?(?:ال)?ست(?:ون|ين)$/, 60],
  [/^و?(?:ال)?سبع(?:ون|ين)$/, 70],
  [/^و?(?:ال)?ثمان(?:ون|ين)$/, 80],
  [/^و?(?:ال)?تسع(?:ون|ين)$/, 90],
];

/** Arabic ordinal phrases: "التاسعة والسبعون" → 79, "الثمانون" → 80, "الثلاثين" → 30. */
export function arabicOrdinal(phrase: string): number | null {
  const words = phrase.trim().split(/\s+/);
  let total = 0;
  let matched = false;
  for (const w of words.slice(0, 2)) {
    const unit = AR_UNITS.find(([re]) => re.test(w));
    const ten = AR_TENS.find(([re]) => re.test(w));
    if (ten) {
      total += ten[1];
      matched = true;
    } else if (unit && !matched) {
      total += unit[1];
      matched = true;
    } else break;
  }
  return matched ? total : null;
}

const ZH_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Chinese numerals up to 9999: "七十九" → 79, "二七五八" → 2758. */
export function chineseNumber(text: string): number | null {
  if (!/^[零〇一二两三四五六七八九十百千]+$/.test(text)) return null;
  if (!/[十百千]/.test(text)) return Number([...text].map((c) => ZH_DIGITS[c] ?? 0).join(''));
  let total = 0;
  let digit = 0;
  for (const c of text) {
    if (c in ZH_DIGITS) digit = ZH_DIGITS[c] ?? 0;
    else {
      const mult = c === '十' ? 10 : c === '百' ? 100 : 1000;
      total += (digit || 1) * mult;
      digit = 0;
    }
  }
  return total + digit;
}

/** Month names as UN texts print them (English, French, Spanish, Russian genitive, Arabic), by number. */
export const MONTHS: Record<string, number> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  janvier: 1,
  février: 2,
  mars: 3,
  avril: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  août: 8,
  septembre: 9,
  octobre: 10,
  novembre: 11,
  décembre: 12,
  enero: 1,
  febrero: 2,
  marzo: 3,
  abril: 4,
  mayo: 5,
  junio: 6,
  julio: 7,
  agosto: 8,
  septiembre: 9,
  setiembre: 9,
  octubre: 10,
  noviembre: 11,
  diciembre: 12,
  января: 1,
  февраля: 2,
  марта: 3,
  апреля: 4,
  мая: 5,
  июня: 6,
  июля: 7,
  августа: 8,
  сентября: 9,
  октября: 10,
  ноября: 11,
  декабря: 12,
  يناير: 1,
  فبراير: 2,
  مارس: 3,
  أبريل: 4,
  ابريل: 4,
  مايو: 5,
  يونيه: 6,
  يونيو: 6,
  يوليه: 7,
  يوليو: 7,
  أغسطس: 8,
  اغسطس: 8,
  سبتمبر: 9,
  أكتوبر: 10,
  اكتوبر: 10,
  نوفمبر: 11,
  ديسمبر: 12,
  'كانون الثاني': 1,
  شباط: 2,
  آذار: 3,
  نيسان: 4,
  أيار: 5,
  حزيران: 6,
  تموز: 7,
  آب: 8,
  أيلول: 9,
  'تشرين الأول': 10,
  'تشرين الثاني': 11,
  'كانون الأول': 12,
};
const AR_MONTH = Object.keys(MONTHS)
  .filter((k) => /[\u0600-\u06FF]/.test(k))
  .join('|');

/**
 * Dates in the six languages (UN-DOCUMENTS.md §1.6), as ISO strings. Arabic months come in
 * Levantine/Gregorian pairs in either order ("كانون الأول/ديسمبر", "أغسطس/آب"), sometimes with a
 * stray space after the slash.
 */
export const DATE_PATTERNS: RegExp[] = [
  /(?<d>[1-9]|[12]\d|3[01])\s+(?<m>January|February|March|April|May|June|July|August|September|October|November|December)\s+(?<y>\d{4})/g,
  /(?<d>1er|[1-9]|[12]\d|3[01])\s+(?<m>janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\s+(?<y>\d{4})/g,
  /(?<d>[1-9]|[12]\d|3[01])\s+de\s+(?<m>enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)\s+de\s+(?<y>\d{4})/g,
  /(?<d>[1-9]|[12]\d|3[01])\s+(?<m>января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)\s+(?<y>\d{4})/gu,
  /(?<y>\d{4})\s*年\s*(?<m>1[0-2]|[1-9])\s*月\s*(?<d>3[01]|[12]\d|[1-9])\s*日/gu,
  new RegExp(`(?<d>\\d{1,2})\\s+(?<m>(?:${AR_MONTH})(?:\\s*/\\s*(?:${AR_MONTH}))?)\\s+(?<y>\\d{4})`, 'gu'),
];

/** The first date in a text, as YYYY-MM-DD, or null. */
export function findDate(text: string): string | null {
  let best: { index: number; iso: string } | null = null;
  for (const re of DATE_PATTERNS) {
    re.lastIndex = 0;
    const m = re.exec(text);
    if (!m?.groups) continue;
    const { d = '', m: month = '', y = '' } = m.groups;
    const monthKey = month.split('/')[0]?.trim().toLowerCase() ?? '';
    const mm = /^\d+$/.test(month) ? Number(month) : MONTHS[monthKey];
    if (!mm) continue;
    const dd = d === '1er' ? 1 : Number(d);
    const iso = `${y}-${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
    if (!best || m.index < best.index) best = { index: m.index, iso };
  }
  return best?.iso ?? null;
}

const FR_CARDINALS: Record<string, number> = {
  un: 1,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  six: 6,
  sept: 7,
  huit: 8,
  neuf: 9,
  dix: 10,
  onze: 11,
  douze: 12,
  treize: 13,
  quatorze: 14,
  quinze: 15,
  seize: 16,
  vingt: 20,
  trente: 30,
  quarante: 40,
  cinquante: 50,
  soixante: 60,
  quatrevingt: 80,
  cent: 100,
};

/** French ordinals: "quatre-vingt-unième" → 81, "soixante-dix-neuvième" → 79, "trentième" → 30. */
export function frenchOrdinal(word: string): number | null {
  const w = word.toLowerCase().trim();
  if (/^premi(?:er|ère)$/.test(w)) return 1;
  if (!/ième$/.test(w)) return null;
  const cardinal = w
    .replace(/ième$/, '')
    .replace(/qu$/, 'q')
    .replace(/neuv$/, 'neuf')
    .replace(/(quatr|onz|douz|treiz|quatorz|quinz|seiz|trent|quarant|cinquant|soixant)$/, '$1e')
    .replace(/quatre-vingts?/, 'quatrevingt');
  let total = 0;
  for (const token of cardinal.split(/[-\s]+/).filter((t) => t && t !== 'et')) {
    const n = FR_CARDINALS[token];
    if (n === undefined) return null;
    total += n;
  }
  return total || null;
}

const ES_ORDINALS: [RegExp, number][] = [
  [/^centésim[oa]$/, 100],
  [/^nonagésim[oa]$/, 90],
  [/^octogésim[oa]$/, 80],
  [/^septuagésim[oa]$/, 70],
  [/^sexagésim[oa]$/, 60],
  [/^quincuagésim[oa]$/, 50],
  [/^cuadragésim[oa]$/, 40],
  [/^trigésim[oa]$/, 30],
  [/^vigésim[oa]$/, 20],
  [/^(?:undécim[oa])$/, 11],
  [/^(?:duodécim[oa])$/, 12],
  [/^décim[oa]$/, 10],
  [/^primer[oa]?$/, 1],
  [/^segund[oa]$/, 2],
  [/^tercer[oa]?$/, 3],
  [/^cuart[oa]$/, 4],
  [/^quint[oa]$/, 5],
  [/^sext[oa]$/, 6],
  [/^séptim[oa]$/, 7],
  [/^octav[oa]$/, 8],
  [/^noven[oa]$/, 9],
];

/** Spanish ordinals: "octogésimo primer" → 81, "septuagésimo noveno" → 79, "trigésimo" → 30. */
export function spanishOrdinal(phrase: string): number | null {
  let total = 0;
  for (const w of phrase.toLowerCase().trim().split(/\s+/)) {
    const hit = ES_ORDINALS.find(([re]) => re.test(w));
    if (!hit) return total || null;
    total += hit[1];
  }
  return total || null;
}

// Russian ordinals decline ("восемьдесят первой сессии"): matched by stem; cardinal tens first.
const RU_NUMBERS: [RegExp, number][] = [
  [/^девяност(?:о|\p{L}{2,3})$/u, 90],
  [/^восемьдесят$|^восьмидесят/u, 80],
  [/^семьдесят$|^семидесят/u, 70],
  [/^шестьдесят$|^шестидесят/u, 60],
  [/^пятьдесят$|^пятидесят/u, 50],
  [/^сорок$|^сороков/u, 40],
  [/^тридцат/u, 30],
  [/^двадцат/u, 20],
  [/^одиннадцат/u, 11],
  [/^двенадцат/u, 12],
  [/^тринадцат/u, 13],
  [/^четырнадцат/u, 14],
  [/^пятнадцат/u, 15],
  [/^шестнадцат/u, 16],
  [/^семнадцат/u, 17],
  [/^восемнадцат/u, 18],
  [/^девятнадцат/u, 19],
  [/^десят/u, 10],
  [/^сот/u, 100],
  [/^перв/u, 1],
  [/^втор/u, 2],
  [/^трет/u, 3],
  [/^четв[её]рт/u, 4],
  [/^пят/u, 5],
  [/^шест/u, 6],
  [/^седьм/u, 7],
  [/^восьм/u, 8],
  [/^девят/u, 9],
];

/** Russian ordinals in any case: "восемьдесят первой" → 81, "тридцатой" → 30. */
export function russianOrdinal(phrase: string): number | null {
  let total = 0;
  for (const w of phrase.toLowerCase().trim().split(/\s+/)) {
    const hit = RU_NUMBERS.find(([re]) => re.test(w));
    if (!hit) return total || null;
    total += hit[1];
  }
  return total || null;
}
