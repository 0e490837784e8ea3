// The canonical actors UN texts ask to act: the bodies, the offices, each UN entity (linked to
// its organization record where Concord seeds one) and the stakeholder groups, with their
// names in the six languages (UN terminology) and the variants texts use. Requested actions
// and the mandate tracker name actors by these stable ids, so "CSTD", "the Commission on
// Science and Technology for Development" and "لجنة تسخير العلم والتكنولوجيا لأغراض التنمية" are one actor.
import type { Language } from '../language/languages.ts';

export type ActorKind = 'body' | 'office' | 'un-entity' | 'group';

export interface Actor {
  /** Stable id: `body.cstd`, `office.secretary-general`, `un.itu`, `group.member-states`. */
  id: string;
  kind: ActorKind;
  /** The name shown to a reader of each language. */
  names: Record<Language, string>;
  /**
   * Further ways texts name the actor (regular-expression sources, matched case-insensitively
   * for alphabetic scripts): acronyms, short forms, inflected forms. The display name is always
   * an alias too.
   */
  aliases: Partial<Record<Language, string[]>>;
  /** The organization record (`organizations.id`) the actor is, when Concord seeds it. */
  organization?: string;
  /** For groups that stand for several actors ("the action-line facilitators"): their ids. */
  members?: string[];
}

type Names = [en: string, fr: string, es: string, ru: string, zh: string, ar: string];

const actor = (id: string, kind: ActorKind, n: Names, aliases: Actor['aliases'] = {}, extra: Partial<Actor> = {}): Actor => ({
  id,
  kind,
  names: { en: n[0], fr: n[1], es: n[2], ru: n[3], zh: n[4], ar: n[5] },
  aliases,
  ...extra,
});

// Russian nouns decline: a stem followed by any ending.
const RU = '\\p{L}*';

/**
 * The catalogue. Order matters only for ties: where two names overlap, the longer match wins
 * ("President of the General Assembly" over "General Assembly").
 */
export const ACTORS: Actor[] = [
  // ---- offices and bodies of the United Nations ----
  actor(
    'office.secretary-general',
    'office',
    ['Secretary-General', 'Secrétaire général', 'Secretario General', 'Генеральный секретарь', '秘书长', 'الأمين العام'],
    {
      en: ['Secretary[- ]General', 'UN Secretary-General'],
      fr: ['Secrétaire général'],
      es: ['Secretario General'],
      ru: [`Генеральн${RU} секретар${RU}`],
      ar: ['الأمين العام', 'الأمينَ العام'],
    },
  ),
  // The Secretary-General's envoys: Special Representatives, Special Envoys and Special Advisers
  // (the longer name wins over "Secretary-General" alone).
  actor(
    'office.special-representatives',
    'office',
    [
      'Special Representatives of the Secretary-General',
      'représentants spéciaux du Secrétaire général',
      'Representantes Especiales del Secretario General',
      'специальные представители Генерального секретаря',
      '秘书长特别代表',
      'الممثلون الخاصون للأمين العام',
    ],
    {
      en: [
        'Special (?:Representative|Envoy|Adviser|Coordinator)s?(?: of the Secretary[- ]General)?',
        "Secretary[- ]General[’']s (?:Special )?(?:Representative|Envoy|Adviser)s?",
        'Representatives of the Secretary[- ]General',
      ],
      fr: ['(?:représentant|envoyé|conseiller)(?:e)?s? spécia(?:l|le|ux|les)(?: du Secrétaire général)?'],
      es: ['(?:Representante|Enviad[oa]|Asesor(?:a)?)s? Especial(?:es)?(?: del Secretario General)?'],
      ru: [`Специальн${RU} (?:представител|посланник|советник)${RU}(?: Генерального секретаря)?`],
      zh: ['秘书长(?:特别代表|特使|特别顾问)', '特别代表', '特使'],
      ar: ['(?:الممثل|المبعوث|المستشار)(?:ون|ين)? الخاص(?:ون|ين)?(?: للأمين العام)?'],
    },
  ),
  // The two Co-Chairs who lead the STI Forum (ECOSOC) and write its summary.
  actor(
    'office.sti-forum-co-chairs',
    'office',
    [
      'Co-Chairs of the multi-stakeholder forum on science, technology and innovation for the Sustainable Development Goals',
      'Coprésidents du forum multipartite sur la science, la technologie et l’innovation au service de la réalisation des objectifs de développement durable',
      'Copresidentes del foro multipartito sobre la ciencia, la tecnología y la innovación para el logro de los Objetivos de Desarrollo Sostenible',
      'Сопредседатели многостороннего форума по вопросам науки, техники и инноваций в интересах достижения целей в области устойчивого развития',
      '科学、技术和创新促进可持续发展目标多利益攸关方论坛共同主席',
      'الرئيسان المشاركان للمنتدى المتعدد أصحاب المصلحة المعني بتسخير العلم والتكنولوجيا والابتكار لأغراض أهداف التنمية المستدامة',
    ],
    {
      en: [
        'Co-?Chairs of the (?:annual )?multi-?stakeholder forum on science, technology and innovation(?: for the Sustainable Development Goals)?',
        'Co-?Chairs of the STI Forum',
      ],
      fr: ["[Cc]oprésident(?:e)?s du [Ff]orum multipartite sur la science, la technologie et l[’'']innovation"],
      es: ['[Cc]opresidentes del [Ff]oro (?:multipartito|de múltiples interesados) sobre la ciencia, la tecnología y la innovación'],
      ru: [`[Сс]опредседател${RU} многосторонн${RU} форума по (?:вопросам )?науки, техник${RU} и инноваци${RU}`],
      zh: ['多利益攸关方论坛共同主席'],
    },
  ),
  actor(
    'office.president-general-assembly',
    'office',
    [
      'President of the General Assembly',
      "Président de l'Assemblée générale",
      'Presidente de la Asamblea General',
      'Председатель Генеральной Ассамблеи',
      '大会主席',
      'رئيس الجمعية العامة',
    ],
    {
      en: ['President of the General Assembly'],
      fr: ["Président(?:e)? de l['’]Assemblée générale"],
      ru: [`Председател${RU} Генеральной Ассамбле${RU}`],
    },
  ),
  actor(
    'body.general-assembly',
    'body',
    ['General Assembly', 'Assemblée générale', 'Asamblea General', 'Генеральная Ассамблея', '大会', 'الجمعية العامة'],
    { en: ['General Assembly', 'GA'], ru: [`Генеральн${RU} Ассамбле${RU}`] },
  ),
  actor(
    'body.ecosoc',
    'body',
    [
      'Economic and Social Council',
      'Conseil économique et social',
      'Consejo Económico y Social',
      'Экономический и Социальный Совет',
      '经济及社会理事会',
      'المجلس الاقتصادي والاجتماعي',
    ],
    { en: ['ECOSOC'], ru: [`Экономическ${RU} и Социальн${RU} Совет${RU}`, 'ЭКОСОС'], zh: ['经社理事会'] },
  ),
  actor(
    'body.cstd',
    'body',
    [
      'Commission on Science and Technology for Development',
      'Commission de la science et de la technique au service du développement',
      'Comisión de Ciencia y Tecnología para el Desarrollo',
      'Комиссия по науке и технике в целях развития',
      '科学和技术促进发展委员会',
      'لجنة تسخير العلم والتكنولوجيا لأغراض التنمية',
    ],
    {
      en: ['CSTD'],
      ru: [`Комисси${RU} по науке и техник${RU} в целях развития`],
      zh: ['科技促发委'],
      ar: ['(?:اللجنة المعنية ب|ل)جنة تسخير العلم والتكنولوجيا لأغراض التنمية', 'اللجنة المعنية بتسخير العلم والتكنولوجيا لأغراض التنمية'],
    },
  ),
  actor(
    'body.hlpf',
    'body',
    [
      'high-level political forum on sustainable development',
      'forum politique de haut niveau pour le développement durable',
      'foro político de alto nivel sobre el desarrollo sostenible',
      'политический форум высокого уровня по устойчивому развитию',
      '可持续发展问题高级别政治论坛',
      'المنتدى السياسي الرفيع المستوى المعني بالتنمية المستدامة',
    ],
    {
      en: ['high-level political forum(?! on sustainable development)', 'HLPF'],
      fr: ['forum politique de haut niveau'],
      es: ['foro político de alto nivel'],
      ru: [`политическ${RU} форум${RU} высокого уровня`],
      zh: ['高级别政治论坛'],
      ar: ['المنتدى السياسي الرفيع المستوى'],
    },
  ),
  actor(
    'body.ungis',
    'body',
    [
      'United Nations Group on the Information Society',
      "Groupe des Nations Unies sur la société de l'information",
      'Grupo de las Naciones Unidas sobre la Sociedad de la Información',
      'Группа Организации Объединенных Наций по информационному обществу',
      '联合国信息社会小组',
      'فريق الأمم المتحدة المعني بمجتمع المعلومات',
    ],
    {
      en: ['UNGIS'],
      fr: ["Groupe des Nations Unies sur la société de l['’]information"],
      ru: [`Групп${RU} Организации Объединенных Наций по информационному обществу`],
      ar: ['فريق الأمم المتحدة المعن[يى] بمجتمع المعلومات'],
    },
  ),
  actor(
    'body.igf',
    'body',
    [
      'Internet Governance Forum',
      "Forum sur la gouvernance d'Internet",
      'Foro para la Gobernanza de Internet',
      'Форум по вопросам управления Интернетом',
      '互联网治理论坛',
      'منتدى إدارة الإنترنت',
    ],
    {
      en: ['IGF'],
      fr: ["Forum sur la gouvernance d['’]Internet"],
      ru: [`Форум${RU} по вопросам управления Интернетом`],
      ar: ['منتدى إدارة الإنترن[تط]'],
    },
  ),
  actor(
    'body.regional-commissions',
    'body',
    ['regional commissions', 'commissions régionales', 'comisiones regionales', 'региональные комиссии', '区域委员会', 'اللجان الإقليمية'],
    { ru: [`региональн${RU} комисси${RU}`] },
  ),
  actor(
    'body.security-council',
    'body',
    ['Security Council', 'Conseil de sécurité', 'Consejo de Seguridad', 'Совет Безопасности', '安全理事会', 'مجلس الأمن'],
    { ru: [`Совет${RU} Безопасности`], zh: ['安理会'] },
  ),
  actor(
    'body.human-rights-council',
    'body',
    [
      'Human Rights Council',
      "Conseil des droits de l'homme",
      'Consejo de Derechos Humanos',
      'Совет по правам человека',
      '人权理事会',
      'مجلس حقوق الإنسان',
    ],
    { en: ['HRC'], fr: ["Conseil des droits de l['’]homme"], ru: [`Совет${RU} по правам человека`] },
  ),
  actor(
    'body.peacebuilding-commission',
    'body',
    [
      'Peacebuilding Commission',
      'Commission de consolidation de la paix',
      'Comisión de Consolidación de la Paz',
      'Комиссия по миростроительству',
      '建设和平委员会',
      'لجنة بناء السلام',
    ],
    { ru: [`Комисси${RU} по миростроительству`] },
  ),
  actor(
    'body.statistical-commission',
    'body',
    [
      'Statistical Commission',
      'Commission de statistique',
      'Comisión de Estadística',
      'Статистическая комиссия',
      '统计委员会',
      'اللجنة الإحصائية',
    ],
    { ru: [`Статистическ${RU} комисси${RU}`] },
  ),
  actor(
    'body.csw',
    'body',
    [
      'Commission on the Status of Women',
      'Commission de la condition de la femme',
      'Comisión de la Condición Jurídica y Social de la Mujer',
      'Комиссия по положению женщин',
      '妇女地位委员会',
      'لجنة وضع المرأة',
    ],
    { en: ['CSW'], ru: [`Комисси${RU} по положению женщин`] },
  ),
  actor(
    'body.social-development-commission',
    'body',
    [
      'Commission for Social Development',
      'Commission du développement social',
      'Comisión de Desarrollo Social',
      'Комиссия социального развития',
      '社会发展委员会',
      'لجنة التنمية الاجتماعية',
    ],
    { ru: [`Комисси${RU} социального развития`] },
  ),
  // The Council's independent experts: Special Rapporteurs, Independent Experts, working groups of the special procedures.
  actor(
    'body.special-procedures',
    'body',
    [
      'special procedures of the Human Rights Council',
      "procédures spéciales du Conseil des droits de l'homme",
      'procedimientos especiales del Consejo de Derechos Humanos',
      'специальные процедуры Совета по правам человека',
      '人权理事会特别程序',
      'الإجراءات الخاصة لمجلس حقوق الإنسان',
    ],
    {
      en: ['special procedures(?: mandate holders)?', 'Special Rapporteurs?', 'Independent Experts?'],
      fr: ['procédures spéciales', 'rapporteur(?:e)?s? spécia(?:l|le|ux|les)'],
      es: ['procedimientos especiales', 'Relator(?:a|es)? Especial(?:es)?'],
      ru: [`специальн${RU} процедур${RU}`, `Специальн${RU} докладчик${RU}`],
      zh: ['特别程序', '特别报告员'],
      ar: ['الإجراءات الخاصة', 'المقرر(?:ون|ين)? الخاص(?:ون|ين)?'],
    },
  ),
  actor(
    'body.partnership-measuring-ict',
    'body',
    [
      'Partnership on Measuring ICT for Development',
      'Partenariat sur la mesure des TIC au service du développement',
      'Asociación para la Medición de las TIC para el Desarrollo',
      'Партнерство по измерению ИКТ в целях развития',
      '衡量信通技术促进发展伙伴关系',
      'الشراكة المعنية بقياس تكنولوجيا المعلومات والاتصالات لأغراض التنمية',
    ],
    {
      en: ['Partnership on Measuring (?:Information and Communications? Technology|ICT) for Development'],
      ru: [`Партнерств${RU} по измерению ИКТ в целях развития`],
      ar: ['الشراكة المعنية بقياس تكنولوجيا المعلومات والاتصالات'],
    },
  ),
  actor(
    'body.iawg-ai',
    'body',
    [
      'Inter-Agency Working Group on Artificial Intelligence',
      "Groupe de travail interinstitutions sur l'intelligence artificielle",
      'Grupo de Trabajo Interinstitucional sobre Inteligencia Artificial',
      'Межучрежденческая рабочая группа по искусственному интеллекту',
      '人工智能问题机构间工作组',
      'الفريق العامل المشترك بين الوكالات المعني بالذكاء الاصطناعي',
    ],
    { ar: ['الفريق العامل المشترك بين الوكالات المعن[يى] بالذكاء الاصطناعي'] },
  ),
  actor(
    'group.action-line-facilitators',
    'group',
    [
      'action line facilitators',
      'facilitateurs des grandes orientations',
      'facilitadores de las líneas de acción',
      'координаторы направлений деятельности',
      '行动方针协调方',
      'ميسرو مسارات العمل',
    ],
    {
      en: ['action[- ]line facilitators', 'facilitators of the action lines'],
      ru: [`координатор${RU} направлений деятельности`],
      ar: ['مُ?يسّ?ر(?:ي|و) مسارات (?:ال)?عمل'],
    },
    // The facilitators seeded as organizations (src/frameworks/reference.ts): the tracker expands the group.
    { members: ['un.itu', 'un.unesco', 'un.undp', 'un.unctad', 'un.un-desa', 'un.who', 'un.fao', 'un.ilo', 'un.unep', 'un.upu', 'un.wmo'] },
  ),
  // ---- the UN system and its entities ----
  actor(
    'group.un-system',
    'group',
    [
      'United Nations system',
      'organismes des Nations Unies',
      'sistema de las Naciones Unidas',
      'система Организации Объединенных Наций',
      '联合国系统',
      'منظومة الأمم المتحدة',
    ],
    {
      en: [
        'UN system',
        'United Nations (?:system )?(?:entities|agencies|organizations|bodies)',
        '(?:relevant )?(?:specialized agencies|funds and programmes|funds, programmes and specialized agencies)',
        'entities of the United Nations system',
        'UN (?:agencies|funds|programmes|entities)',
        'agencies, funds and programmes',
        '(?:organizations|entities|bodies|organs|agencies)(?:,? (?:and|or) (?:bodies|entities|organs|organizations|agencies))? of the United Nations(?: system)?',
        'United Nations',
      ],
      fr: ['système des Nations Unies', 'entités des Nations Unies', 'institutions spécialisées'],
      es: ['entidades de las Naciones Unidas', 'organismos especializados'],
      ru: [`систем${RU} Организации Объединенных Наций`, `специализированн${RU} учреждени${RU}`],
      zh: ['联合国各实体', '专门机构'],
      ar: ['كيانات الأمم المتحدة', 'الوكالات المتخصصة'],
    },
  ),
  actor(
    'group.un-development-system',
    'group',
    [
      'United Nations development system',
      'système des Nations Unies pour le développement',
      'sistema de las Naciones Unidas para el desarrollo',
      'система Организации Объединенных Наций в целях развития',
      '联合国发展系统',
      'منظومة الأمم المتحدة الإنمائية',
    ],
    {
      en: [
        'UN development system',
        'entities of the (?:United Nations )?development system',
        'development system',
        'United Nations development system entities',
        'United Nations country teams',
        'resident coordinators?',
      ],
      ru: [`систем${RU} Организации Объединенных Наций в целях развития`],
    },
  ),
  actor(
    'un.itu',
    'un-entity',
    [
      'International Telecommunication Union',
      'Union internationale des télécommunications',
      'Unión Internacional de Telecomunicaciones',
      'Международный союз электросвязи',
      '国际电信联盟',
      'الاتحاد الدولي للاتصالات',
    ],
    { en: ['ITU'], fr: ['UIT'], es: ['UIT'], ru: ['МСЭ', `Международн${RU} союз${RU} электросвязи`], zh: ['国际电联'] },
    { organization: 'itu' },
  ),
  actor(
    'un.unesco',
    'un-entity',
    [
      'United Nations Educational, Scientific and Cultural Organization',
      "Organisation des Nations Unies pour l'éducation, la science et la culture",
      'Organización de las Naciones Unidas para la Educación, la Ciencia y la Cultura',
      'Организация Объединенных Наций по вопросам образования, науки и культуры',
      '联合国教育、科学及文化组织',
      'منظمة الأمم المتحدة للتربية والعلم والثقافة',
    ],
    { en: ['UNESCO'], fr: ['UNESCO'], es: ['UNESCO'], ru: ['ЮНЕСКО'], zh: ['教科文组织'], ar: ['اليونسكو'] },
    { organization: 'unesco' },
  ),
  actor(
    'un.undp',
    'un-entity',
    [
      'United Nations Development Programme',
      'Programme des Nations Unies pour le développement',
      'Programa de las Naciones Unidas para el Desarrollo',
      'Программа развития Организации Объединенных Наций',
      '联合国开发计划署',
      'برنامج الأمم المتحدة الإنمائي',
    ],
    { en: ['UNDP'], fr: ['PNUD'], es: ['PNUD'], ru: ['ПРООН'], zh: ['开发计划署'] },
  ),
  actor(
    'un.unctad',
    'un-entity',
    [
      'United Nations Conference on Trade and Development',
      'Conférence des Nations Unies sur le commerce et le développement',
      'Conferencia de las Naciones Unidas sobre Comercio y Desarrollo',
      'Конференция Организации Объединенных Наций по торговле и развитию',
      '联合国贸易和发展会议',
      'مؤتمر الأمم المتحدة للتجارة والتنمية',
    ],
    { en: ['UNCTAD'], fr: ['CNUCED'], es: ['UNCTAD'], ru: ['ЮНКТАД'], zh: ['贸发会议'], ar: ['الأونكتاد'] },
    { organization: 'unctad' },
  ),
  actor(
    'un.un-desa',
    'un-entity',
    [
      'Department of Economic and Social Affairs',
      'Département des affaires économiques et sociales',
      'Departamento de Asuntos Económicos y Sociales',
      'Департамент по экономическим и социальным вопросам',
      '经济和社会事务部',
      'إدارة الشؤون الاقتصادية والاجتماعية',
    ],
    { en: ['UN[- ]DESA', 'DESA'], ru: [`Департамент${RU} по экономическим и социальным вопросам`], zh: ['经社部'] },
    { organization: 'un-desa' },
  ),
  actor(
    'un.who',
    'un-entity',
    [
      'World Health Organization',
      'Organisation mondiale de la Santé',
      'Organización Mundial de la Salud',
      'Всемирная организация здравоохранения',
      '世界卫生组织',
      'منظمة الصحة العالمية',
    ],
    { en: ['WHO'], fr: ['OMS'], es: ['OMS'], ru: ['ВОЗ', `Всемирн${RU} организаци${RU} здравоохранения`], zh: ['世卫组织'] },
    { organization: 'who' },
  ),
  actor(
    'un.fao',
    'un-entity',
    [
      'Food and Agriculture Organization of the United Nations',
      "Organisation des Nations Unies pour l'alimentation et l'agriculture",
      'Organización de las Naciones Unidas para la Alimentación y la Agricultura',
      'Продовольственная и сельскохозяйственная организация Объединенных Наций',
      '联合国粮食及农业组织',
      'منظمة الأغذية والزراعة للأمم المتحدة',
    ],
    { en: ['FAO', 'Food and Agriculture Organization'], ru: ['ФАО'], zh: ['粮农组织'], ar: ['منظمة الأغذية والزراعة'] },
    { organization: 'fao' },
  ),
  actor(
    'un.ilo',
    'un-entity',
    [
      'International Labour Organization',
      'Organisation internationale du Travail',
      'Organización Internacional del Trabajo',
      'Международная организация труда',
      '国际劳工组织',
      'منظمة العمل الدولية',
    ],
    { en: ['ILO'], fr: ['OIT'], es: ['OIT'], ru: ['МОТ'], zh: ['劳工组织'] },
    { organization: 'ilo' },
  ),
  actor(
    'un.unep',
    'un-entity',
    [
      'United Nations Environment Programme',
      "Programme des Nations Unies pour l'environnement",
      'Programa de las Naciones Unidas para el Medio Ambiente',
      'Программа Организации Объединенных Наций по окружающей среде',
      '联合国环境规划署',
      'برنامج الأمم المتحدة للبيئة',
    ],
    { en: ['UNEP'], fr: ['PNUE'], es: ['PNUMA'], ru: ['ЮНЕП'], zh: ['环境署'] },
    { organization: 'unep' },
  ),
  actor(
    'un.upu',
    'un-entity',
    [
      'Universal Postal Union',
      'Union postale universelle',
      'Unión Postal Universal',
      'Всемирный почтовый союз',
      '万国邮政联盟',
      'الاتحاد البريدي العالمي',
    ],
    { en: ['UPU'], ru: ['ВПС'], zh: ['万国邮联'] },
    { organization: 'upu' },
  ),
  actor(
    'un.wmo',
    'un-entity',
    [
      'World Meteorological Organization',
      'Organisation météorologique mondiale',
      'Organización Meteorológica Mundial',
      'Всемирная метеорологическая организация',
      '世界气象组织',
      'المنظمة العالمية للأرصاد الجوية',
    ],
    { en: ['WMO'], fr: ['OMM'], es: ['OMM'], ru: ['ВМО'], zh: ['气象组织'] },
    { organization: 'wmo' },
  ),
  actor(
    'un.un-habitat',
    'un-entity',
    [
      'United Nations Human Settlements Programme (UN-Habitat)',
      'Programme des Nations Unies pour les établissements humains (ONU-Habitat)',
      'Programa de las Naciones Unidas para los Asentamientos Humanos (ONU-Hábitat)',
      'Программа Организации Объединенных Наций по населенным пунктам (ООН-Хабитат)',
      '联合国人类住区规划署（人居署）',
      'برنامج الأمم المتحدة للمستوطنات البشرية (موئل الأمم المتحدة)',
    ],
    {
      en: ['UN-Habitat', 'United Nations Human Settlements Programme'],
      fr: ['ONU-Habitat'],
      es: ['ONU-H[áa]bitat'],
      ru: ['ООН-Хабитат'],
      zh: ['人居署'],
      ar: ['موئل الأمم المتحدة'],
    },
  ),
  actor(
    'un.un-women',
    'un-entity',
    [
      'United Nations Entity for Gender Equality and the Empowerment of Women (UN-Women)',
      'Entité des Nations Unies pour l’égalité des sexes et l’autonomisation des femmes (ONU-Femmes)',
      'Entidad de las Naciones Unidas para la Igualdad de Género y el Empoderamiento de las Mujeres (ONU-Mujeres)',
      'Структура «ООН-женщины»',
      '联合国妇女署',
      'هيئة الأمم المتحدة للمرأة',
    ],
    {
      en: ['UN-Women', 'United Nations Entity for Gender Equality and the Empowerment of Women'],
      fr: ['ONU-Femmes'],
      es: ['ONU-Mujeres'],
      ru: ['ООН-женщины'],
      zh: ['妇女署'],
    },
  ),
  actor(
    'un.unodc',
    'un-entity',
    [
      'United Nations Office on Drugs and Crime',
      'Office des Nations Unies contre la drogue et le crime',
      'Oficina de las Naciones Unidas contra la Droga y el Delito',
      'Управление Организации Объединенных Наций по наркотикам и преступности',
      '联合国毒品和犯罪问题办公室',
      'مكتب الأمم المتحدة المعني بالمخدرات والجريمة',
    ],
    { en: ['UNODC'], fr: ['ONUDC'], es: ['UNODC'], ru: ['УНП ООН'], zh: ['毒品和犯罪问题办公室'] },
  ),
  actor(
    'un.unoct',
    'un-entity',
    [
      'Office of Counter-Terrorism',
      'Bureau de lutte contre le terrorisme',
      'Oficina de Lucha contra el Terrorismo',
      'Контртеррористическое управление',
      '反恐怖主义办公室',
      'مكتب مكافحة الإرهاب',
    ],
    { en: ['UNOCT', 'Counter-Terrorism Office'], ru: [`Контртеррористическ${RU} управлени${RU}`], zh: ['反恐办'] },
  ),
  actor(
    'un.imo',
    'un-entity',
    [
      'International Maritime Organization',
      'Organisation maritime internationale',
      'Organización Marítima Internacional',
      'Международная морская организация',
      '国际海事组织',
      'المنظمة البحرية الدولية',
    ],
    { en: ['IMO'], fr: ['OMI'], es: ['OMI'], ru: ['ИМО', `Международн${RU} морск${RU} организаци${RU}`] },
  ),
  actor(
    'un.unicef',
    'un-entity',
    [
      'United Nations Children’s Fund',
      "Fonds des Nations Unies pour l'enfance",
      'Fondo de las Naciones Unidas para la Infancia',
      'Детский фонд Организации Объединенных Наций',
      '联合国儿童基金会',
      'منظمة الأمم المتحدة للطفولة',
    ],
    { en: ['UNICEF', "United Nations Children['’]s Fund"], ru: ['ЮНИСЕФ'], zh: ['儿童基金会'], ar: ['اليونيسف'] },
  ),
  actor(
    'un.ohchr',
    'un-entity',
    [
      'Office of the United Nations High Commissioner for Human Rights',
      'Haut-Commissariat des Nations Unies aux droits de l’homme',
      'Oficina del Alto Comisionado de las Naciones Unidas para los Derechos Humanos',
      'Управление Верховного комиссара Организации Объединенных Наций по правам человека',
      '联合国人权事务高级专员办事处',
      'مفوضية الأمم المتحدة لحقوق الإنسان',
    ],
    { en: ['OHCHR', 'High Commissioner for Human Rights'] },
  ),
  actor(
    'un.ohrlls',
    'un-entity',
    [
      'Office of the High Representative for the Least Developed Countries, Landlocked Developing Countries and Small Island Developing States',
      'Bureau du Haut-Représentant pour les pays les moins avancés, les pays en développement sans littoral et les petits États insulaires en développement',
      'Oficina del Alto Representante para los Países Menos Adelantados, los Países en Desarrollo Sin Litoral y los Pequeños Estados Insulares en Desarrollo',
      'Канцелярия Высокого представителя по наименее развитым странам, развивающимся странам, не имеющим выхода к морю, и малым островным развивающимся государствам',
      '最不发达国家、内陆发展中国家和小岛屿发展中国家高级代表办事处',
      'مكتب الممثل السامي لأقل البلدان نموا والبلدان النامية غير الساحلية والدول الجزرية الصغيرة النامية',
    ],
    {
      en: [
        'UN-OHRLLS',
        'OHRLLS',
        'Office of the High Representative for the Least Developed Countries',
        // Texts on the LDCs, LLDCs and SIDS name it short once named in full.
        'Office of the High Representative(?! for (?!the Least))',
        'High Representative for the Least Developed Countries, Landlocked Developing Countries and Small Island Developing States',
      ],
    },
  ),
  actor(
    'un.wipo',
    'un-entity',
    [
      'World Intellectual Property Organization',
      'Organisation mondiale de la propriété intellectuelle',
      'Organización Mundial de la Propiedad Intelectual',
      'Всемирная организация интеллектуальной собственности',
      '世界知识产权组织',
      'المنظمة العالمية للملكية الفكرية',
    ],
    { en: ['WIPO'], fr: ['OMPI'], es: ['OMPI'], ru: ['ВОИС'], zh: ['知识产权组织'] },
  ),
  actor(
    'un.imf',
    'un-entity',
    [
      'International Monetary Fund',
      'Fonds monétaire international',
      'Fondo Monetario Internacional',
      'Международный валютный фонд',
      '国际货币基金组织',
      'صندوق النقد الدولي',
    ],
    { en: ['IMF'], fr: ['FMI'], es: ['FMI'], ru: ['МВФ'], zh: ['基金组织'] },
  ),
  actor('un.world-bank', 'un-entity', ['World Bank', 'Banque mondiale', 'Banco Mundial', 'Всемирный банк', '世界银行', 'البنك الدولي'], {
    en: ['World Bank Group'],
    ru: [`Всемирн${RU} банк${RU}`],
  }),
  actor(
    'org.wto',
    'group',
    [
      'World Trade Organization',
      'Organisation mondiale du commerce',
      'Organización Mundial del Comercio',
      'Всемирная торговая организация',
      '世界贸易组织',
      'منظمة التجارة العالمية',
    ],
    { en: ['WTO(?: members)?'], fr: ['OMC'], es: ['OMC'], ru: ['ВТО'], zh: ['世贸组织'] },
  ),
  // ---- States and stakeholder groups ----
  actor(
    'group.member-states',
    'group',
    ['Member States', 'États Membres', 'Estados Miembros', 'государства-члены', '会员国', 'الدول الأعضاء'],
    {
      en: [
        '(?:all )?States(?: Members(?: of the United Nations)?)?',
        '(?:all )?Governments',
        'countries',
        'national Governments',
        'Member Governments',
        'member countries',
      ],
      fr: ['(?:tous les )?États', '(?:les )?gouvernements'],
      es: ['(?:todos los )?Estados', '(?:los )?gobiernos'],
      ru: [`государств${RU}-член${RU}`, `(?:все )?государств${RU}`, `правительств${RU}`],
      zh: ['各国政府', '各国', '所有国家'],
      ar: ['الدول', 'جميع الدول', 'الحكومات'],
    },
  ),
  actor(
    'group.developed-countries',
    'group',
    ['developed countries', 'pays développés', 'países desarrollados', 'развитые страны', '发达国家', 'البلدان المتقدمة النمو'],
    {
      // "developed country Parties": the developed countries as parties to a convention (UNFCCC usage).
      en: ['developed country (?:partners|parties)', 'donor countries', '(?:international )?donor community', 'donors', 'ODA providers'],
      ru: [`развит${RU} стран${RU}`],
      ar: ['البلدان المتقدمة'],
    },
  ),
  actor(
    'group.developing-countries',
    'group',
    ['developing countries', 'pays en développement', 'países en desarrollo', 'развивающиеся страны', '发展中国家', 'البلدان النامية'],
    {
      en: [
        '(?:least developed|landlocked developing) countries',
        'developing country parties',
        'small island developing States',
        'African countries',
        'programme countries',
      ],
      ru: [`развивающ${RU} стран${RU}`],
    },
  ),
  actor(
    'group.development-partners',
    'group',
    [
      'development partners',
      'partenaires de développement',
      'asociados para el desarrollo',
      'партнеры по развитию',
      '发展伙伴',
      'الشركاء في التنمية',
    ],
    {
      en: [
        '(?:bilateral )?development partners',
        'relevant partners',
        'partners',
        'donor (?:countries|agencies|community|Governments)',
        'donors',
      ],
      ru: [`партнер${RU} по развитию`],
    },
  ),
  actor(
    'group.international-organizations',
    'group',
    [
      'international organizations',
      'organisations internationales',
      'organizaciones internacionales',
      'международные организации',
      '国际组织',
      'المنظمات الدولية',
    ],
    {
      en: [
        '(?:relevant )?(?:international|intergovernmental|multilateral) organizations',
        // "international and regional organizations", "international, regional and subregional organizations": two groups.
        '(?:relevant )?international(?=,? (?:and )?regional(?: and subregional)? organizations)',
        'intergovernmental(?= and non-governmental organizations)',
        'relevant organizations',
      ],
      ru: [`международн${RU} организаци${RU}`],
    },
  ),
  actor(
    'group.regional-organizations',
    'group',
    [
      'regional organizations',
      'organisations régionales',
      'organizaciones regionales',
      'региональные организации',
      '区域组织',
      'المنظمات الإقليمية',
    ],
    {
      en: ['regional and subregional organizations', 'subregional organizations', 'African Union', 'European Union'],
      ru: [`региональн${RU} организаци${RU}`],
    },
  ),
  actor(
    'group.financial-institutions',
    'group',
    [
      'international financial institutions',
      'institutions financières internationales',
      'instituciones financieras internacionales',
      'международные финансовые учреждения',
      '国际金融机构',
      'المؤسسات المالية الدولية',
    ],
    {
      en: [
        '(?:international |regional |multilateral )?(?:financial|development) (?:and (?:development|banking) )?(?:institutions|banks)',
        'multilateral development banks',
        'development finance institutions',
        'Bretton Woods institutions',
      ],
      ru: [`международн${RU} финансов${RU} учреждени${RU}`],
    },
  ),
  actor(
    'group.humanitarian-organizations',
    'group',
    [
      'humanitarian organizations',
      'organisations humanitaires',
      'organizaciones humanitarias',
      'гуманитарные организации',
      '人道主义组织',
      'المنظمات الإنسانية',
    ],
    {
      en: ['humanitarian (?:and development )?(?:organizations|actors|agencies)', 'humanitarian(?= and development organizations)'],
      ru: [`гуманитарн${RU} организаци${RU}`],
    },
  ),
  // "Calls upon all parties to armed conflict to…": in "parties to conflict", "to" is the preposition.
  actor(
    'group.parties-to-conflict',
    'group',
    [
      'parties to armed conflict',
      'parties aux conflits armés',
      'partes en conflictos armados',
      'стороны в вооруженных конфликтах',
      '武装冲突各方',
      'أطراف النزاعات المسلحة',
    ],
    {
      en: ['parties to (?:(?:an|the) )?(?:armed )?conflicts?', 'parties to (?:the )?(?:armed )?conflict'],
      fr: ['parties (?:aux|à un|au) conflits? armés?', 'parties aux conflits'],
      es: ['partes en (?:los |un )?conflictos? armados?'],
      ru: [`сторон${RU} (?:в )?вооруженн${RU} конфликт${RU}`],
      zh: ['冲突各方'],
      ar: ['أطراف (?:النزاع|النزاعات)(?: المسلحة)?'],
    },
  ),
  actor(
    'group.international-community',
    'group',
    [
      'international community',
      'communauté internationale',
      'comunidad internacional',
      'международное сообщество',
      '国际社会',
      'المجتمع الدولي',
    ],
    { ru: [`международн${RU} сообществ${RU}`] },
  ),
  actor(
    'group.private-sector',
    'group',
    ['private sector', 'secteur privé', 'sector privado', 'частный сектор', '私营部门', 'القطاع الخاص'],
    {
      en: ['business(?:es| sector| community)?', 'industry', '(?:private |transnational )?(?:companies|enterprises)', 'private entities'],
      ru: [`частн${RU} сектор${RU}`],
    },
  ),
  actor('group.trade-unions', 'group', ['trade unions', 'syndicats', 'sindicatos', 'профсоюзы', '工会', 'النقابات العمالية'], {
    en: ['trade unions', "workers[’'] organizations"],
    fr: ['syndicats', 'organisations de travailleurs'],
    es: ['sindicatos', 'organizaciones de trabajadores'],
    ru: [`профсоюз${RU}`, `профессиональн${RU} союз${RU}`],
    ar: ['النقابات'],
  }),
  actor(
    'group.statistical-offices',
    'group',
    [
      'national statistical offices',
      'instituts nationaux de statistique',
      'oficinas nacionales de estadística',
      'национальные статистические управления',
      '国家统计局',
      'المكاتب الإحصائية الوطنية',
    ],
    {
      en: ['(?:official |national )?statistical (?:agencies|offices|authorities)', 'national statistical systems'],
      fr: ['instituts nationaux de statistique', 'services statistiques nationaux'],
      es: ['oficinas nacionales de estadística', 'oficinas de estadística'],
      ru: [`национальн${RU} статистическ${RU} (?:управлени${RU}|служб${RU})`],
      ar: ['المكاتب الإحصائية'],
    },
  ),
  // Donors named beside the private sector ("international organizations, foundations and the private sector").
  actor(
    'group.philanthropy',
    'group',
    [
      'philanthropic foundations',
      'fondations philanthropiques',
      'fundaciones filantrópicas',
      'благотворительные фонды',
      '慈善基金会',
      'المؤسسات الخيرية',
    ],
    {
      en: ['(?<!(?:strong|solid|firm|the) )(?:private |philanthropic )?foundations', 'philanthropic organizations', 'philanthropies'],
      fr: ['fondations'],
      es: ['fundaciones'],
      ru: [`благотворительн${RU} фонд${RU}`],
      zh: ['基金会'],
      ar: ['المؤسسات الخيرية'],
    },
  ),
  // Contributors to the trust funds of the law of the sea ("States, … non-governmental organizations and natural and juridical persons").
  actor(
    'group.natural-juridical-persons',
    'group',
    [
      'natural and juridical persons',
      'personnes physiques et morales',
      'personas naturales y jurídicas',
      'физические и юридические лица',
      '自然人和法人',
      'الأشخاص الطبيعيون والاعتباريون',
    ],
    {
      en: ['natural (?:and|or) juridical persons'],
      fr: ['personnes physiques (?:et|ou) morales'],
      es: ['personas (?:naturales|físicas) (?:y|o) jurídicas'],
      ru: [`физическ${RU} и юридическ${RU} лиц${RU}`],
      ar: ['الأشخاص الطبيعيين والاعتباريين'],
    },
  ),
  actor(
    'group.civil-society',
    'group',
    ['civil society', 'société civile', 'sociedad civil', 'гражданское общество', '民间社会', 'المجتمع المدني'],
    {
      en: ['civil society organizations', 'non-governmental organizations', 'NGOs', 'major groups'],
      fr: ['organisations non gouvernementales'],
      es: ['organizaciones no gubernamentales'],
      ru: [`гражданск${RU} обществ${RU}`, `неправительственн${RU} организаци${RU}`],
      zh: ['非政府组织'],
      ar: ['المنظمات غير الحكومية'],
    },
  ),
  actor(
    'group.technical-community',
    'group',
    ['technical community', 'communauté technique', 'comunidad técnica', 'техническое сообщество', '技术界', 'الأوساط التقنية'],
    {
      en: ['technical (?:and academic )?communit(?:y|ies)'],
      fr: ['communautés? techniques?'],
      es: ['comunidad(?:es)? técnicas?'],
      ru: [`техническ${RU} сообществ${RU}`],
      ar: ['الأوساط التقنية', 'المجتمع التقني'],
    },
  ),
  actor(
    'group.academia',
    'group',
    ['academic community', 'milieux universitaires', 'comunidad académica', 'научные круги', '学术界', 'الأوساط الأكاديمية'],
    {
      en: [
        'academia',
        'academic (?:and research )?(?:institutions|community|communities)',
        // "academia and research institutions": one group, as the annotation's "research institutions".
        '(?:scientific and )?research institutions',
        'scientific (?:and academic )?communities',
        '(?<=technical and )academic communities',
        'scientific community',
      ],
      fr: ['monde universitaire', 'milieux universitaires'],
      es: ['círculos académicos', 'instituciones académicas'],
      ru: [`научн${RU} круг${RU}`, `академическ${RU} сообществ${RU}`],
      ar: ['الأوساط الأكاديمية', 'الأوساط الأكاديمية والتقنية'],
    },
  ),
  // The media, asked beside civil society and academia ("civil society, the media, academia and
  // research institutions"); not social or digital media, nor media literacy.
  actor(
    'group.media',
    'group',
    ['the media', 'les médias', 'los medios de comunicación', 'средства массовой информации', '媒体', 'وسائط الإعلام'],
    {
      en: [
        '(?<!(?:social|digital|online|news|new|and information)[- ])media(?![- ](?:and information )?literacy| platforms| content| outlets? of| and communications)',
        'mass media',
        'media organizations',
      ],
      fr: ['médias'],
      es: ['medios de comunicación'],
      ru: [`средств${RU} массовой информации`, 'СМИ'],
      zh: ['媒体'],
      ar: ['وسائط الإعلام', 'وسائل الإعلام'],
    },
  ),
  actor(
    'group.all-stakeholders',
    'group',
    [
      'all stakeholders',
      'toutes les parties prenantes',
      'todas las partes interesadas',
      'все заинтересованные стороны',
      '所有利益攸关方',
      'جميع أصحاب المصلحة',
    ],
    {
      en: ['(?:all |other |relevant |other relevant |all relevant |multiple )*stakeholders', 'all actors', 'relevant actors'],
      fr: ['(?:autres )?parties prenantes'],
      es: ['(?:otras )?partes interesadas'],
      ru: [`(?:все${RU} |други${RU} )?заинтересованн${RU} сторон${RU}`],
      zh: ['(?:其他|所有)?利益攸关方'],
      ar: ['(?:جميع )?(?:الجهات )?(?:أصحاب|صاحبة) المصلحة(?: الآخرين)?'],
    },
  ),
  actor('group.parliaments', 'group', ['parliaments', 'parlements', 'parlamentos', 'парламенты', '议会', 'البرلمانات'], {
    en: ['parliamentarians', 'national parliaments'],
  }),
];

const byId = new Map(ACTORS.map((a) => [a.id, a]));

/** The catalogue entry for an id, or undefined. */
export function actorById(id: string): Actor | undefined {
  return byId.get(id);
}

/** The name of an actor in the reader's language; unknown ids are shown as they are. */
export function actorName(id: string, lang: Language): string {
  return byId.get(id)?.names[lang] ?? id;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// One pattern per actor and language: its display name in that language, its aliases there and,
// for acronyms and names the texts quote in English whatever their language, the English aliases too.
const matchers: Record<Language, { id: string; re: RegExp }[]> = Object.fromEntries(
  (['ar', 'en', 'es', 'fr', 'ru', 'zh'] as const).map((lang) => [
    lang,
    ACTORS.map((a) => {
      const sources = [escape(a.names[lang]).replace(/'/g, "['’]"), ...(a.aliases[lang] ?? [])];
      if (lang !== 'en') sources.push(...(a.aliases.en ?? []).filter((s) => /^[A-Z][A-Z-]+$/.test(s)));
      const alternation = sources.join('|');
      // Latin and Cyrillic names must stand as whole words, not the end of a compound ("Under-Secretary-General"
      // is not the Secretary-General); Chinese and Arabic have no such edges here.
      const pattern =
        lang === 'zh' || lang === 'ar' ? `(?:${alternation})` : `(?<![\\p{L}\\p{N}]|\\p{L}-)(?:${alternation})(?![\\p{L}\\p{N}])`;
      return { id: a.id, re: new RegExp(pattern, lang === 'zh' || lang === 'ar' ? 'gu' : 'giu') };
    }),
  ]),
) as Record<Language, { id: string; re: RegExp }[]>;

export interface ActorMention {
  id: string;
  /** The words that named the actor. */
  text: string;
  index: number;
}

/**
 * The catalogue actors a phrase names, in order, each once (where first named); overlapping
 * names resolve to the longest ("President of the General Assembly", not "General Assembly").
 *
 * @example
 * findActors('the Commission on Science and Technology for Development and ECOSOC', 'en')
 * // [{ id: 'body.cstd', … }, { id: 'body.ecosoc', … }]
 */
export function findActors(text: string, lang: Language): ActorMention[] {
  // Requested actions look up the same clause several times: the answers are kept for a while.
  const key = `${lang}\u0000${text}`;
  const cached = recent.get(key);
  if (cached) return cached;
  const found = anyActor[lang].test(text) ? scan(text, lang) : [];
  if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value ?? '');
  recent.set(key, found);
  return found;
}

const RECENT_MAX = 512;
const recent = new Map<string, ActorMention[]>();

// One pattern for all actors of a language: most clauses name none, and one pass says so.
const anyActor: Record<Language, RegExp> = Object.fromEntries(
  Object.entries(matchers).map(([lang, list]) => [
    lang,
    new RegExp(list.map((m) => m.re.source).join('|'), list[0]?.re.flags.replace('g', '') ?? 'u'),
  ]),
) as Record<Language, RegExp>;

function scan(text: string, lang: Language): ActorMention[] {
  const hits: ActorMention[] = [];
  for (const { id, re } of matchers[lang]) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) if (m[0].length > 0) hits.push({ id, text: m[0], index: m.index });
  }
  hits.sort((a, b) => b.text.length - a.text.length || a.index - b.index);
  const kept: ActorMention[] = [];
  for (const h of hits) {
    const overlaps = kept.some((k) => h.index < k.index + k.text.length && k.index < h.index + h.text.length);
    if (!overlaps) kept.push(h);
  }
  // Each actor once, where it is first named.
  return kept.sort((a, b) => a.index - b.index).filter((h, i, all) => all.findIndex((k) => k.id === h.id) === i);
}
