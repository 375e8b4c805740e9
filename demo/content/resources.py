"""The resource library: 20 resources and 3 kits.

A resource's `files` are the languages of the PDFs generated for it from its own title,
summary and body, so every language listed needs those texts translated.

Long because it is data, not code: 23 records with their texts and translations; split by
section already (one module per kind of content in demo.content).
"""

from ..text import T
from .taxonomy import ORGANISATIONS

ORGANISATION_NAMES = {org["slug"]: org["name"] for org in ORGANISATIONS}


def resource(
    slug,
    title,
    summary,
    body,
    *,
    kind,
    organisation,
    year,
    areas,
    topics,
    regions,
    audiences,
    image,
    files=("en",),
    external_url="",
    translate=(),
):
    spec = {
        "type": "resources.ResourcePage",
        "slug": slug,
        "title": title,
        "summary": summary,
        "body": body,
        "resource_type": kind,
        "organisation": organisation,
        "year": year,
        "related_areas": areas,
        "topics": topics,
        "regions": regions,
        "audiences": audiences,
        "listing_image": image,
        "translate": list(translate),
    }
    if files:
        spec["files"] = list(files)
    if external_url:
        spec["external_url"] = external_url
    return spec


def cite(specs):
    """Gives each resource in the page specs (a tree) its citation, in every language its title has.

    Run after `cards.apply`, which adds titles' translations: a translated resource page cites
    the work under its translated title (the publisher keeps its own name).
    """
    for spec in specs:
        if spec["type"] == "resources.ResourcePage":
            name, year = ORGANISATION_NAMES[spec["organisation"]], spec["year"]
            titles = getattr(spec["title"], "translations", {})
            spec["citation"] = T(
                f"{name} ({year}). {spec['title']}.",
                **{code: f"{name} ({year}). {title}." for code, title in titles.items() if title},
            )
        cite(spec.get("children", []))


AGRICULTURE = "child-labour-in-agriculture"
MONITORING = "child-labour-monitoring"
ON_THE_MOVE = "children-on-the-move"
LGBTQI = "lgbtqi-inclusive-helplines"
CARE = "alternative-care"
WELLBEING = "staff-wellbeing"

HOW_TO_USE = T("How to use it", fr="Comment l'utiliser", es="Cómo usarlo", ar="طريقة الاستخدام")
WHAT_IT_COVERS = T("What it covers", fr="Contenu", es="Qué contiene", ar="المحتوى")

RESOURCES = [
    resource(
        "hazardous-tasks-checklist",
        T(
            "Hazardous tasks for children in smallholder farming: a field checklist",
            fr="Tâches dangereuses pour les enfants dans les petites exploitations : une liste de contrôle de "
            "terrain",
            es="Tareas peligrosas para la infancia en la pequeña agricultura: lista de verificación de campo",
        ),
        T(
            "A two-page checklist that helps committees and labour officers decide, task by task and age by age, "
            "what children may and may not do on family farms.",
            fr="Une liste de deux pages qui aide les comités et les agents du travail à décider, tâche par tâche et "
            "âge par âge, ce que les enfants peuvent faire ou non dans les exploitations familiales.",
            es="Una lista de dos páginas que ayuda a comités e inspectores a decidir, tarea por tarea y edad por "
            "edad, "
            "qué pueden hacer y qué no las niñas y los niños en las fincas familiares.",
        ),
        [
            ("heading", WHAT_IT_COVERS),
            (
                "paragraph",
                [
                    T(
                        "Twenty common tasks in cocoa, cotton, rice and vegetable farming, each marked as forbidden, "
                        "allowed with supervision, or suitable light work after school.",
                        fr="Vingt tâches courantes dans la culture du cacao, du coton, du riz et des légumes, chacune "
                        "classée comme interdite, autorisée sous surveillance ou travail léger acceptable après "
                        "l'école.",
                        es="Veinte tareas habituales en el cultivo de cacao, algodón, arroz y hortalizas, cada una "
                        "marcada como prohibida, permitida con supervisión o trabajo ligero aceptable tras la "
                        "escuela.",
                    ),
                ],
            ),
            ("heading", HOW_TO_USE),
            (
                "paragraph",
                [
                    T(
                        "Walk through the list with farmers before the season starts and adapt it to local crops. Keep "
                        "the signed copy with the committee's records.",
                        fr="Parcourez la liste avec les agriculteurs avant le début de la saison et adaptez-la aux "
                        "cultures locales. Conservez l'exemplaire signé avec les documents du comité.",
                        es="Revise la lista con los agricultores antes de la temporada y adáptela a los cultivos "
                        "locales. "
                        "Guarde la copia firmada con los registros del comité.",
                    ),
                ],
            ),
        ],
        kind="guideline-or-tool",
        organisation="cpkn",
        year=2021,
        areas=[AGRICULTURE, MONITORING],
        topics=["child-labour"],
        regions=["africa", "ghana", "cote-divoire"],
        audiences=["labour-inspectors", "programme-managers"],
        image="crop-rows",
        files=("en", "fr", "es"),
        translate=("fr", "es"),
    ),
    resource(
        "community-monitoring-committees",
        T(
            "Setting up a village child labour monitoring committee",
            fr="Mettre en place un comité villageois de suivi du travail des enfants",
        ),
        T(
            "Step-by-step guidance for communities forming a committee that identifies working children, refers "
            "them to services and follows them up.",
            fr="Un guide pas à pas pour les communautés qui créent un comité chargé de repérer les enfants qui "
            "travaillent, de les orienter vers les services et d'assurer leur suivi.",
        ),
        [
            ("heading", WHAT_IT_COVERS),
            (
                "paragraph",
                [
                    T(
                        "Who should sit on the committee, how to agree its rules, a simple register of children visited, "
                        "and a referral card for each child found working.",
                        fr="Qui doit siéger au comité, comment en fixer les règles, un registre simple des enfants "
                        "visités et une fiche d'orientation pour chaque enfant trouvé au travail.",
                    ),
                ],
            ),
            ("heading", HOW_TO_USE),
            (
                "paragraph",
                [
                    T(
                        "Use it in a first meeting with community leaders, then return to the follow-up section after "
                        "the first round of visits.",
                        fr="Utilisez-le lors d'une première réunion avec les responsables communautaires, puis revenez "
                        "à "
                        "la partie sur le suivi après la première série de visites.",
                    ),
                ],
            ),
        ],
        kind="guideline-or-tool",
        organisation="rural-childhood-alliance",
        year=2019,
        areas=[MONITORING, AGRICULTURE],
        topics=["child-labour"],
        regions=["ghana", "cote-divoire"],
        audiences=["labour-inspectors", "social-workers"],
        image="gentle-waves",
        files=("en", "fr"),
    ),
    resource(
        "learning-from-experience-summary",
        "Learning from experience: how a child labour programme organised its knowledge",
        "A portal summary of the ILO-IPEC project plan for distilling and disseminating lessons on the worst "
        "forms "
        "of child labour: getting information in, processing it, and getting it out.",
        [
            ("heading", "What it covers"),
            (
                "paragraph",
                [
                    "The plan (2005-2008, GLO/05/51/USA) organised knowledge work in three strands: identifying and "
                    "documenting experience, analysing and packaging it, and supporting its use in the field.",
                    "Among the outputs it foresaw were content areas with a standard structure kept up to date by "
                    "technical specialists, peer review, translation, an electronic newsletter and links to external "
                    "databases.",
                ],
            ),
            ("heading", "Why it matters for this portal"),
            (
                "paragraph",
                [
                    "The portal's content areas, kits and review steps follow the same logic, adapted to networks of "
                    "practitioners rather than a single agency.",
                ],
            ),
        ],
        kind="publication",
        organisation="cpkn",
        year=2024,
        areas=[AGRICULTURE],
        topics=["knowledge-management", "child-labour"],
        regions=["global"],
        audiences=["programme-managers", "policy-makers"],
        image="layers",
    ),
    resource(
        "child-labour-global-estimates-digest",
        T(
            "Child labour in numbers: a digest of the 2020 global estimates",
            fr="Le travail des enfants en chiffres : synthèse des estimations mondiales 2020",
            es="El trabajo infantil en cifras: resumen de las estimaciones mundiales de 2020",
        ),
        T(
            "The headline figures of the ILO and UNICEF global estimates, explained for programme teams who need to "
            "quote them correctly in proposals and reports.",
            fr="Les principaux chiffres des estimations mondiales de l'OIT et de l'UNICEF, expliqués aux équipes de "
            "programme qui doivent les citer correctement dans leurs propositions et rapports.",
            es="Las cifras principales de las estimaciones mundiales de la OIT y UNICEF, explicadas para los "
            "equipos "
            "que deben citarlas correctamente en propuestas e informes.",
        ),
        [
            (
                "key_figures",
                [
                    {
                        "value": T("160 million", fr="160 millions", es="160 millones"),
                        "label": T(
                            "children in child labour at the start of 2020",
                            fr="enfants astreints au travail au début de 2020",
                            es="niñas y niños en trabajo infantil a comienzos de 2020",
                        ),
                        "source": "ILO and UNICEF",
                        "year": 2021,
                    },
                    {
                        "value": "70%",
                        "label": T(
                            "of child labour is in agriculture",
                            fr="du travail des enfants est agricole",
                            es="del trabajo infantil es agrícola",
                        ),
                        "source": "ILO and UNICEF",
                        "year": 2021,
                    },
                ],
            ),
            ("heading", WHAT_IT_COVERS),
            (
                "paragraph",
                [
                    T(
                        "Definitions of child labour and hazardous work, the main figures by age, sex and sector, and "
                        "notes on what the estimates can and cannot tell you about a single country.",
                        fr="Les définitions du travail des enfants et du travail dangereux, les principaux chiffres par "
                        "âge, sexe et secteur, et des remarques sur ce que les estimations peuvent ou non dire d'un "
                        "pays donné.",
                        es="Las definiciones de trabajo infantil y trabajo peligroso, las cifras principales por edad, "
                        "sexo y sector, y notas sobre lo que las estimaciones pueden decir, o no, de un país "
                        "concreto.",
                    ),
                ],
            ),
        ],
        kind="statistics-or-dataset",
        organisation="cpkn",
        year=2022,
        areas=[AGRICULTURE],
        topics=["child-labour"],
        regions=["global"],
        audiences=["programme-managers", "policy-makers"],
        image="layers",
        files=("en", "es"),
        translate=("fr", "es"),
    ),
    resource(
        "unicef-child-labour-data",
        "UNICEF data on child labour",
        "UNICEF's data portal on child labour: country estimates from household surveys, methodological notes and "
        "downloadable tables.",
        [
            ("heading", "What you will find"),
            (
                "paragraph",
                [
                    "Country-level prevalence of child labour by sex, age and residence, drawn mainly from household "
                    "surveys, with notes on the survey year and method behind each figure.",
                ],
            ),
            ("heading", "Before you quote a figure"),
            (
                "paragraph",
                [
                    "Check the survey year and definition: country figures are not always comparable with the global "
                    "estimates or with each other.",
                ],
            ),
        ],
        kind="external-database",
        organisation="unicef",
        year=2024,
        areas=[AGRICULTURE, MONITORING],
        topics=["child-labour"],
        regions=["global"],
        audiences=["programme-managers", "policy-makers"],
        image="layers",
        files=(),
        external_url="https://data.unicef.org/topic/child-protection/child-labour/",
    ),
    resource(
        "peer-review-guide",
        "Peer review of knowledge products: a guide for technical specialists",
        "How the network chooses reviewers, what it asks them to check, and how specialists respond to comments "
        "before a product is published.",
        [
            ("heading", "What it covers"),
            (
                "paragraph",
                [
                    "Choosing about three reviewers per topic, mixing research and practice; a one-page review form; "
                    "timelines; and how to record decisions on each comment.",
                ],
            ),
            ("heading", "How to use it"),
            (
                "paragraph",
                [
                    "Send the form with the draft and agree a deadline of two to three weeks. Minor reviews are "
                    "voluntary; larger advisory tasks should be budgeted.",
                ],
            ),
        ],
        kind="guideline-or-tool",
        organisation="cpkn",
        year=2023,
        areas=[AGRICULTURE],
        topics=["knowledge-management"],
        regions=["global"],
        audiences=["programme-managers", "trainers"],
        image="gathering",
    ),
    resource(
        "course-companion-unaccompanied-children",
        T(
            "Caring for children moving alone: a course companion",
            fr="Prendre en charge les enfants qui voyagent seuls : guide d'accompagnement du cours",
            es="Cuidar a niñas y niños que viajan solos: guía de acompañamiento del curso",
        ),
        T(
            "Notes, exercises and a glossary to use alongside the free six-week online course on unaccompanied and "
            "separated children, for study groups and team learning.",
            fr="Notes, exercices et glossaire à utiliser avec le cours en ligne gratuit de six semaines sur les "
            "enfants non accompagnés et séparés, pour les groupes d'étude et l'apprentissage en équipe.",
            es="Notas, ejercicios y un glosario para acompañar el curso en línea gratuito de seis semanas sobre "
            "niñez "
            "no acompañada y separada, pensado para grupos de estudio y equipos.",
        ),
        [
            ("heading", WHAT_IT_COVERS),
            (
                "paragraph",
                [
                    T(
                        "One chapter per week of the course: why children move alone, care options, practice examples, "
                        "skills, assessing needs and best interests, and coordination between humanitarian and care "
                        "services.",
                        fr="Un chapitre par semaine de cours : pourquoi les enfants voyagent seuls, les options de "
                        "prise "
                        "en charge, des exemples de pratique, les compétences, l'évaluation des besoins et de "
                        "l'intérêt supérieur, et la coordination entre services humanitaires et de protection.",
                        es="Un capítulo por semana del curso: por qué viajan solos, opciones de cuidado, ejemplos de "
                        "práctica, competencias, evaluación de necesidades e interés superior, y coordinación entre "
                        "servicios humanitarios y de cuidado.",
                    ),
                ],
            ),
            ("heading", HOW_TO_USE),
            (
                "paragraph",
                [
                    T(
                        "Meet once a week as a team after each course week and work through the exercises together.",
                        fr="Réunissez l'équipe une fois par semaine après chaque semaine de cours et faites les "
                        "exercices ensemble.",
                        es="Reúnase con su equipo una vez por semana después de cada semana del curso y hagan juntos "
                        "los "
                        "ejercicios.",
                    ),
                ],
            ),
        ],
        kind="training-material",
        organisation="cpkn",
        year=2022,
        areas=[ON_THE_MOVE],
        topics=["children-on-the-move", "alternative-care"],
        regions=["global"],
        audiences=["social-workers", "care-practitioners", "trainers"],
        image="stepping-stones",
        files=("en", "fr", "es"),
        translate=("fr", "es"),
    ),
    resource(
        "best-interests-assessment-tool",
        T(
            "Best-interests assessment for unaccompanied children: a step-by-step tool",
            fr="Évaluation de l'intérêt supérieur des enfants non accompagnés : un outil pas à pas",
            es="Evaluación del interés superior de niñas y niños no acompañados: herramienta paso a paso",
        ),
        T(
            "A structured form and interview guide for documenting a child's views, needs and risks before any "
            "decision on care or onward movement.",
            fr="Un formulaire structuré et un guide d'entretien pour consigner l'avis, les besoins et les risques "
            "de "
            "l'enfant avant toute décision de prise en charge ou de départ.",
            es="Un formulario estructurado y una guía de entrevista para documentar la opinión, las necesidades y "
            "los riesgos del niño o la niña antes de decidir sobre su cuidado o su traslado.",
        ),
        [
            ("heading", WHAT_IT_COVERS),
            (
                "paragraph",
                [
                    T(
                        "Seven steps from first contact to review, with prompts for talking to children of different "
                        "ages and a checklist for involving interpreters and guardians.",
                        fr="Sept étapes du premier contact à la révision, avec des pistes pour parler à des enfants de "
                        "différents âges et une liste de contrôle pour associer interprètes et tuteurs.",
                        es="Siete pasos desde el primer contacto hasta la revisión, con pautas para hablar con niñas y "
                        "niños de distintas edades y una lista para involucrar a intérpretes y tutores.",
                    ),
                ],
            ),
        ],
        kind="guideline-or-tool",
        organisation="mediterranean-reception-forum",
        year=2022,
        areas=[ON_THE_MOVE],
        topics=["children-on-the-move"],
        regions=["greece", "italy", "europe-central-asia"],
        audiences=["social-workers"],
        image="horizon",
        files=("en", "fr"),
        translate=("fr", "es"),
    ),
    resource(
        "helplines-children-in-migration-practices",
        T(
            "Good practices: child helplines supporting children in migration",
            fr="Bonnes pratiques : les lignes d'assistance aux enfants face aux enfants migrants",
            es="Buenas prácticas: líneas de ayuda que apoyan a la niñez migrante",
        ),
        T(
            "Practices that helplines developed with partners along migration routes, from multilingual chat to "
            "joint referral agreements with reception services.",
            fr="Des pratiques élaborées par des lignes d'assistance avec leurs partenaires le long des routes "
            "migratoires, du chat multilingue aux accords d'orientation conclus avec les services d'accueil.",
            es="Prácticas que las líneas de ayuda desarrollaron con aliados en las rutas migratorias, desde el chat "
            "multilingüe hasta acuerdos de derivación con los servicios de acogida.",
        ),
        [
            ("heading", WHAT_IT_COVERS),
            (
                "paragraph",
                [
                    T(
                        "Eight practices gathered from a community of practice of helpline members, each with what it "
                        "takes to start and what to watch out for.",
                        fr="Huit pratiques recueillies dans une communauté de pratique de membres, chacune avec ce "
                        "qu'il "
                        "faut pour la lancer et les points de vigilance.",
                        es="Ocho prácticas reunidas en una comunidad de práctica de miembros, cada una con lo necesario "
                        "para empezar y los puntos de atención.",
                    ),
                ],
            ),
        ],
        kind="publication",
        organisation="helpline-practice-forum",
        year=2020,
        areas=[ON_THE_MOVE],
        topics=["children-on-the-move", "child-helplines"],
        regions=["europe-central-asia"],
        audiences=["child-helpline-counsellors", "programme-managers"],
        image="stepping-stones",
        files=("en", "es"),
        translate=("fr", "es"),
    ),
    resource(
        "interviewing-with-interpreters-video",
        "Interviewing separated children with an interpreter (video)",
        "A twelve-minute demonstration of an interview with a separated child and an interpreter, with pauses "
        "that explain each choice the social worker makes.",
        [
            ("heading", "What you will see"),
            (
                "paragraph",
                [
                    "A role-played interview in three parts: introductions, the child's story, and agreeing next "
                    "steps. "
                    "The PDF transcript lists the techniques shown, for teams who cannot stream video.",
                ],
            ),
        ],
        kind="video",
        organisation="mediterranean-reception-forum",
        year=2021,
        areas=[ON_THE_MOVE],
        topics=["children-on-the-move"],
        regions=["greece", "italy"],
        audiences=["social-workers", "trainers"],
        image="horizon",
        external_url="https://reception-forum.example.org/videos/interpreters",
    ),
    resource(
        "forced-displacement-children-figures",
        "Children in forced displacement: key figures",
        "A one-page fact sheet gathering the latest global figures on displaced children, with their sources, for "
        "use in training and advocacy.",
        [
            (
                "key_figures",
                [
                    {
                        "value": "43.3 million",
                        "label": "children living in forced displacement at the end of 2022",
                        "source": "UNICEF",
                        "year": 2023,
                    },
                ],
            ),
            ("heading", "What it covers"),
            (
                "paragraph",
                [
                    "Global figures on refugee, asylum-seeking and internally displaced children, with notes on how "
                    "each figure was produced and when it will next be updated.",
                ],
            ),
        ],
        kind="statistics-or-dataset",
        organisation="cpkn",
        year=2023,
        areas=[ON_THE_MOVE],
        topics=["children-on-the-move"],
        regions=["global"],
        audiences=["programme-managers", "policy-makers"],
        image="layers",
    ),
    resource(
        "coming-out-guidance",
        T(
            "When a young person comes out: guidance for helpline counsellors",
            fr="Quand un jeune fait son coming out : conseils aux écoutants",
        ),
        T(
            "How to support a child who is thinking of coming out to family or friends, including safety planning "
            "when rejection is likely.",
            fr="Comment accompagner un enfant qui envisage de faire son coming out auprès de sa famille ou de ses "
            "amis, y compris un plan de sécurité lorsque le rejet est probable.",
        ),
        [
            ("heading", WHAT_IT_COVERS),
            (
                "paragraph",
                [
                    T(
                        "Listening without assumptions, weighing risks with the child, choosing a trusted adult, and "
                        "follow-up calls after the conversation at home.",
                        fr="Écouter sans a priori, évaluer les risques avec l'enfant, choisir un adulte de confiance et "
                        "rappeler après la conversation en famille.",
                    ),
                ],
            ),
        ],
        kind="guideline-or-tool",
        organisation="helpline-practice-forum",
        year=2019,
        areas=[LGBTQI],
        topics=["lgbtqi-children", "child-helplines"],
        regions=["europe-central-asia"],
        audiences=["child-helpline-counsellors"],
        image="open-arcs",
        files=("en", "fr"),
    ),
    resource(
        "inclusive-language-glossary",
        T(
            "Inclusive language for counsellors: a short glossary",
            es="Lenguaje inclusivo para orientadores: glosario breve",
        ),
        T(
            "Forty terms about sexual orientation, gender identity and disability, with words to prefer and words "
            "to avoid in conversations with children.",
            es="Cuarenta términos sobre orientación sexual, identidad de género y discapacidad, con las palabras "
            "preferibles y las que conviene evitar al hablar con niñas y niños.",
        ),
        [
            ("heading", HOW_TO_USE),
            (
                "paragraph",
                [
                    T(
                        "Keep it beside the phone during the first months of practice, and review it in team meetings "
                        "when new terms come up in calls.",
                        es="Téngalo a mano durante los primeros meses de práctica y revíselo en las reuniones de equipo "
                        "cuando aparezcan términos nuevos en las llamadas.",
                    ),
                ],
            ),
        ],
        kind="guideline-or-tool",
        organisation="helpline-practice-forum",
        year=2020,
        areas=[LGBTQI],
        topics=["lgbtqi-children", "inclusive-practice"],
        regions=["global"],
        audiences=["child-helpline-counsellors", "trainers"],
        image="open-arcs",
        files=("en", "es"),
    ),
    resource(
        "lgbtqi-community-of-practice-outcomes",
        "What helplines learned together about LGBTQI+ children: community of practice outcomes",
        "The issues helpline members raised in a year of meetings on LGBTQI+ children and young people, and the "
        "good practices they agreed on.",
        [
            ("heading", "What it covers"),
            (
                "paragraph",
                [
                    "Members described the problems they faced, then shared the solutions that had worked for them. "
                    "The network filled the gaps with research before packaging the results as an eLearning lesson.",
                ],
            ),
        ],
        kind="publication",
        organisation="helpline-practice-forum",
        year=2019,
        areas=[LGBTQI],
        topics=["lgbtqi-children", "knowledge-management"],
        regions=["europe-central-asia"],
        audiences=["programme-managers", "child-helpline-counsellors"],
        image="gathering",
    ),
    resource(
        "transition-stories-family-care",
        T(
            "From institutions to families: transition stories from local organisations",
            es="De las instituciones a las familias: experiencias de transición de organizaciones locales",
        ),
        T(
            "Six organisations describe how they moved from residential care to family-based care, including what "
            "they would do differently.",
            es="Seis organizaciones cuentan cómo pasaron del cuidado residencial al cuidado en familia, y qué "
            "harían "
            "de otra manera.",
        ),
        [
            ("heading", WHAT_IT_COVERS),
            (
                "paragraph",
                [
                    T(
                        "Each story covers the decision to change, work with staff and funders, preparing children and "
                        "families, and what happened in the year after the last child left.",
                        es="Cada relato trata la decisión de cambiar, el trabajo con el personal y los financiadores, "
                        "la "
                        "preparación de niños y familias y lo que pasó el año después de que saliera el último "
                        "niño.",
                        ar="تتناول كل قصة قرار التغيير، والعمل مع الموظفين والجهات المانحة، وتهيئة "
                        "الأطفال والأسر، وما جرى في السنة التي تلت خروج آخر طفل.",
                    ),
                ],
            ),
        ],
        kind="publication",
        organisation="andean-family-care-network",
        year=2023,
        areas=[CARE],
        topics=["alternative-care", "family-strengthening"],
        regions=["latin-america-caribbean", "colombia"],
        audiences=["care-practitioners", "programme-managers"],
        image="warm-circles",
        files=("en", "es"),
    ),
    resource(
        "gatekeeping-session-materials",
        T(
            "Gatekeeping in alternative care: session materials",
            es="Control de acceso al cuidado alternativo: materiales para sesiones",
        ),
        T(
            "Slides, a case exercise and reading for a two-hour online session on preventing unnecessary placement "
            "of children.",
            es="Diapositivas, un ejercicio de caso y lecturas para una sesión en línea de dos horas sobre cómo "
            "evitar "
            "ingresos innecesarios de niñas y niños.",
        ),
        [
            ("heading", WHAT_IT_COVERS),
            (
                "paragraph",
                [
                    T(
                        "What gatekeeping is, who takes part in a gatekeeping panel, and a case to discuss in small "
                        "groups before the session.",
                        es="Qué es el control de acceso, quién participa en un comité de admisión y un caso para "
                        "debatir en grupos pequeños antes de la sesión.",
                        ar="ما المقصود بضبط الإيداع، ومن يشارك في لجنة ضبط الإيداع، وحالة للنقاش في "
                        "مجموعات صغيرة قبل الجلسة.",
                    ),
                ],
            ),
        ],
        kind="training-material",
        organisation="andean-family-care-network",
        year=2023,
        areas=[CARE],
        topics=["alternative-care"],
        regions=["latin-america-caribbean"],
        audiences=["care-practitioners", "trainers"],
        image="warm-circles",
        files=("en", "es"),
    ),
    resource(
        "case-management-worksheet",
        "Case management with families: a practitioner's worksheet",
        "A worksheet that takes a case worker from needs assessment to an intervention plan, reporting and "
        "follow-up, with space to map the network around the family.",
        [
            ("heading", "How to use it"),
            (
                "paragraph",
                [
                    T(
                        "Fill it in with the family, not about them. Review the network map at every visit: who "
                        "helps, who has stepped back, who could be asked.",
                        ar="املؤوا الورقة مع الأسرة، لا عنها. راجعوا خريطة الشبكة في كل زيارة: من يقدّم "
                        "المساعدة، ومن ابتعد، ومن يمكن أن يُطلب منه العون.",
                    ),
                ],
            ),
        ],
        kind="guideline-or-tool",
        organisation="andean-family-care-network",
        year=2022,
        areas=[CARE],
        topics=["family-strengthening", "alternative-care"],
        regions=["latin-america-caribbean", "guatemala"],
        audiences=["social-workers", "care-practitioners"],
        image="warm-circles",
    ),
    resource(
        "self-care-team-toolkit",
        T(
            "Self-care for helpline counsellors: a team toolkit",
            fr="Prendre soin de soi quand on est écoutant : une boîte à outils pour l'équipe",
            ar="رعاية الذات لمستشاري خطوط المساندة: مجموعة أدوات للفريق",
        ),
        T(
            "Short exercises, a defusing script and a wellbeing plan template that teams can introduce in a "
            "single meeting.",
            fr="Des exercices courts, un déroulé de désamorçage et un modèle de plan de bien-être qu'une équipe "
            "peut "
            "mettre en place en une seule réunion.",
            ar="تمارين قصيرة، ودليل لجلسة تفريغ، ونموذج لخطة عافية يمكن للفرق اعتمادها في اجتماع واحد.",
        ),
        [
            ("heading", WHAT_IT_COVERS),
            (
                "paragraph",
                [
                    T(
                        "Signs of burnout and vicarious trauma, a five-minute defusing after difficult calls, and a "
                        "personal wellbeing plan reviewed in supervision.",
                        fr="Les signes d'épuisement et de traumatisme vicariant, un désamorçage de cinq minutes après "
                        "les appels difficiles et un plan de bien-être personnel revu en supervision.",
                        ar="علامات الاحتراق النفسي والصدمة غير المباشرة، وجلسة تفريغ مدتها خمس دقائق بعد المكالمات الصعبة، وخطة عافية شخصية تُراجَع خلال الإشراف.",
                    ),
                ],
            ),
        ],
        kind="guideline-or-tool",
        organisation="cpkn",
        year=2021,
        areas=[WELLBEING],
        topics=["staff-wellbeing", "mental-health"],
        regions=["global"],
        audiences=["child-helpline-counsellors", "programme-managers"],
        image="gentle-waves",
        files=("en", "fr"),
        translate=("ar",),
    ),
    resource(
        "burnout-prevention-session-plan",
        "Preventing burnout: a session plan for community-of-practice calls",
        "A 90-minute plan for an online peer session on self-care, with opening questions, a small-group "
        "exercise and a one-to-one follow-up.",
        [
            ("heading", "How to use it"),
            (
                "paragraph",
                [
                    T(
                        "Open with a round on how people are really doing, work in pairs on one change each will "
                        "try, and offer each organisation a short one-to-one call in the following week.",
                        ar="ابدؤوا بجولة يقول فيها كل مشارك كيف حاله حقًا، ثم اعملوا في أزواج على تغيير واحد "
                        "يعتزم كل شخص تجربته، واعرضوا على كل منظمة مكالمة فردية قصيرة في الأسبوع التالي.",
                    ),
                ],
            ),
        ],
        kind="training-material",
        organisation="cpkn",
        year=2020,
        areas=[WELLBEING],
        topics=["staff-wellbeing"],
        regions=["africa", "kenya", "uganda"],
        audiences=["trainers", "programme-managers"],
        image="gathering",
    ),
    resource(
        "staff-wellbeing-survey-template",
        T(
            "Staff wellbeing survey: template and data guide",
            es="Encuesta de bienestar del personal: plantilla y guía de datos",
        ),
        T(
            "A twelve-question anonymous survey and a guide to comparing results from one year to the next without "
            "identifying anyone.",
            es="Una encuesta anónima de doce preguntas y una guía para comparar los resultados de un año a otro sin "
            "identificar a nadie.",
        ),
        [
            ("heading", WHAT_IT_COVERS),
            (
                "paragraph",
                [
                    T(
                        "The questions, a coding sheet, and advice on sharing results with staff before deciding on "
                        "changes.",
                        es="Las preguntas, una hoja de codificación y consejos para compartir los resultados con el "
                        "personal antes de decidir cambios.",
                        ar="الأسئلة، وورقة لترميز الإجابات، ونصائح حول مشاركة النتائج مع الموظفين "
                        "قبل اتخاذ قرار بشأن التغييرات.",
                    ),
                ],
            ),
        ],
        kind="statistics-or-dataset",
        organisation="cpkn",
        year=2022,
        areas=[WELLBEING],
        topics=["staff-wellbeing"],
        regions=["global"],
        audiences=["programme-managers"],
        image="layers",
        files=("en", "es"),
    ),
]


def kit_item(slug, note):
    return {"resource": slug, "note": note}


KITS = [
    {
        "type": "resources.ResourceKitPage",
        "slug": "starter-kit-child-labour-agriculture",
        "title": "Starter kit: tackling child labour in agriculture",
        "summary": "Five resources in the order a new programme team needs them, from understanding the numbers "
        "to setting up community monitoring.",
        "introduction": [
            "This kit is for teams starting child labour work in farming communities. It takes about a "
            "day to work through, and each step builds on the previous one."
        ],
        "how_to_use": [
            "Read the sections in order. The notes under each resource say what to take from it and "
            "when to come back to it.",
            [
                "Share the checklist with partners before the first field visit.",
                "Plan monitoring only once hazards are agreed.",
            ],
        ],
        "sections": [
            (
                "section",
                {
                    "title": "Understand the problem",
                    "note": ["Start with the figures and the ideas behind the network's approach."],
                    "items": [
                        kit_item(
                            "child-labour-global-estimates-digest",
                            "Quote these figures correctly in your proposal.",
                        ),
                        kit_item(
                            "learning-from-experience-summary",
                            "Why the portal organises knowledge the way it does.",
                        ),
                    ],
                },
            ),
            (
                "section",
                {
                    "title": "Act in the community",
                    "note": ["Agree hazards first, then monitor."],
                    "items": [
                        kit_item(
                            "hazardous-tasks-checklist", "Use with farmers before the season."
                        ),
                        kit_item(
                            "community-monitoring-committees",
                            "Set up the committee that will follow each child.",
                        ),
                    ],
                },
            ),
            (
                "section",
                {
                    "title": "Check and compare",
                    "note": ["Compare with national data."],
                    "items": [
                        kit_item("unicef-child-labour-data", "Country figures and survey notes.")
                    ],
                },
            ),
        ],
        "topics": ["child-labour"],
        "regions": ["africa", "asia-pacific"],
        "audiences": ["programme-managers", "labour-inspectors"],
        "listing_image": "crop-rows",
    },
    {
        "type": "resources.ResourceKitPage",
        "slug": "first-response-kit-unaccompanied-children",
        "title": "Kit: first response to unaccompanied and separated children",
        "summary": "What a reception team needs in its first weeks with children who arrive alone: figures for "
        "context, an assessment tool, training and a video on interviewing.",
        "introduction": [
            "Put together with reception practitioners around the Mediterranean, this kit follows a "
            "child's first weeks: arrival, interview, assessment and care decision."
        ],
        "how_to_use": [
            "New staff can work through it in their induction week; experienced staff can go straight "
            "to the assessment tool."
        ],
        "sections": [
            (
                "section",
                {
                    "title": "Before the child arrives",
                    "note": ["Know the context and train the team."],
                    "items": [
                        kit_item(
                            "forced-displacement-children-figures", "For briefings and induction."
                        ),
                        kit_item(
                            "course-companion-unaccompanied-children",
                            "Run the free course as a team with these notes.",
                        ),
                    ],
                },
            ),
            (
                "section",
                {
                    "title": "The first interview",
                    "note": ["Prepare interpreters as part of the team."],
                    "items": [
                        kit_item(
                            "interviewing-with-interpreters-video",
                            "Watch before your first interview.",
                        ),
                        kit_item("best-interests-assessment-tool", "Document every step."),
                    ],
                },
            ),
            (
                "section",
                {
                    "title": "Working with helplines",
                    "note": ["Agree referrals both ways."],
                    "items": [
                        kit_item(
                            "helplines-children-in-migration-practices",
                            "How helplines along the route can help.",
                        )
                    ],
                },
            ),
        ],
        "topics": ["children-on-the-move"],
        "regions": ["europe-central-asia", "global"],
        "audiences": ["social-workers", "care-practitioners"],
        "listing_image": "stepping-stones",
    },
    {
        "type": "resources.ResourceKitPage",
        "slug": T(
            "caring-for-carers-kit",
            fr="kit-prendre-soin-des-aidants",
            es="kit-cuidar-a-quien-cuida",
        ),
        "title": T(
            "Kit: caring for the carers",
            fr="Kit : prendre soin des aidants",
            es="Kit: cuidar a quienes cuidan",
            ar="حقيبة موارد: رعاية مقدّمي الرعاية",
        ),
        "summary": T(
            "Three resources that help a helpline or care team notice strain early and build rest and "
            "support into everyday work.",
            fr="Trois ressources pour aider une équipe d'écoute ou de prise en charge à repérer tôt la "
            "surcharge et à intégrer le repos et le soutien dans le travail quotidien.",
            es="Tres recursos que ayudan a un equipo de línea de ayuda o de cuidado a detectar pronto el "
            "desgaste y a incorporar el descanso y el apoyo al trabajo diario.",
            ar="ثلاثة موارد تساعد فريق خط المساندة أو فريق الرعاية على ملاحظة الإجهاد مبكرًا، وعلى جعل "
            "الراحة والدعم جزءًا من العمل اليومي.",
        ),
        "introduction": [
            T(
                "Managers asked for something they could introduce without extra budget. Everything in "
                "this kit can be started in a single team meeting.",
                fr="Les responsables voulaient des outils à mettre en place sans budget supplémentaire. Tout "
                "ce que contient ce kit peut être lancé en une seule réunion d'équipe.",
                es="Las personas responsables pidieron algo que pudieran introducir sin presupuesto "
                "adicional. Todo lo que contiene este kit puede ponerse en marcha en una sola reunión de "
                "equipo.",
                ar="طلب المديرون أدوات يمكنهم اعتمادها دون ميزانية إضافية. ويمكن البدء بكل ما في هذه "
                "الحقيبة خلال اجتماع فريق واحد.",
            )
        ],
        "how_to_use": [
            T(
                "Start with the survey to see where your team is, then choose one practice from the toolkit "
                "and review it after three months.",
                fr="Commencez par l'enquête pour savoir où en est votre équipe, puis choisissez une pratique "
                "de la boîte à outils et faites le point au bout de trois mois.",
                es="Empiece por la encuesta para saber cómo está su equipo; después elija una práctica de la "
                "caja de herramientas y revísela a los tres meses.",
                ar="ابدأ بالاستبيان لتعرف وضع فريقك، ثم اختر ممارسة واحدة من مجموعة الأدوات وراجعها بعد "
                "ثلاثة أشهر.",
            )
        ],
        "sections": [
            (
                "section",
                {
                    "title": T(
                        "See where you are",
                        fr="Faire le point",
                        es="Saber dónde está",
                        ar="اعرف أين تقف",
                    ),
                    "note": [
                        T(
                            "Measure before you change anything.",
                            fr="Mesurez avant de changer quoi que ce soit.",
                            es="Mida antes de cambiar nada.",
                            ar="قِس قبل أن تغيّر أي شيء.",
                        )
                    ],
                    "items": [
                        kit_item(
                            "staff-wellbeing-survey-template",
                            T(
                                "Run it anonymously.",
                                fr="Faites-la de façon anonyme.",
                                es="Aplíquela de forma anónima.",
                                ar="أجرِه دون ذكر الأسماء.",
                            ),
                        )
                    ],
                },
            ),
            (
                "section",
                {
                    "title": T(
                        "Build habits",
                        fr="Prendre de bonnes habitudes",
                        es="Crear hábitos",
                        ar="ابنِ عادات",
                    ),
                    "note": [
                        T(
                            "Small routines, repeated.",
                            fr="De petites routines, répétées.",
                            es="Pequeñas rutinas, repetidas.",
                            ar="ممارسات صغيرة تتكرر بانتظام.",
                        )
                    ],
                    "items": [
                        kit_item(
                            "self-care-team-toolkit",
                            T(
                                "Start with the defusing script.",
                                fr="Commencez par le déroulé de désamorçage.",
                                es="Empiece por el guion de descarga emocional.",
                                ar="ابدأ بدليل جلسة التفريغ.",
                            ),
                        ),
                        kit_item(
                            "burnout-prevention-session-plan",
                            T(
                                "Share experiences with other organisations.",
                                fr="Partagez vos expériences avec d'autres organisations.",
                                es="Comparta experiencias con otras organizaciones.",
                                ar="تبادل الخبرات مع منظمات أخرى.",
                            ),
                        ),
                    ],
                },
            ),
        ],
        "topics": ["staff-wellbeing", "mental-health"],
        "regions": ["global"],
        "audiences": ["programme-managers", "child-helpline-counsellors"],
        "listing_image": "gentle-waves",
        "translate": ["fr", "es", "ar"],
    },
]
