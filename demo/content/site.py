"""The page tree: the home page and its four sections, with the pages each section holds.

A page spec is a dict of model fields plus `type` (the model), `children` and `translate`
(the locales it is translated into; a page's parent must be translated into them first).
`cards` adds the translated cards of the pages the translated home and indexes feature, and
`resources.cite` the resources' citations in the languages of their titles.
References are by key: images by their key in `media.IMAGES`, terms and pages by slug,
people by name. `files` lists the languages of a resource's generated PDFs.
"""

from ..text import T
from . import cards, resources
from .areas import AREAS
from .case_studies import CASE_STUDIES
from .learning import MODULES
from .resources import KITS, RESOURCES

AREA_INDEX = {
    "type": "content_areas.ContentAreaIndexPage",
    "slug": T(
        "content-areas",
        fr="domaines-thematiques",
        es="areas-tematicas",
        ar="المجالات-المواضيعية",
    ),
    "title": T(
        "Content areas", fr="Domaines thématiques", es="Áreas temáticas", ar="المجالات المواضيعية"
    ),
    "summary": T(
        "Each content area gathers what the network knows about one child-protection issue, in the same order "
        "every time: key figures, approaches that work, kits, case studies and the specialists who keep it "
        "current.",
        fr="Chaque domaine rassemble ce que le réseau sait d'une question de protection de l'enfance, toujours "
        "dans "
        "le même ordre : chiffres clés, approches qui fonctionnent, kits, études de cas et spécialistes qui le "
        "tiennent à jour.",
        es="Cada área reúne lo que la red sabe sobre un tema de protección de la infancia, siempre en el mismo "
        "orden: cifras clave, enfoques que funcionan, kits, estudios de caso y las personas especialistas que "
        "la "
        "mantienen al día.",
        ar="يجمع كل مجال ما تعرفه الشبكة عن قضية واحدة من قضايا حماية الطفل، وبالترتيب نفسه دائمًا: أرقام رئيسية، "
        "ومقاربات أثبتت نجاحها، وحقائب موارد، ودراسات حالة، والأخصائيون الذين يحدّثون محتواه.",
    ),
    "introduction": T(
        "Technical specialists edit their areas directly and review them at least once a year, so the date under "
        "each area tells you how fresh its advice is. Start with the area closest to your daily work.",
        fr="Les spécialistes techniques modifient directement leurs domaines et les revoient au moins une fois "
        "par "
        "an : la date affichée indique donc la fraîcheur des conseils. Commencez par le domaine le plus "
        "proche de "
        "votre travail quotidien.",
        es="Las personas especialistas editan sus áreas directamente y las revisan al menos una vez al año, así "
        "que "
        "la fecha de cada área indica cuán actualizados están sus consejos. Empiece por el área más cercana a "
        "su "
        "trabajo diario.",
        ar="يحرّر الأخصائيون الفنيون مجالاتهم مباشرة ويراجعونها مرة في السنة على الأقل، لذا يدلّك التاريخ المذكور "
        "تحت كل مجال على مدى حداثة إرشاداته. ابدأ بالمجال الأقرب إلى عملك اليومي.",
    ),
    "listing_image": "stepping-stones",
    "translate": ["fr", "es", "ar"],
    "children": AREAS,
}

LIBRARY = {
    "type": "resources.ResourceLibraryPage",
    "slug": T("resources", fr="ressources", es="recursos", ar="مكتبة-الموارد"),
    "title": T(
        "Resource library",
        fr="Bibliothèque de ressources",
        es="Biblioteca de recursos",
        ar="مكتبة الموارد",
    ),
    "summary": T(
        "Publications, tools, training materials, videos and data chosen by the network's specialists, with files "
        "in the languages members asked for.",
        fr="Publications, outils, supports de formation, vidéos et données choisis par les spécialistes du "
        "réseau, "
        "avec des fichiers dans les langues demandées par les membres.",
        es="Publicaciones, herramientas, materiales de formación, vídeos y datos elegidos por especialistas de la "
        "red, con archivos en los idiomas que pidieron sus miembros.",
        ar="منشورات وأدوات ومواد تدريبية ومقاطع فيديو وبيانات اختارها أخصائيو الشبكة، مع ملفات باللغات التي طلبها الأعضاء.",
    ),
    "introduction": [
        T(
            "Filter by type or topic to narrow the list. Each resource says who published it, when, and in which "
            "languages its files are available.",
            fr="Filtrez par type ou par thème pour réduire la liste. Chaque ressource indique qui l'a publiée, "
            "quand, "
            "et dans quelles langues ses fichiers sont disponibles.",
            es="Filtre por tipo o por tema para acotar la lista. Cada recurso indica quién lo publicó, cuándo y en "
            "qué idiomas están disponibles sus archivos.",
            ar="صفِّ القائمة حسب النوع أو الموضوع لتضييقها. يذكر كل مورد الجهة التي نشرته وتاريخ نشره واللغات التي تتوفر بها ملفاته.",
        ),
        T(
            "Kits put several resources in a recommended order for one task, with a specialist's notes on how to use "
            "them together.",
            fr="Les kits présentent plusieurs ressources dans un ordre recommandé pour une tâche, avec les conseils "
            "d'un spécialiste pour les utiliser ensemble.",
            es="Los kits ordenan varios recursos para una tarea concreta, con notas de especialistas sobre cómo "
            "usarlos juntos.",
            ar="تجمع حقائب الموارد عدة موارد بترتيب موصى به لإنجاز مهمة واحدة، مع ملاحظات أحد الأخصائيين حول طريقة استخدامها معًا.",
        ),
    ],
    "listing_image": "layers",
    "translate": ["fr", "es", "ar"],
    "children": RESOURCES + KITS,
}

CASE_STUDY_INDEX = {
    "type": "case_studies.CaseStudyIndexPage",
    "slug": T("case-studies", fr="etudes-de-cas", es="estudios-de-caso", ar="دراسات-الحالة"),
    "title": T("Case studies", fr="Études de cas", es="Estudios de caso", ar="دراسات الحالة"),
    "summary": T(
        "How members and partners tackled a problem, told in one structure: background, who was supported, "
        "successes with figures, challenges and lessons learned.",
        fr="Comment des membres et partenaires ont abordé un problème, racontés selon une même structure : "
        "contexte, personnes soutenues, réussites chiffrées, difficultés et enseignements.",
        es="Cómo miembros y aliados abordaron un problema, contado siempre con la misma estructura: contexto, "
        "a quién se apoyó, logros con cifras, dificultades y lecciones aprendidas.",
        ar="كيف عالج الأعضاء والشركاء مشكلةً ما، مرويةً وفق بنية واحدة: السياق، ومن تلقّى الدعم، والنجاحات مدعومةً بالأرقام، والتحديات، والدروس المستفادة.",
    ),
    "introduction": [
        T(
            "Because every case study follows the same structure, you can compare them side by side. Each one names "
            "its source, so you can go back to the original report.",
            fr="Comme toutes les études de cas suivent la même structure, vous pouvez les comparer. Chacune cite sa "
            "source, pour que vous puissiez revenir au rapport d'origine.",
            es="Como todos los estudios de caso siguen la misma estructura, puede compararlos entre sí. Cada uno "
            "cita "
            "su fuente para que pueda consultar el informe original.",
            ar="لأن دراسات الحالة كلها تتبع البنية نفسها، يمكنك مقارنة بعضها ببعض. وتذكر كل دراسة مصدرها، لتتمكن من الرجوع إلى التقرير الأصلي.",
        ),
    ],
    "listing_image": "warm-circles",
    "translate": ["fr", "es", "ar"],
    "children": CASE_STUDIES,
}

ELEARNING_INDEX = {
    "type": "learning.ELearningIndexPage",
    "slug": T(
        "elearning", fr="formation-en-ligne", es="formacion-en-linea", ar="التعلم-الإلكتروني"
    ),
    "title": T(
        "eLearning", fr="Formation en ligne", es="Formación en línea", ar="التعلّم الإلكتروني"
    ),
    "summary": T(
        "Self-paced modules built from the good practices members shared in communities of practice, each made of "
        "short lessons with a reflection question and materials to download.",
        fr="Des modules à suivre à votre rythme, construits à partir des bonnes pratiques partagées par les "
        "membres "
        "dans les communautés de pratique, composés de courtes leçons avec une question de réflexion et des "
        "supports à télécharger.",
        es="Módulos a su ritmo, construidos a partir de las buenas prácticas que compartieron los miembros en "
        "comunidades de práctica, con lecciones breves, una pregunta de reflexión y materiales descargables.",
        ar="وحدات تعليمية تتقدّم فيها بالوتيرة التي تناسبك، مبنية على الممارسات الجيدة التي تبادلها الأعضاء في مجتمعات الممارسة، وتتألف كل منها من دروس قصيرة مع سؤال للتأمل ومواد للتنزيل.",
    ),
    "introduction": [
        T(
            "Members reviewed every module before it was published. Lessons take ten to thirty minutes, and you can "
            "stop after any of them.",
            fr="Les membres ont relu chaque module avant sa publication. Une leçon dure de dix à trente minutes, et "
            "vous pouvez vous arrêter après n'importe laquelle.",
            es="Los miembros revisaron cada módulo antes de publicarlo. Cada lección dura entre diez y treinta "
            "minutos y puede detenerse después de cualquiera de ellas.",
            ar="راجع الأعضاء كل وحدة قبل نشرها. يستغرق الدرس الواحد ما بين عشر دقائق وثلاثين دقيقة، ويمكنك التوقف بعد أي درس منها.",
        ),
    ],
    "listing_image": "horizon",
    "translate": ["fr", "es", "ar"],
    "children": MODULES,
}

HOME = {
    "type": "home.HomePage",
    "slug": T("home", fr="accueil", es="inicio", ar="home-ar"),
    "title": T(
        "Child Protection Knowledge Portal",
        fr="Portail de connaissances sur la protection de l'enfance",
        es="Portal de conocimientos sobre protección de la infancia",
        ar="بوابة المعرفة لحماية الطفل",
    ),
    "summary": T(
        "Practical knowledge for child helplines, care practitioners and child-labour specialists, reviewed by "
        "peers and shared in several languages.",
        fr="Des connaissances pratiques pour les lignes d'assistance aux enfants, les professionnels de la prise "
        "en "
        "charge et les spécialistes du travail des enfants, relues par des pairs et partagées en plusieurs "
        "langues.",
        es="Conocimiento práctico para líneas de ayuda a la infancia, profesionales del cuidado y especialistas "
        "en "
        "trabajo infantil, revisado entre pares y compartido en varios idiomas.",
        ar="معرفة عملية لخطوط مساندة الطفل والعاملين في الرعاية والمتخصصين في عمل الأطفال، يراجعها الأقران "
        "وتُنشر بعدة لغات.",
    ),
    "introduction": T(
        "Members bring what works in their communities; specialists check it, fill the gaps with research and "
        "package it as content areas, kits, case studies and eLearning. Everything here is free to use in your "
        "own work with children.",
        fr="Les membres apportent ce qui fonctionne dans leurs communautés ; les spécialistes le vérifient, "
        "comblent les lacunes grâce à la recherche et en font des domaines thématiques, des kits, des études "
        "de "
        "cas et des modules en ligne. Tout ce qui se trouve ici peut être utilisé librement dans votre travail "
        "avec les enfants.",
        es="Los miembros aportan lo que funciona en sus comunidades; las personas especialistas lo verifican, "
        "completan lo que falta con investigación y lo organizan en áreas temáticas, kits, estudios de caso y "
        "formación en línea. Todo lo que encontrará aquí se puede usar libremente en su trabajo con la "
        "infancia.",
        ar="يقدّم الأعضاء ما ينجح في مجتمعاتهم، ويتحقق منه الأخصائيون ويسدّون الثغرات بالبحث، ثم يصوغونه في "
        "مجالات مواضيعية وحقائب موارد ودراسات حالة ووحدات تعلّم إلكتروني. كل ما هنا متاح مجانًا لاستخدامه في "
        "عملك مع الأطفال.",
    ),
    "listing_image": "gathering",
    "featured_areas": [
        "child-labour-in-agriculture",
        "children-on-the-move",
        "lgbtqi-inclusive-helplines",
    ],
    "featured_case_study": "children-moving-alone-mooc",
    "featured_module": "children-in-migration",
    "translate": ["fr", "es", "ar"],
    "children": [AREA_INDEX, LIBRARY, CASE_STUDY_INDEX, ELEARNING_INDEX],
}

cards.apply(HOME["children"])
resources.cite(HOME["children"])
