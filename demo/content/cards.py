"""Translations of what a listing card shows (title, summary) and of the slug, for the pages the
translated home pages and section indexes show on their first screen.

Without them an Arabic visitor's home page featured English pages (marked "English"), and so did
the first rows of the content areas, the library, the case studies and eLearning; French and
Spanish visitors saw the same on their home pages. Each page named here is translated through
wagtail-localize into the languages listed, like every other demo translation: its card and
address are in the language, and the parts of its body written only in English stay English
(wagtail-localize's fallback for a segment without a translation) until a translator finishes
them, as the translation editor shows.

Arabic slugs are short forms of the title; a page without one here gets its slug from its
translated title (multilingual.slugs).
"""

from ..text import T

# slug -> language -> (slug in the language or None, title, summary)
CARDS = {
    # Content areas (home page and the content areas index)
    "child-labour-in-agriculture": {
        "ar": (
            "عمل-الأطفال-في-الزراعة",
            "عمل الأطفال في الزراعة",
            "يعمل معظم الأطفال العاملين في المزارع، وكثيرًا ما يكون ذلك في حقول أسرهم. يجمع هذا المجال "
            "ما يُجدي نفعًا: تحديد المهام الخطرة، والرصد المجتمعي، وإبقاء المدرسة مفتوحة طوال موسم "
            "الحصاد، والعمل مع المنتجين والمشترين.",
        ),
    },
    "lgbtqi-inclusive-helplines": {
        "ar": (
            "الممارسة-الشاملة-في-خطوط-المساندة",
            "الممارسة الشاملة للأطفال من مجتمع الميم في خطوط مساندة الطفل",
            "كيف تجعل خطوط المساندة الأطفالَ من مجتمع الميم يشعرون بالأمان الكافي لطلب المساعدة، وما "
            "الذي يستطيع المرشدون فعله حين يفصح شاب أو شابة عن هويته أو يتعرض للتنمر أو للرفض في البيت.",
        ),
        "fr": (
            "pratiques-inclusives-lgbtqi",
            "Pratiques inclusives envers les enfants LGBTQI+ dans les lignes d'assistance",
            "Comment les lignes d'assistance permettent aux enfants LGBTQI+ de se sentir assez en "
            "sécurité pour appeler, et ce que les écoutants peuvent faire quand un jeune fait son coming "
            "out, subit du harcèlement ou se heurte au rejet de sa famille.",
        ),
        "es": (
            "practica-inclusiva-lgbtqi",
            "Práctica inclusiva con la infancia LGBTQI+ en las líneas de ayuda",
            "Cómo las líneas de ayuda logran que niñas, niños y adolescentes LGBTQI+ se sientan seguros "
            "para pedir ayuda, y qué pueden hacer las personas consejeras cuando un joven sale del "
            "armario, sufre acoso o es rechazado en casa.",
        ),
    },
    "alternative-care": {
        "ar": (
            "الرعاية-البديلة",
            "الرعاية البديلة وإعادة الإدماج الأسري",
            "إبقاء الأطفال في كنف أسرهم حيثما أمكن: منع الفصل غير الضروري، ونقل الأطفال من المؤسسات "
            "إلى الرعاية الأسرية، ودعم الأسر التي يعودون إليها.",
        ),
    },
    "staff-wellbeing": {
        "ar": (
            "رفاه-الموظفين",
            "رفاه الموظفين ورعاية المرشدين",
            "يستمع المرشدون والعاملون في الرعاية كل يوم إلى قصص مؤلمة. يجمع هذا المجال طرقًا عملية "
            "تساعد الفرق والمديرين على الوقاية من الإنهاك المهني والصدمة غير المباشرة.",
        ),
    },
    # Case studies (home page and the case studies index)
    "children-moving-alone-mooc": {
        "ar": (
            "دورة-الأطفال-المتنقلين-وحدهم",
            "الأطفال المتنقلون وحدهم: دورة مجانية عبر الإنترنت للعاملين في الخطوط الأمامية",
            "صمّم فريق مشترك بين الوكالات، بقيادة الاتحاد الدولي لجمعيات الصليب الأحمر والهلال الأحمر "
            "والخدمة الاجتماعية الدولية، دورة مفتوحة عبر الإنترنت مدتها ستة أسابيع حول حماية الأطفال غير "
            "المصحوبين والمنفصلين عن ذويهم. وقد تابعها نحو 30,000 عامل في الخطوط الأمامية من 181 بلدًا "
            "على الأقل.",
        ),
    },
    "village-child-labour-committees": {
        "ar": (
            "لجان-القرى-وموسم-الكاكاو",
            "لجان قروية تُبقي الأطفال في المدرسة طوال موسم حصاد الكاكاو",
            "مشروع متخيَّل مدته ثلاث سنوات، اتفقت فيه لجان القرى مع المزارعين على قوائم بالمهام الخطرة، "
            "وتابعت كل طفل عامل ببطاقة إحالة.",
        ),
    },
    # eLearning modules (the eLearning index)
    "inclusive-practice-helplines": {
        "ar": (
            "الممارسة-الشاملة",
            "الممارسة الشاملة في خطوط مساندة الطفل",
            "ثلاثة دروس حول جعل خط المساندة في متناول كل طفل وآمنًا له، ومنهم الأطفال ذوو الإعاقة "
            "واليافعون من مجتمع الميم.",
        ),
    },
    "mutual-learning-care-practitioners": {
        "ar": (
            "التعلم-المتبادل",
            "التعلّم المتبادل للعاملين في مجال الرعاية",
            "أربعة دروس تتبع محاور برنامج للتعلّم المتبادل مدته ستة أشهر: الحوار، والعمل مع الأسر، "
            "وتحويل نظم الرعاية، ورعاية مقدّم الرعاية.",
        ),
    },
    # Resources: the home page's latest six, then the library's first rows
    "staff-wellbeing-survey-template": {
        "ar": (
            "استبيان-رفاه-الموظفين",
            "استبيان رفاه الموظفين: نموذج ودليل للبيانات",
            "استبيان مجهول الهوية من اثني عشر سؤالًا، ودليل لمقارنة النتائج من سنة إلى أخرى دون "
            "التعرّف على أي شخص.",
        ),
        "fr": (
            "enquete-bien-etre-du-personnel",
            "Enquête sur le bien-être du personnel : modèle et guide des données",
            "Un questionnaire anonyme de douze questions et un guide pour comparer les résultats d'une "
            "année sur l'autre sans identifier personne.",
        ),
        "es": ("encuesta-bienestar-del-personal", None, None),
    },
    "burnout-prevention-session-plan": {
        "ar": (
            "خطة-جلسة-الوقاية-من-الإنهاك",
            "الوقاية من الإنهاك المهني: خطة جلسة لمكالمات مجتمع الممارسة",
            "خطة مدتها 90 دقيقة لجلسة أقران عبر الإنترنت حول الرعاية الذاتية، فيها أسئلة افتتاحية "
            "وتمرين في مجموعات صغيرة ومتابعة فردية.",
        ),
        "fr": (
            "prevenir-lepuisement-deroule-de-seance",
            "Prévenir l'épuisement professionnel : déroulé de séance pour les appels de la communauté de "
            "pratique",
            "Un déroulé de 90 minutes pour une séance en ligne entre pairs sur le soin de soi, avec des "
            "questions d'ouverture, un exercice en petits groupes et un suivi individuel.",
        ),
        "es": (
            "prevenir-el-agotamiento-plan-de-sesion",
            "Prevenir el agotamiento: plan de sesión para las llamadas de la comunidad de práctica",
            "Un plan de 90 minutos para una sesión en línea entre pares sobre el autocuidado, con "
            "preguntas de apertura, un ejercicio en grupos pequeños y un seguimiento individual.",
        ),
    },
    "case-management-worksheet": {
        "ar": (
            "ورقة-عمل-إدارة-الحالات",
            "إدارة الحالات مع الأسر: ورقة عمل للممارسين",
            "ورقة عمل ترافق أخصائي الحالة من تقييم الاحتياجات إلى خطة التدخل ثم التقارير والمتابعة، "
            "مع مساحة لرسم شبكة العلاقات المحيطة بالأسرة.",
        ),
        "fr": (
            "gestion-de-cas-fiche-de-travail",
            "La gestion de cas avec les familles : fiche de travail pour les praticiens",
            "Une fiche qui accompagne le travailleur social de l'évaluation des besoins au plan "
            "d'intervention, puis au compte rendu et au suivi, avec un espace pour représenter le réseau "
            "autour de la famille.",
        ),
        "es": (
            "gestion-de-casos-hoja-de-trabajo",
            "Gestión de casos con familias: hoja de trabajo para profesionales",
            "Una hoja de trabajo que acompaña a quien gestiona el caso desde la evaluación de "
            "necesidades hasta el plan de intervención, los informes y el seguimiento, con espacio para "
            "trazar la red que rodea a la familia.",
        ),
    },
    "gatekeeping-session-materials": {
        "ar": (
            "مواد-جلسة-ضبط-الإيداع",
            "ضبط الإيداع في الرعاية البديلة: مواد الجلسة",
            "شرائح عرض وتمرين على حالة وقراءات لجلسة عبر الإنترنت مدتها ساعتان حول منع إيداع الأطفال "
            "في الرعاية من دون ضرورة.",
        ),
        "fr": (
            "controle-de-lacces-supports-de-seance",
            "Le contrôle de l'accès à la protection de remplacement : supports de séance",
            "Diapositives, exercice sur un cas et lectures pour une séance en ligne de deux heures sur la "
            "prévention des placements d'enfants qui ne sont pas nécessaires.",
        ),
        "es": ("control-del-ingreso-materiales", None, None),
    },
    "transition-stories-family-care": {
        "ar": (
            "قصص-الانتقال-إلى-الرعاية-الأسرية",
            "من المؤسسات إلى الأسر: قصص انتقال من منظمات محلية",
            "ست منظمات تصف كيف انتقلت من الرعاية المؤسسية إلى الرعاية الأسرية، وما الذي كانت ستفعله "
            "بطريقة مختلفة.",
        ),
        "fr": (
            "des-institutions-aux-familles",
            "Des institutions aux familles : récits de transition d'organisations locales",
            "Six organisations racontent comment elles sont passées de la prise en charge en "
            "établissement à la prise en charge familiale, et ce qu'elles feraient autrement.",
        ),
        "es": ("de-las-instituciones-a-las-familias", None, None),
    },
    "self-care-team-toolkit": {
        "ar": ("أدوات-الرعاية-الذاتية-للفريق", None, None),
        "fr": ("prendre-soin-de-soi-boite-a-outils", None, None),
        "es": (
            "autocuidado-caja-de-herramientas",
            "Cuidarse cuando se atiende una línea de ayuda: caja de herramientas para el equipo",
            "Ejercicios breves, un guion de descarga emocional y un modelo de plan de bienestar que un "
            "equipo puede adaptar y usar en sus reuniones.",
        ),
    },
    "unicef-child-labour-data": {
        "ar": (
            "بيانات-اليونيسف-عن-عمل-الأطفال",
            "بيانات اليونيسف عن عمل الأطفال",
            "بوابة بيانات اليونيسف عن عمل الأطفال: تقديرات قُطرية مستمدة من المسوح الأسرية، وملاحظات "
            "منهجية، وجداول قابلة للتنزيل.",
        ),
    },
    "learning-from-experience-summary": {
        "ar": (
            "التعلم-من-التجربة",
            "التعلّم من التجربة: كيف نظّم برنامج لمكافحة عمل الأطفال معارفه",
            "ملخص أعدّته البوابة لخطة مشروع البرنامج الدولي للقضاء على عمل الأطفال التابع لمنظمة العمل "
            "الدولية، لاستخلاص الدروس المتعلقة بأسوأ أشكال عمل الأطفال ونشرها: جمع المعلومات، ثم "
            "معالجتها، ثم إيصالها.",
        ),
    },
    "forced-displacement-children-figures": {
        "ar": (
            "أرقام-الأطفال-النازحين",
            "الأطفال في حالات النزوح القسري: أرقام رئيسية",
            "صحيفة وقائع من صفحة واحدة تجمع أحدث الأرقام العالمية عن الأطفال النازحين مع مصادرها، "
            "لاستخدامها في التدريب والمناصرة.",
        ),
    },
    "peer-review-guide": {
        "ar": (
            "دليل-مراجعة-الأقران",
            "مراجعة الأقران للمنتجات المعرفية: دليل للأخصائيين الفنيين",
            "كيف تختار الشبكة المراجعين، وما الذي تطلب منهم التحقق منه، وكيف يردّ الأخصائيون على "
            "الملاحظات قبل نشر المنتج.",
        ),
    },
    # Kits (the library's kits)
    "starter-kit-child-labour-agriculture": {
        "ar": (
            "حقيبة-البداية-عمل-الأطفال-في-الزراعة",
            "حقيبة البداية: التصدي لعمل الأطفال في الزراعة",
            "خمسة موارد بالترتيب الذي يحتاجه فريق برنامج جديد، من فهم الأرقام إلى إنشاء الرصد المجتمعي.",
        ),
    },
    "first-response-kit-unaccompanied-children": {
        "ar": (
            "حقيبة-الاستجابة-الأولى",
            "حقيبة الاستجابة الأولى للأطفال غير المصحوبين والمنفصلين عن ذويهم",
            "ما يحتاجه فريق الاستقبال في أسابيعه الأولى مع الأطفال الذين يصلون وحدهم: أرقام لفهم السياق، "
            "وأداة للتقييم، وتدريب، ومقطع فيديو عن إجراء المقابلات.",
        ),
    },
    # Pages already in Arabic: an Arabic address for each
    "children-on-the-move": {"ar": ("الأطفال-المتنقلون", None, None)},
    "caring-for-carers-kit": {"ar": ("حقيبة-رعاية-مقدمي-الرعاية", None, None)},
    "peer-calls-counsellor-wellbeing": {"ar": ("مكالمات-الأقران-لرفاه-المرشدين", None, None)},
    "children-in-migration": {"ar": ("الأطفال-في-سياق-الهجرة", None, None)},
    "why-children-move": {"ar": ("لماذا-يتنقل-الأطفال", None, None)},
}


def _with(text, language, translation):
    """`text` as a T that also carries `translation` (registered in the catalogue by T)."""
    if translation is None:
        return text
    return T(str(text), **{**getattr(text, "translations", {}), language: translation})


def apply(specs):
    """Adds the card translations to the page specs (a tree) and their languages to `translate`."""
    for spec in specs:
        by_language = CARDS.get(str(spec["slug"]), {})
        for language, (slug, title, summary) in by_language.items():
            spec["slug"] = _with(spec["slug"], language, slug)
            spec["title"] = _with(spec["title"], language, title)
            spec["summary"] = _with(spec["summary"], language, summary)
            languages = spec.setdefault("translate", [])
            if language not in languages:
                languages.append(language)
        apply(spec.get("children", []))
