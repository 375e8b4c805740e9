"""Vocabularies: topics, regions and countries, audiences, resource types, organisations.

A term is translated into each language its name has a translation for. Organisations keep
their own names in every language and are not translated.

Long because it is data, not code: every term's name with its translations.
"""

from ..text import T

TOPICS = [
    {
        "slug": "child-labour",
        "name": T(
            "Child labour", fr="Travail des enfants", es="Trabajo infantil", ar="عمل الأطفال"
        ),
        "description": T(
            "Work that harms children's health, schooling or development, and how to end it.",
            fr="Le travail qui nuit à la santé, à la scolarité ou au développement des enfants, et "
            "comment y mettre fin.",
            es="El trabajo que daña la salud, la escolaridad o el desarrollo de niñas y niños, y cómo "
            "erradicarlo.",
            ar="العمل الذي يضر بصحة الأطفال أو تعليمهم أو نموهم، وسبل إنهائه.",
        ),
    },
    {
        "slug": "children-on-the-move",
        "name": T(
            "Children on the move",
            fr="Enfants en déplacement",
            es="Niñez en movimiento",
            ar="الأطفال المتنقلون",
        ),
        "description": T(
            "Children who migrate or are displaced, with or without their families.",
            fr="Les enfants qui migrent ou sont déplacés, avec ou sans leur famille.",
            es="Niñas y niños que migran o están desplazados, con o sin su familia.",
            ar="الأطفال الذين يهاجرون أو يُهجَّرون، مع أسرهم أو من دونها.",
        ),
    },
    {
        "slug": "alternative-care",
        "name": T(
            "Alternative care",
            fr="Protection de remplacement",
            es="Cuidado alternativo",
            ar="الرعاية البديلة",
        ),
        "description": T(
            "Care for children who cannot live with their parents: kinship, foster and residential care.",
            fr="La prise en charge des enfants qui ne peuvent pas vivre avec leurs parents : famille "
            "élargie, accueil familial, établissements.",
            es="El cuidado de niñas y niños que no pueden vivir con sus padres: familia extensa, "
            "acogimiento familiar y residencial.",
            ar="رعاية الأطفال الذين لا يستطيعون العيش مع والديهم: الرعاية لدى الأقارب والأسر الحاضنة "
            "والمؤسسات.",
        ),
    },
    {
        "slug": "lgbtqi-children",
        "name": T(
            "LGBTQI+ children and young people",
            fr="Enfants et jeunes LGBTQI+",
            es="Niñez y juventud LGBTQI+",
            ar="الأطفال واليافعون من مجتمع الميم",
        ),
        "description": T(
            "Safe, respectful support for children of every sexual orientation and gender identity.",
            fr="Un soutien sûr et respectueux pour les enfants de toute orientation sexuelle et "
            "identité de genre.",
            es="Apoyo seguro y respetuoso para niñas, niños y jóvenes de toda orientación sexual e "
            "identidad de género.",
            ar="دعم آمن ومحترم للأطفال من جميع التوجهات الجنسية والهويات الجندرية.",
        ),
    },
    {
        "slug": "inclusive-practice",
        "name": T(
            "Inclusive practice",
            fr="Pratique inclusive",
            es="Práctica inclusiva",
            ar="الممارسة الشاملة",
        ),
        "description": T(
            "Services that every child can reach and use, whatever their language, ability or background.",
            fr="Des services que chaque enfant peut joindre et utiliser, quels que soient sa langue, "
            "ses capacités ou son origine.",
            es="Servicios a los que toda niña o niño puede acceder, sea cual sea su idioma, capacidad "
            "u origen.",
            ar="خدمات يستطيع كل طفل الوصول إليها واستخدامها مهما كانت لغته أو قدراته أو خلفيته.",
        ),
    },
    {
        "slug": "child-helplines",
        "name": T(
            "Child helplines",
            fr="Lignes d'assistance pour enfants",
            es="Líneas de ayuda a la infancia",
            ar="خطوط مساندة الطفل",
        ),
        "description": T(
            "Phone, chat and text services where children can talk to a trained counsellor.",
            fr="Services par téléphone, chat ou SMS où les enfants parlent à un écoutant formé.",
            es="Servicios por teléfono, chat o mensajes donde niñas y niños hablan con personal "
            "capacitado.",
            ar="خدمات هاتفية ودردشة ورسائل يتحدث فيها الأطفال إلى مستشار مدرَّب.",
        ),
    },
    {
        "slug": "staff-wellbeing",
        "name": T(
            "Staff wellbeing and self-care",
            fr="Bien-être du personnel et soin de soi",
            es="Bienestar y autocuidado del personal",
            ar="رفاه العاملين والرعاية الذاتية",
        ),
        "description": T(
            "Looking after the people who look after children.",
            fr="Prendre soin de celles et ceux qui prennent soin des enfants.",
            es="Cuidar a quienes cuidan de la infancia.",
            ar="رعاية من يرعون الأطفال.",
        ),
    },
    {
        "slug": "mental-health",
        "name": T(
            "Mental health and psychosocial support",
            fr="Santé mentale et soutien psychosocial",
            es="Salud mental y apoyo psicosocial",
            ar="الصحة النفسية والدعم النفسي الاجتماعي",
        ),
        "description": T(
            "Emotional wellbeing of children and of the adults around them.",
            fr="Le bien-être émotionnel des enfants et des adultes qui les entourent.",
            es="El bienestar emocional de la infancia y de las personas adultas que la rodean.",
            ar="السلامة العاطفية للأطفال وللبالغين المحيطين بهم.",
        ),
    },
    {
        "slug": "family-strengthening",
        "name": T(
            "Family strengthening and reintegration",
            fr="Renforcement des familles et réintégration",
            es="Fortalecimiento familiar y reintegración",
            ar="تعزيز الأسرة وإعادة الإدماج",
        ),
        "description": T(
            "Helping families stay together, and children return home safely.",
            fr="Aider les familles à rester unies et les enfants à rentrer chez eux en sécurité.",
            es="Ayudar a que las familias permanezcan unidas y a que niñas y niños regresen a casa con "
            "seguridad.",
            ar="مساعدة الأسر على البقاء معًا وعودة الأطفال إلى بيوتهم بأمان.",
        ),
    },
    {
        "slug": "child-trafficking",
        "name": T(
            "Trafficking and exploitation",
            fr="Traite et exploitation",
            es="Trata y explotación",
            ar="الاتجار والاستغلال",
        ),
        "description": T(
            "Recognising and responding to the recruitment and exploitation of children.",
            fr="Repérer le recrutement et l'exploitation des enfants et y répondre.",
            es="Reconocer el reclutamiento y la explotación de niñas y niños y responder a ellos.",
            ar="التعرف على تجنيد الأطفال واستغلالهم والاستجابة لذلك.",
        ),
    },
    {
        "slug": "knowledge-management",
        "name": T(
            "Knowledge management",
            fr="Gestion des connaissances",
            es="Gestión del conocimiento",
            ar="إدارة المعرفة",
        ),
        "description": T(
            "Collecting, reviewing and sharing what practitioners learn.",
            fr="Recueillir, relire et partager ce que les praticiens apprennent.",
            es="Recopilar, revisar y compartir lo que aprenden las y los profesionales.",
            ar="جمع ما يتعلمه الممارسون ومراجعته وتبادله.",
        ),
    },
]

RESOURCE_TYPES = [
    {
        "slug": "publication",
        "name": T("Publication", fr="Publication", es="Publicación", ar="منشور"),
        "description": T(
            "Reports, studies and practice papers.",
            fr="Rapports, études et notes de pratique.",
            es="Informes, estudios y documentos de práctica.",
            ar="تقارير ودراسات وأوراق عن الممارسة.",
        ),
    },
    {
        "slug": "guideline-or-tool",
        "name": T(
            "Guideline or tool",
            fr="Ligne directrice ou outil",
            es="Guía o herramienta",
            ar="دليل أو أداة",
        ),
        "description": T(
            "Step-by-step guidance, checklists and templates for daily work.",
            fr="Conseils pas à pas, listes de contrôle et modèles pour le travail quotidien.",
            es="Orientaciones paso a paso, listas de verificación y plantillas para el trabajo "
            "diario.",
            ar="إرشادات خطوة بخطوة وقوائم تحقق ونماذج للعمل اليومي.",
        ),
    },
    {
        "slug": "training-material",
        "name": T(
            "Training material",
            fr="Matériel de formation",
            es="Material de formación",
            ar="مواد تدريبية",
        ),
        "description": T(
            "Session plans, handouts and exercises for trainers and learners.",
            fr="Plans de séance, fiches et exercices pour formateurs et apprenants.",
            es="Planes de sesión, fichas y ejercicios para formadores y alumnado.",
            ar="خطط جلسات ومواد توزَّع وتمارين للمدربين والمتعلمين.",
        ),
    },
    {
        "slug": "video",
        "name": T("Video", fr="Vidéo", es="Vídeo", ar="فيديو"),
        "description": T(
            "Recorded talks and demonstrations, with a transcript or summary.",
            fr="Interventions et démonstrations enregistrées, avec transcription ou résumé.",
            es="Charlas y demostraciones grabadas, con transcripción o resumen.",
            ar="محاضرات وعروض مسجلة مع نص مكتوب أو ملخص.",
        ),
    },
    {
        "slug": "statistics-or-dataset",
        "name": T(
            "Statistics or dataset",
            fr="Statistiques ou jeu de données",
            es="Estadísticas o conjunto de datos",
            ar="إحصاءات أو مجموعة بيانات",
        ),
        "description": T(
            "Figures, indicators and data files with their sources.",
            fr="Chiffres, indicateurs et fichiers de données avec leurs sources.",
            es="Cifras, indicadores y archivos de datos con sus fuentes.",
            ar="أرقام ومؤشرات وملفات بيانات مع مصادرها.",
        ),
    },
    {
        "slug": "external-database",
        "name": T(
            "External database or website",
            fr="Base de données ou site externe",
            es="Base de datos o sitio web externo",
            ar="قاعدة بيانات أو موقع خارجي",
        ),
        "description": T(
            "Collections maintained by other organisations, linked from the portal.",
            fr="Collections tenues par d'autres organisations, accessibles depuis le portail.",
            es="Colecciones mantenidas por otras organizaciones, enlazadas desde el portal.",
            ar="مجموعات تديرها منظمات أخرى، مرتبطة من البوابة.",
        ),
    },
]

AUDIENCES = [
    {
        "slug": "child-helpline-counsellors",
        "name": T(
            "Child helpline counsellors",
            fr="Écoutants des lignes d'assistance",
            es="Personal de orientación de líneas de ayuda",
            ar="مستشارو خطوط مساندة الطفل",
        ),
    },
    {
        "slug": "social-workers",
        "name": T(
            "Social workers and case managers",
            fr="Travailleurs sociaux et gestionnaires de cas",
            es="Trabajo social y gestión de casos",
            ar="الأخصائيون الاجتماعيون ومديرو الحالات",
        ),
    },
    {
        "slug": "care-practitioners",
        "name": T(
            "Care practitioners",
            fr="Professionnels de la prise en charge",
            es="Profesionales del cuidado",
            ar="العاملون في الرعاية",
        ),
    },
    {
        "slug": "labour-inspectors",
        "name": T(
            "Labour inspectors and community monitors",
            fr="Inspecteurs du travail et veilleurs communautaires",
            es="Inspección laboral y monitoreo comunitario",
            ar="مفتشو العمل والمراقبون المجتمعيون",
        ),
    },
    {
        "slug": "programme-managers",
        "name": T(
            "Programme managers",
            fr="Responsables de programme",
            es="Responsables de programas",
            ar="مديرو البرامج",
        ),
    },
    {
        "slug": "policy-makers",
        "name": T(
            "Policy makers", fr="Décideurs", es="Responsables de políticas", ar="صانعو السياسات"
        ),
    },
    {
        "slug": "trainers",
        "name": T(
            "Trainers and facilitators",
            fr="Formateurs et animateurs",
            es="Formación y facilitación",
            ar="المدربون والميسرون",
        ),
    },
]


def _region(slug, en, fr, es, ar, parent=None):
    spec = {
        "slug": slug,
        "name": T(en, fr=fr, es=es, ar=ar),
        "kind": "country" if parent else "region",
    }
    if parent:
        spec["parent"] = parent
    return spec


REGIONS = [
    _region("global", "Global", "Monde", "Mundial", "عالمي"),
    _region("africa", "Africa", "Afrique", "África", "أفريقيا"),
    _region(
        "asia-pacific",
        "Asia and the Pacific",
        "Asie et Pacifique",
        "Asia y el Pacífico",
        "آسيا والمحيط الهادئ",
    ),
    _region(
        "europe-central-asia",
        "Europe and Central Asia",
        "Europe et Asie centrale",
        "Europa y Asia Central",
        "أوروبا وآسيا الوسطى",
    ),
    _region(
        "latin-america-caribbean",
        "Latin America and the Caribbean",
        "Amérique latine et Caraïbes",
        "América Latina y el Caribe",
        "أمريكا اللاتينية والكاريبي",
    ),
    _region(
        "middle-east-north-africa",
        "Middle East and North Africa",
        "Moyen-Orient et Afrique du Nord",
        "Oriente Medio y Norte de África",
        "الشرق الأوسط وشمال أفريقيا",
    ),
    _region("ghana", "Ghana", "Ghana", "Ghana", "غانا", parent="africa"),
    _region(
        "cote-divoire",
        "Côte d'Ivoire",
        "Côte d'Ivoire",
        "Costa de Marfil",
        "كوت ديفوار",
        parent="africa",
    ),
    _region("kenya", "Kenya", "Kenya", "Kenia", "كينيا", parent="africa"),
    _region("uganda", "Uganda", "Ouganda", "Uganda", "أوغندا", parent="africa"),
    _region("india", "India", "Inde", "India", "الهند", parent="asia-pacific"),
    _region(
        "bangladesh", "Bangladesh", "Bangladesh", "Bangladés", "بنغلاديش", parent="asia-pacific"
    ),
    _region(
        "philippines", "Philippines", "Philippines", "Filipinas", "الفلبين", parent="asia-pacific"
    ),
    _region("greece", "Greece", "Grèce", "Grecia", "اليونان", parent="europe-central-asia"),
    _region("italy", "Italy", "Italie", "Italia", "إيطاليا", parent="europe-central-asia"),
    _region("mexico", "Mexico", "Mexique", "México", "المكسيك", parent="latin-america-caribbean"),
    _region(
        "guatemala",
        "Guatemala",
        "Guatemala",
        "Guatemala",
        "غواتيمالا",
        parent="latin-america-caribbean",
    ),
    _region(
        "colombia", "Colombia", "Colombie", "Colombia", "كولومبيا", parent="latin-america-caribbean"
    ),
    _region("lebanon", "Lebanon", "Liban", "Líbano", "لبنان", parent="middle-east-north-africa"),
    _region(
        "jordan", "Jordan", "Jordanie", "Jordania", "الأردن", parent="middle-east-north-africa"
    ),
    _region(
        "morocco", "Morocco", "Maroc", "Marruecos", "المغرب", parent="middle-east-north-africa"
    ),
]

FICTIONAL = "A fictional organisation that exists only in the portal's demo content."


def _org(slug, name, acronym="", website="", description=""):
    return {
        "slug": slug,
        "name": name,
        "acronym": acronym,
        "website": website,
        "description": description,
    }


ORGANISATIONS = [
    _org(
        "cpkn",
        "Child Protection Knowledge Network",
        "CPKN",
        "https://portal.example.org",
        "The network that runs this portal (fictional, for the demo).",
    ),
    _org(
        "rural-childhood-alliance",
        "Rural Childhood Alliance",
        "RCA",
        "https://rural-childhood.example.org",
        FICTIONAL,
    ),
    _org(
        "helpline-practice-forum",
        "Helpline Practice Forum",
        "HPF",
        "https://helpline-forum.example.org",
        FICTIONAL,
    ),
    _org(
        "mediterranean-reception-forum",
        "Mediterranean Reception Practitioners Forum",
        "MRPF",
        "https://reception-forum.example.org",
        FICTIONAL,
    ),
    _org(
        "andean-family-care-network",
        "Andean Family Care Network",
        "AFCN",
        "https://family-care.example.org",
        FICTIONAL,
    ),
    _org(
        "northfield-foundation",
        "Northfield Foundation",
        "",
        "https://northfield.example.org",
        FICTIONAL,
    ),
    _org(
        "ifrc",
        "International Federation of Red Cross and Red Crescent Societies",
        "IFRC",
        "https://www.ifrc.org",
    ),
    _org("iss", "International Social Service", "ISS", "https://www.iss-ssi.org"),
    _org(
        "ilo-ipec",
        "International Programme on the Elimination of Child Labour (ILO)",
        "IPEC",
        "https://www.ilo.org",
    ),
    _org("unicef", "United Nations Children's Fund", "UNICEF", "https://www.unicef.org"),
    _org(
        "unhcr", "United Nations High Commissioner for Refugees", "UNHCR", "https://www.unhcr.org"
    ),
    _org("better-care-network", "Better Care Network", "BCN", "https://bettercarenetwork.org"),
    _org("fice", "International Federation of Educative Communities", "FICE"),
    _org("ifsw", "International Federation of Social Workers", "IFSW", "https://www.ifsw.org"),
    _org("hope-and-homes", "Hope and Homes for Children", "HHC"),
    _org(
        "end-violence",
        "Global Partnership to End Violence Against Children",
        "",
        "https://www.end-violence.org",
    ),
    _org("icrc", "International Committee of the Red Cross", "ICRC", "https://www.icrc.org"),
    _org("idc", "International Detention Coalition", "IDC"),
    _org("iom", "International Organization for Migration", "IOM", "https://www.iom.int"),
    _org("relaf", "Latin American Foster Care Network", "RELAF"),
    _org("save-the-children", "Save the Children", "", "https://www.savethechildren.net"),
    _org(
        "sos-childrens-villages",
        "SOS Children's Villages International",
        "",
        "https://www.sos-childrensvillages.org",
    ),
    _org("terre-des-hommes", "Terre des hommes", "TdH", "https://www.tdh.org"),
    _org("switzerland", "Government of Switzerland"),
    _org("germany", "Government of Germany"),
    _org("canadian-red-cross", "Canadian Red Cross", "", "https://www.redcross.ca"),
    _org(
        "celcis",
        "Centre for Excellence for Children's Care and Protection",
        "CELCIS",
        "https://www.celcis.org",
    ),
    _org("futurelearn", "FutureLearn", "", "https://www.futurelearn.com"),
    _org("eu-rec", "European Union Rights, Equality and Citizenship Programme", "REC"),
    _org(
        "mutual-learning-program",
        "Mutual Learning Program",
        "MLP",
        "https://mutuallearningprogram.org",
    ),
    _org("chance-for-childhood", "Chance for Childhood", "", "https://chanceforchildhood.org"),
]

# Created in this order: a country names its region, so regions come before countries.
TERMS = [
    ("taxonomy.Topic", TOPICS),
    ("taxonomy.ResourceType", RESOURCE_TYPES),
    ("taxonomy.Audience", AUDIENCES),
    ("taxonomy.Region", REGIONS),
    ("taxonomy.Organisation", ORGANISATIONS),
]
