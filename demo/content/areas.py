"""Content areas: one per issue, all in the standard structure (see content_areas.models).

`reviewed_days_ago` dates the last review relative to the day of loading, so the demo always
has fresh areas and one that is overdue for review.

Long because it is data, not code: the areas' texts with their translations. Split by section
already (one module per kind of content in demo.content); splitting one section's texts further
would only scatter them.
"""

from ..text import T

ILO_UNICEF_2021 = T(
    "ILO and UNICEF, Child Labour: Global estimates 2020, trends and the road forward",
    fr="OIT et UNICEF, Travail des enfants : estimations mondiales 2020, tendances et chemin à suivre",
    es="OIT y UNICEF, Trabajo infantil: estimaciones mundiales 2020, tendencias y el camino a seguir",
    ar="منظمة العمل الدولية واليونيسف، عمل الأطفال: التقديرات العالمية لعام 2020 والاتجاهات والطريق "
    "إلى الأمام",
)
MOOC_CASE_STUDY = T(
    "IFRC and International Social Service, Children Moving Alone MOOC case study",
    fr="FICR et Service social international, étude de cas du MOOC Children Moving Alone",
    es="FICR y Servicio Social Internacional, estudio de caso del MOOC Children Moving Alone",
    ar="الاتحاد الدولي لجمعيات الصليب الأحمر والهلال الأحمر والخدمة الاجتماعية الدولية، دراسة حالة "
    "الدورة الإلكترونية المفتوحة Children Moving Alone",
)
UNICEF = T("UNICEF", fr="UNICEF", es="UNICEF", ar="اليونيسف")

CHILD_LABOUR_MONITORING = {
    "type": "content_areas.ContentAreaPage",
    "slug": "child-labour-monitoring",
    "title": "Community-based child labour monitoring",
    "summary": "Village and district committees that find working children, refer them to school and services, "
    "and check months later that they have not gone back to work.",
    "listing_image": "gentle-waves",
    "topics": ["child-labour", "knowledge-management"],
    "regions": ["africa", "ghana", "cote-divoire"],
    "audiences": ["labour-inspectors", "programme-managers"],
    "key_figures": [
        (
            "figure",
            {
                "value": "112 million",
                "label": "children in child labour in agriculture",
                "source": ILO_UNICEF_2021,
                "year": 2021,
            },
        ),
        (
            "figure",
            {
                "value": "Almost 1 in 10",
                "label": "children worldwide are in child labour",
                "source": ILO_UNICEF_2021,
                "year": 2021,
            },
        ),
    ],
    "approaches": [
        ("heading", "From a list of names to a follow-up system"),
        (
            "paragraph",
            [
                "Monitoring works when it is repeated. A committee that visits farms once produces a report; a "
                "committee that returns every term, checks school registers and records what happened to each child "
                "produces change.",
                "Keep the records simple enough for volunteers, and agree in advance who receives a referral: the "
                "head teacher, the social welfare officer or the health post.",
            ],
        ),
        (
            "good_practice",
            {
                "title": "One referral card per child",
                "description": [
                    "Each child found working gets a card listing the agreed next step, the person responsible and "
                    "the date of the next visit. Committees review open cards at every meeting, so no child is "
                    "forgotten between visits.",
                ],
                "where": "Ghana",
                "link": "https://rural-childhood.example.org/referral-cards",
            },
        ),
        (
            "good_practice",
            {
                "title": "Group coaching for new monitoring teams",
                "description": [
                    "A specialist works with several teams at once while they set up their system, so they solve "
                    "problems together instead of alone. The ILO-IPEC knowledge-management plan (2005-2008) proposed "
                    "this kind of group coaching for teams building child labour monitoring.",
                ],
                "where": "Côte d'Ivoire",
                "link": "https://rural-childhood.example.org/coaching",
            },
        ),
        (
            "quote",
            {
                "quote": "The cards changed our meetings. We stopped talking about child labour in general and started "
                "talking about Kofi, Ama and Yaw.",
                "attribution": "Committee chair",
                "role": "Village child protection committee, Rural Childhood Alliance",
            },
        ),
    ],
    "reviewed_days_ago": 45,
    "specialists": ["Kwame Asante"],
    "featured_items": ["village-child-labour-committees", "community-monitoring-committees"],
}

CHILD_LABOUR = {
    "type": "content_areas.ContentAreaPage",
    "slug": T(
        "child-labour-in-agriculture",
        fr="travail-des-enfants-agriculture",
        es="trabajo-infantil-agricultura",
    ),
    "title": T(
        "Child labour in agriculture",
        fr="Le travail des enfants dans l'agriculture",
        es="Trabajo infantil en la agricultura",
    ),
    "summary": T(
        "Most working children are on farms, often in their own family's fields. This area brings together what "
        "helps: mapping hazardous tasks, community monitoring, keeping school open through the harvest, and "
        "working with producers and buyers.",
        fr="La plupart des enfants qui travaillent le font dans des exploitations agricoles, souvent sur les "
        "terres de leur propre famille. Ce domaine réunit ce qui aide : recenser les tâches dangereuses, "
        "organiser un suivi communautaire, garder l'école ouverte pendant les récoltes et travailler avec "
        "producteurs et acheteurs.",
        es="La mayoría de niñas y niños que trabajan lo hacen en el campo, a menudo en las tierras de su propia "
        "familia. Esta área reúne lo que ayuda: identificar tareas peligrosas, el monitoreo comunitario, "
        "mantener la escuela abierta durante la cosecha y trabajar con productores y compradores.",
    ),
    "listing_image": "crop-rows",
    "topics": ["child-labour", "child-trafficking"],
    "regions": ["africa", "ghana", "cote-divoire", "asia-pacific", "india", "bangladesh"],
    "audiences": ["labour-inspectors", "programme-managers", "policy-makers"],
    "key_figures": [
        (
            "figure",
            {
                "value": T("160 million", fr="160 millions", es="160 millones", ar="160 مليون طفل"),
                "label": T(
                    "children in child labour worldwide at the start of 2020",
                    fr="enfants astreints au travail dans le monde au début de 2020",
                    es="niñas y niños en trabajo infantil en el mundo a comienzos de 2020",
                    ar="في عمل الأطفال حول العالم في مطلع عام 2020",
                ),
                "source": ILO_UNICEF_2021,
                "year": 2021,
            },
        ),
        (
            "figure",
            {
                "value": T("70%", ar="70%"),
                "label": T(
                    "of all child labour is in agriculture",
                    fr="du travail des enfants se concentre dans l'agriculture",
                    es="del trabajo infantil se concentra en la agricultura",
                    ar="من عمل الأطفال كله يتركز في الزراعة",
                ),
                "source": ILO_UNICEF_2021,
                "year": 2021,
            },
        ),
        (
            "figure",
            {
                "value": T("79 million", fr="79 millions", es="79 millones", ar="79 مليون طفل"),
                "label": T(
                    "children in hazardous work that endangers their health, safety or development",
                    fr="enfants effectuant un travail dangereux pour leur santé, leur sécurité ou leur "
                    "développement",
                    es="niñas y niños en trabajos peligrosos para su salud, seguridad o desarrollo",
                    ar="في أعمال خطرة تهدد صحتهم أو سلامتهم أو نموّهم",
                ),
                "source": ILO_UNICEF_2021,
                "year": 2021,
            },
        ),
    ],
    "approaches": [
        (
            "heading",
            T(
                "What works on farms",
                fr="Ce qui fonctionne dans les exploitations",
                es="Lo que funciona en el campo",
                ar="ما الذي ينجح في المزارع",
            ),
        ),
        (
            "paragraph",
            [
                T(
                    "Bans alone rarely take children out of the fields. Programmes that last combine three things: they "
                    "establish which tasks are dangerous at which age, they make school a realistic choice for the "
                    "whole "
                    "harvest season, and they give the community its own way to notice and follow up each child.",
                    fr="Les interdictions seules sortent rarement les enfants des champs. Les programmes durables "
                    "combinent trois éléments : ils établissent quelles tâches sont dangereuses à quel âge, ils font "
                    "de l'école un choix réaliste pendant toute la saison des récoltes et ils donnent à la "
                    "communauté "
                    "son propre moyen de repérer et de suivre chaque enfant.",
                    es="Las prohibiciones por sí solas rara vez sacan a la infancia del campo. Los programas que "
                    "perduran "
                    "combinan tres cosas: establecen qué tareas son peligrosas a qué edad, hacen de la escuela una "
                    "opción realista durante toda la cosecha y dan a la comunidad su propia manera de detectar y "
                    "acompañar a cada niña y niño.",
                    ar="نادرًا ما يكفي الحظر وحده لإخراج الأطفال من الحقول. فالبرامج التي تدوم تجمع "
                    "بين ثلاثة أمور: تحدد المهام الخطرة بحسب كل عمر، وتجعل المدرسة خيارًا واقعيًا "
                    "طوال موسم الحصاد، وتمنح المجتمع المحلي وسيلته الخاصة لملاحظة كل طفل "
                    "ومتابعته.",
                ),
            ],
        ),
        (
            "good_practice",
            {
                "title": T(
                    "Hazard lists agreed with farmers",
                    fr="Des listes de tâches dangereuses établies avec les agriculteurs",
                    es="Listas de tareas peligrosas acordadas con quienes cultivan",
                    ar="قوائم بالمهام الخطرة يُتفق عليها مع المزارعين",
                ),
                "description": [
                    T(
                        "Farmers, teachers and labour officers walk through the tasks on local farms and agree which ones "
                        "no child may do, such as spraying pesticides, carrying heavy loads or clearing land with "
                        "machetes, and which light tasks are acceptable after school. A list that farmers helped to "
                        "write "
                        "is one they defend.",
                        fr="Agriculteurs, enseignants et agents du travail passent en revue les tâches des "
                        "exploitations "
                        "locales et conviennent de celles qu'aucun enfant ne doit effectuer, comme pulvériser des "
                        "pesticides, porter de lourdes charges ou défricher à la machette, et des tâches légères "
                        "acceptables après l'école. Une liste que les agriculteurs ont aidé à rédiger est une liste "
                        "qu'ils défendent.",
                        es="Agricultores, docentes e inspectores laborales repasan las tareas de las fincas locales y "
                        "acuerdan cuáles no puede hacer ninguna niña o niño, como fumigar, cargar pesos o desbrozar "
                        "con "
                        "machete, y qué tareas ligeras son aceptables después de la escuela. Una lista que los "
                        "agricultores ayudaron a escribir es una lista que defienden.",
                        ar="يستعرض المزارعون والمعلمون ومفتشو العمل المهام في المزارع المحلية، "
                        "ويتفقون على ما لا يجوز لأي طفل القيام به، مثل رش المبيدات وحمل الأثقال "
                        "وتنظيف الأرض بالمناجل، وعلى المهام الخفيفة المقبولة بعد المدرسة. "
                        "والقائمة التي شارك المزارعون في كتابتها يدافعون عنها.",
                    ),
                ],
                "where": T(
                    "Ghana and Côte d'Ivoire",
                    fr="Ghana et Côte d'Ivoire",
                    es="Ghana y Costa de Marfil",
                    ar="غانا وكوت ديفوار",
                ),
                "link": "https://rural-childhood.example.org/hazard-lists",
            },
        ),
        (
            "good_practice",
            {
                "title": T(
                    "School support through the harvest",
                    fr="Un soutien scolaire pendant les récoltes",
                    es="Apoyo escolar durante la cosecha",
                    ar="دعم مدرسي طوال موسم الحصاد",
                ),
                "description": [
                    T(
                        "Where the harvest overlaps with the school year, catch-up classes and school meals during the "
                        "busiest weeks keep more children enrolled than fines do. Parents stop choosing between the "
                        "crop and the classroom.",
                        fr="Là où les récoltes chevauchent l'année scolaire, des cours de rattrapage et des repas "
                        "scolaires pendant les semaines les plus chargées maintiennent plus d'enfants à l'école que "
                        "les amendes. Les parents n'ont plus à choisir entre la récolte et la classe.",
                        es="Donde la cosecha coincide con el año escolar, las clases de recuperación y los comedores "
                        "escolares en las semanas de más trabajo mantienen a más niñas y niños escolarizados que las "
                        "multas. Las familias dejan de elegir entre la cosecha y el aula.",
                        ar="حين يتزامن الحصاد مع العام الدراسي، تُبقي حصص التقوية والوجبات المدرسية "
                        "في أكثر الأسابيع انشغالًا عددًا أكبر من الأطفال مسجلين في المدرسة مما "
                        "تفعله الغرامات. ولا يعود الأهل مضطرين إلى الاختيار بين المحصول والفصل "
                        "الدراسي.",
                    ),
                ],
                "where": T(
                    "Bangladesh and India",
                    fr="Bangladesh et Inde",
                    es="Bangladés e India",
                    ar="بنغلاديش والهند",
                ),
                "link": "https://portal.example.org/practices/harvest-school-support",
            },
        ),
        (
            "heading",
            T(
                "How this area is kept current",
                fr="Comment ce domaine est tenu à jour",
                es="Cómo se mantiene al día esta área",
                ar="كيف يُحدَّث هذا المجال",
            ),
        ),
        (
            "paragraph",
            [
                T(
                    "The responsible specialist gathers project reports and evaluations, compares them with research, "
                    "and asks peer reviewers from research and practice to check each new product before it is "
                    "published. The model follows the ILO-IPEC plan for managing child labour knowledge (2005-2008), "
                    "which foresaw about three peers per topic area.",
                    fr="La spécialiste responsable rassemble rapports de projet et évaluations, les compare avec la "
                    "recherche et demande à des pairs issus de la recherche et de la pratique de relire chaque "
                    "nouveau produit avant sa publication. Ce modèle suit le plan de l'OIT-IPEC pour la gestion des "
                    "connaissances sur le travail des enfants (2005-2008), qui prévoyait environ trois pairs par "
                    "domaine.",
                    es="La especialista responsable reúne informes de proyectos y evaluaciones, los compara con la "
                    "investigación y pide a pares del ámbito académico y de la práctica que revisen cada nuevo "
                    "producto antes de publicarlo. El modelo sigue el plan de la OIT-IPEC para gestionar el "
                    "conocimiento sobre trabajo infantil (2005-2008), que preveía unos tres pares por área.",
                    ar="يجمع الأخصائي المسؤول تقارير المشاريع وتقييماتها، ويقارنها بنتائج البحوث، "
                    "ويطلب من مراجعين أقران من مجالي البحث والممارسة فحص كل منتج جديد قبل نشره. "
                    "ويتبع هذا النموذج خطة البرنامج الدولي للقضاء على عمل الأطفال التابع لمنظمة "
                    "العمل الدولية لإدارة المعارف المتعلقة بعمل الأطفال (2005-2008)، التي نصّت "
                    "على نحو ثلاثة أقران لكل مجال مواضيعي.",
                ),
            ],
        ),
        (
            "quote",
            {
                "quote": T(
                    "Once the farmers' group had written its own list of dangerous tasks, we stopped arguing "
                    "about the law and started planning the harvest together.",
                    fr="Dès que le groupement d'agriculteurs a rédigé sa propre liste de tâches dangereuses, "
                    "nous avons cessé de débattre de la loi pour planifier ensemble la récolte.",
                    es="Cuando el grupo de agricultores escribió su propia lista de tareas peligrosas, dejamos "
                    "de discutir sobre la ley y empezamos a planificar juntos la cosecha.",
                    ar="منذ أن كتبت جمعية المزارعين قائمتها الخاصة بالمهام الخطرة، توقفنا عن الجدال "
                    "حول القانون وبدأنا نخطط للحصاد معًا.",
                ),
                "attribution": T("Kwame Asante", ar="كوامي أسانتي"),
                "role": T(
                    "Community monitoring adviser, Rural Childhood Alliance",
                    fr="Conseiller en suivi communautaire, Rural Childhood Alliance",
                    es="Asesor de monitoreo comunitario, Rural Childhood Alliance",
                    ar="مستشار الرصد المجتمعي، تحالف الطفولة الريفية",
                ),
            },
        ),
        (
            "image",
            {
                "image": "crop-rows",
                "caption": T(
                    "Rows of crops, drawn as an abstract pattern.",
                    fr="Des rangs de cultures, dessinés comme un motif abstrait.",
                    es="Hileras de cultivos dibujadas como un patrón abstracto.",
                    ar="صفوف من المحاصيل، مرسومة في شكل زخرفة تجريدية.",
                ),
                "decorative": True,
            },
        ),
    ],
    "reviewed_days_ago": 30,
    "specialists": ["Amina Diallo", "Kwame Asante"],
    "featured_items": [
        "starter-kit-child-labour-agriculture",
        "village-child-labour-committees",
        "hazardous-tasks-checklist",
    ],
    "translate": ["fr", "es"],
    "children": [CHILD_LABOUR_MONITORING],
}

CHILDREN_ON_THE_MOVE = {
    "type": "content_areas.ContentAreaPage",
    "slug": T("children-on-the-move", fr="enfants-en-deplacement", es="ninez-en-movimiento"),
    "title": T(
        "Children on the move: unaccompanied and separated children",
        fr="Enfants en déplacement : enfants non accompagnés et séparés",
        es="Niñez en movimiento: niñas y niños no acompañados y separados",
        ar="الأطفال المتنقلون: الأطفال غير المصحوبين والمنفصلون عن ذويهم",
    ),
    "summary": T(
        "Children who travel without a parent or usual caregiver are exposed to violence, exploitation and "
        "detention along the way. This area covers first contact, best-interests decisions and suitable care, "
        "from reception to a lasting solution.",
        fr="Les enfants qui voyagent sans parent ni personne qui s'occupe habituellement d'eux sont exposés à la "
        "violence, à l'exploitation et à la détention en chemin. Ce domaine couvre le premier contact, les "
        "décisions fondées sur l'intérêt supérieur et une prise en charge adaptée, de l'accueil à une solution "
        "durable.",
        es="Las niñas y los niños que viajan sin sus padres ni su cuidador habitual están expuestos a violencia, "
        "explotación y detención en el camino. Esta área trata el primer contacto, las decisiones basadas en "
        "el "
        "interés superior y el cuidado adecuado, desde la acogida hasta una solución duradera.",
        ar="يتعرض الأطفال الذين يسافرون من دون أحد الوالدين أو مقدّم الرعاية المعتاد للعنف والاستغلال والاحتجاز "
        "على طول الطريق. يتناول هذا المجال الاتصال الأول، والقرارات المبنية على المصلحة الفضلى، والرعاية "
        "الملائمة، من الاستقبال حتى الحل الدائم.",
    ),
    "listing_image": "stepping-stones",
    "topics": ["children-on-the-move", "alternative-care", "child-trafficking"],
    "regions": [
        "global",
        "europe-central-asia",
        "greece",
        "italy",
        "middle-east-north-africa",
        "lebanon",
        "jordan",
        "latin-america-caribbean",
        "mexico",
        "guatemala",
    ],
    "audiences": ["social-workers", "child-helpline-counsellors", "care-practitioners"],
    "key_figures": [
        (
            "figure",
            {
                "value": T("43.3 million", fr="43,3 millions", es="43,3 millones", ar="43.3 مليون"),
                "label": T(
                    "children living in forced displacement at the end of 2022",
                    fr="enfants vivant en situation de déplacement forcé à la fin de 2022",
                    es="niñas y niños en situación de desplazamiento forzado a finales de 2022",
                    ar="طفل يعيشون في حالة نزوح قسري في نهاية عام 2022",
                ),
                "source": UNICEF,
                "year": 2023,
            },
        ),
        (
            "figure",
            {
                "value": T("About 30,000", fr="Environ 30 000", es="Unas 30.000", ar="نحو 30,000"),
                "label": T(
                    "front-line workers have joined the free six-week Children Moving Alone course since 2019",
                    fr="professionnels de terrain ont suivi depuis 2019 le cours gratuit de six semaines "
                    "Children Moving Alone",
                    es="profesionales de primera línea han participado desde 2019 en el curso gratuito de seis "
                    "semanas Children Moving Alone",
                    ar="عامل في الخطوط الأمامية التحقوا منذ 2019 بدورة Children Moving Alone المجانية ومدتها "
                    "ستة أسابيع",
                ),
                "source": MOOC_CASE_STUDY,
            },
        ),
        (
            "figure",
            {
                "value": T("181", fr="181", es="181", ar="181"),
                "label": T(
                    "countries, at least, that course participants came from",
                    fr="pays au moins d'où venaient les participants au cours",
                    es="países, como mínimo, de donde procedían las personas participantes",
                    ar="بلدًا على الأقل جاء منها المشاركون في الدورة",
                ),
                "source": MOOC_CASE_STUDY,
            },
        ),
    ],
    "approaches": [
        (
            "heading",
            T(
                "First contact and best interests",
                fr="Premier contact et intérêt supérieur",
                es="Primer contacto e interés superior",
                ar="الاتصال الأول والمصلحة الفضلى",
            ),
        ),
        (
            "paragraph",
            [
                T(
                    "The first adult a child meets after a border crossing often shapes everything that follows. "
                    "Practitioners who explain who they are, what happens next and what the child may refuse earn the "
                    "trust an honest needs assessment depends on.",
                    fr="Le premier adulte que rencontre un enfant après le passage d'une frontière conditionne souvent "
                    "tout ce qui suit. Les professionnels qui expliquent qui ils sont, ce qui va se passer et ce que "
                    "l'enfant peut refuser gagnent la confiance dont dépend une évaluation honnête des besoins.",
                    es="La primera persona adulta que encuentra una niña o un niño tras cruzar una frontera suele "
                    "marcar "
                    "todo lo que viene después. Quien explica quién es, qué ocurrirá y qué puede rechazar el niño se "
                    "gana la confianza de la que depende una evaluación honesta de necesidades.",
                    ar="كثيرًا ما يحدد أول شخص بالغ يلتقيه الطفل بعد عبور الحدود كل ما يأتي بعد ذلك. فالممارسون الذين "
                    "يشرحون من هم وما الذي سيحدث لاحقًا وما يحق للطفل رفضه يكسبون الثقة التي يقوم عليها تقييم صادق "
                    "للاحتياجات.",
                ),
                T(
                    "Care decisions should rest on a documented best-interests assessment that is revisited whenever the "
                    "child's situation changes, never on age or nationality alone.",
                    fr="Les décisions de prise en charge doivent reposer sur une évaluation documentée de l'intérêt "
                    "supérieur, revue chaque fois que la situation de l'enfant change, et jamais sur le seul âge ou "
                    "la "
                    "seule nationalité.",
                    es="Las decisiones de cuidado deben basarse en una evaluación documentada del interés superior, "
                    "revisada cada vez que cambia la situación del niño o la niña, y nunca solo en la edad o la "
                    "nacionalidad.",
                    ar="ينبغي أن تستند قرارات الرعاية إلى تقييم موثَّق للمصلحة الفضلى يُعاد النظر فيه كلما تغير وضع "
                    "الطفل، لا إلى العمر أو الجنسية وحدهما.",
                ),
            ],
        ),
        (
            "good_practice",
            {
                "title": T(
                    "A range of care options, not a single shelter",
                    fr="Un éventail de solutions de prise en charge, pas un seul foyer",
                    es="Varias opciones de cuidado, no un único albergue",
                    ar="مجموعة من خيارات الرعاية لا مأوى واحد",
                ),
                "description": [
                    T(
                        "Where kinship care, foster families, supported independent living and small group homes all "
                        "exist, each child can be matched to a placement instead of filling the only bed available. The "
                        "free online course led by IFRC and International Social Service gives these options a week of "
                        "their own.",
                        fr="Là où coexistent la prise en charge par la famille élargie, les familles d'accueil, "
                        "l'autonomie accompagnée et les petits foyers, chaque enfant peut être orienté vers la "
                        "solution "
                        "qui lui convient au lieu d'occuper la seule place libre. Le cours en ligne gratuit dirigé "
                        "par "
                        "la FICR et le Service social international consacre une semaine entière à ces options.",
                        es="Donde existen a la vez el cuidado por familiares, las familias de acogida, la vida "
                        "independiente con apoyo y los hogares pequeños, cada niña o niño puede recibir el lugar "
                        "que le "
                        "conviene en vez de ocupar la única cama libre. El curso en línea gratuito que dirigen la "
                        "FICR "
                        "y el Servicio Social Internacional dedica una semana completa a estas opciones.",
                        ar="حيثما تتوفر الرعاية لدى الأقارب والأسر الحاضنة والعيش المستقل المدعوم ودور الرعاية الصغيرة، "
                        "يمكن توجيه كل طفل إلى الترتيب الذي يناسبه بدلًا من شغل السرير الوحيد المتاح. وتخصص الدورة "
                        "المجانية عبر الإنترنت التي يقودها الاتحاد الدولي لجمعيات الصليب الأحمر والهلال الأحمر "
                        "والخدمة الاجتماعية الدولية أسبوعًا كاملًا لهذه الخيارات.",
                    ),
                ],
                "where": T(
                    "Worldwide",
                    fr="Dans le monde entier",
                    es="En todo el mundo",
                    ar="في جميع أنحاء العالم",
                ),
                "link": "https://www.futurelearn.com",
            },
        ),
        (
            "good_practice",
            {
                "title": T(
                    "Interpreters briefed before the interview",
                    fr="Des interprètes préparés avant l'entretien",
                    es="Intérpretes preparados antes de la entrevista",
                    ar="إطلاع المترجمين قبل المقابلة",
                ),
                "description": [
                    T(
                        "A ten-minute briefing on child-friendly language, confidentiality and the purpose of the "
                        "interview turns the interpreter into part of the protection team. Children are also asked "
                        "whether they are comfortable with the interpreter's gender and origin.",
                        fr="Un briefing de dix minutes sur le langage adapté aux enfants, la confidentialité et le but "
                        "de "
                        "l'entretien fait de l'interprète un membre de l'équipe de protection. On demande aussi à "
                        "l'enfant s'il est à l'aise avec le genre et l'origine de l'interprète.",
                        es="Una sesión de diez minutos sobre lenguaje adaptado a la infancia, confidencialidad y "
                        "propósito "
                        "de la entrevista convierte al intérprete en parte del equipo de protección. También se "
                        "pregunta al niño o la niña si se siente cómodo con el género y el origen del intérprete.",
                        ar="إحاطة مدتها عشر دقائق حول اللغة الملائمة للأطفال والسرية والغرض من المقابلة تجعل المترجم "
                        "جزءًا "
                        "من فريق الحماية. ويُسأل الطفل أيضًا إن كان مرتاحًا لجنس المترجم وأصله.",
                    ),
                ],
                "where": T(
                    "Greece and Italy",
                    fr="Grèce et Italie",
                    es="Grecia e Italia",
                    ar="اليونان وإيطاليا",
                ),
                "link": "https://reception-forum.example.org/interpreters",
            },
        ),
        (
            "quote",
            {
                "quote": T(
                    "We ask every child the same first question: what do you need to feel safe tonight? The "
                    "answer becomes the first page of the care plan.",
                    fr="Nous posons à chaque enfant la même première question : de quoi as-tu besoin pour te "
                    "sentir en sécurité ce soir ? Sa réponse devient la première page du plan de prise en "
                    "charge.",
                    es="A cada niño le hacemos la misma primera pregunta: ¿qué necesitas para sentirte seguro "
                    "esta noche? Su respuesta se convierte en la primera página del plan de cuidado.",
                    ar="نطرح على كل طفل السؤال الأول نفسه: ما الذي تحتاجه لتشعر بالأمان الليلة؟ وتصبح إجابته "
                    "الصفحة الأولى من خطة الرعاية.",
                ),
                "attribution": "Marco Bianchi",
                "role": "Mediterranean Reception Practitioners Forum",
            },
        ),
    ],
    "reviewed_days_ago": 12,
    "specialists": ["Leila Haddad", "Marco Bianchi"],
    "featured_items": [
        "first-response-kit-unaccompanied-children",
        "children-moving-alone-mooc",
        "children-in-migration",
    ],
    "translate": ["fr", "es", "ar"],
}

LGBTQI_HELPLINES = {
    "type": "content_areas.ContentAreaPage",
    "slug": "lgbtqi-inclusive-helplines",
    "title": "LGBTQI+ inclusive practice in child helplines",
    "summary": "How helplines make LGBTQI+ children feel safe enough to reach out, and what counsellors can do when "
    "a young person is coming out, being bullied or facing rejection at home.",
    "listing_image": "open-arcs",
    "topics": ["lgbtqi-children", "inclusive-practice", "child-helplines", "mental-health"],
    "regions": ["global", "europe-central-asia"],
    "audiences": ["child-helpline-counsellors", "trainers", "programme-managers"],
    "key_figures": [
        (
            "figure",
            {
                "value": T("2", ar="2"),
                "label": T(
                    "eLearning modules on inclusive practice and on LGBTQI+ children and "
                    "young people, launched by a child-helpline network's WeListen project",
                    ar="وحدات للتعلّم الإلكتروني حول الممارسة الشاملة وحول الأطفال واليافعين من مجتمع "
                    "الميم، أطلقها مشروع WeListen التابع لشبكة من خطوط مساندة الطفل",
                ),
                "source": T(
                    "Child-helpline network, press release on the WeListen eLearning modules",
                    ar="شبكة خطوط مساندة الطفل، بيان صحفي عن وحدات التعلّم الإلكتروني في مشروع WeListen",
                ),
                "year": 2019,
            },
        ),
        (
            "figure",
            {
                "value": T("1", ar="1"),
                "label": T(
                    "further module, on children in migration, announced for the following year",
                    ar="وحدة إضافية عن الأطفال في سياق الهجرة، أُعلن عنها للعام التالي",
                ),
                "source": "Child-helpline network, press release on the WeListen eLearning modules",
                "year": 2020,
            },
        ),
    ],
    "approaches": [
        (
            "heading",
            T("Make it visible that everyone is welcome", ar="أظهِروا بوضوح أن الجميع مُرحَّب بهم"),
        ),
        (
            "paragraph",
            [
                T(
                    "Many LGBTQI+ young people test a service before they tell it anything real. A neutral first "
                    "question, "
                    "counsellors who do not assume the gender of a partner, and outreach that names LGBTQI+ young people "
                    "explicitly all tell a child that this is a safe place to talk.",
                    ar="كثير من اليافعين من مجتمع الميم يختبرون الخدمة قبل أن يبوحوا لها بأي شيء حقيقي. "
                    "فالسؤال الأول المحايد، والمرشدون الذين لا يفترضون جنس الشريك، والتوعية التي تذكر "
                    "اليافعين من مجتمع الميم صراحةً، كلها تقول للطفل إن هذا مكان آمن للحديث.",
                ),
            ],
        ),
        (
            "good_practice",
            {
                "title": T(
                    "Planning a coming-out conversation with the child",
                    ar="التخطيط مع الطفل لحديث الإفصاح عن هويته",
                ),
                "description": [
                    T(
                        "Some helplines have built real expertise in supporting young people who want to come out to "
                        "their "
                        "parents. Counsellors help the child weigh the risks, choose a moment and a trusted adult, and "
                        "agree a safety plan in case the conversation goes badly.",
                        ar="اكتسبت بعض خطوط المساندة خبرة حقيقية في دعم اليافعين الذين يرغبون في الإفصاح عن "
                        "هويتهم لوالديهم. يساعد المرشدون الطفل على موازنة المخاطر، واختيار الوقت المناسب "
                        "وشخص بالغ موثوق، والاتفاق على خطة للسلامة إن سار الحديث على نحو سيئ.",
                    ),
                    T(
                        "This practice came out of the network's community of practice on LGBTQI+ children and young "
                        "people.",
                        ar="نشأت هذه الممارسة في مجتمع الممارسة التابع للشبكة والمعني بالأطفال واليافعين من "
                        "مجتمع الميم.",
                    ),
                ],
                "where": T("Members in Europe", ar="أعضاء في أوروبا"),
                "link": "https://helpline-forum.example.org/coming-out",
            },
        ),
        (
            "good_practice",
            {
                "title": T("A vetted list of referral partners", ar="قائمة مُدقَّقة بشركاء الإحالة"),
                "description": [
                    T(
                        "Before referring a child, the helpline checks that the youth group, clinic or shelter is "
                        "genuinely affirming. The list is reviewed every six months, and counsellors record whether a "
                        "referral worked.",
                        ar="قبل إحالة أي طفل، يتحقق خط المساندة من أن مجموعة الشباب أو العيادة أو دار "
                        "الإيواء تتقبّل الطفل وتسانده فعلًا. وتُراجَع القائمة كل ستة أشهر، ويسجّل "
                        "المرشدون ما إذا كانت الإحالة قد نجحت.",
                    ),
                ],
                "where": T("Network members", ar="أعضاء الشبكة"),
                "link": "https://helpline-forum.example.org/referrals",
            },
        ),
        (
            "quote",
            {
                "quote": T(
                    "The calls changed when we changed our greeting. Young people told us later that one sentence "
                    "on our website made them dial.",
                    ar="تغيّرت المكالمات حين غيّرنا عبارة الترحيب. وأخبرنا اليافعون لاحقًا أن جملة واحدة "
                    "على موقعنا هي التي دفعتهم إلى الاتصال.",
                ),
                "attribution": T("Jonas Lindqvist", ar="يوناس ليندكفيست"),
                "role": T("Helpline Practice Forum", ar="منتدى ممارسات خطوط المساندة"),
            },
        ),
    ],
    "reviewed_days_ago": 390,
    "specialists": ["Jonas Lindqvist"],
    "featured_items": [
        "inclusive-practice-helplines",
        "coming-out-guidance",
        "inclusive-language-glossary",
    ],
}

ALTERNATIVE_CARE = {
    "type": "content_areas.ContentAreaPage",
    "slug": "alternative-care",
    "title": "Alternative care and family reintegration",
    "summary": "Keeping children in families wherever possible: preventing unnecessary separation, moving children "
    "from institutions to family-based care, and supporting the families they go back to.",
    "listing_image": "warm-circles",
    "topics": ["alternative-care", "family-strengthening"],
    "regions": ["latin-america-caribbean", "colombia", "guatemala", "mexico", "africa", "uganda"],
    "audiences": ["care-practitioners", "social-workers", "programme-managers"],
    "key_figures": [
        (
            "figure",
            {
                "value": T("2.7 million", ar="2.7 مليون طفل"),
                "label": T(
                    "children estimated to live in residential care worldwide",
                    ar="يُقدَّر أنهم يعيشون في الرعاية المؤسسية حول العالم",
                ),
                "source": T(
                    "Petrowski, Cappa and Gross, Child Abuse and Neglect",
                    ar="بيتروفسكي وكابا وغروس، مجلة Child Abuse and Neglect",
                ),
                "year": 2017,
            },
        ),
        (
            "figure",
            {
                "value": T("12", ar="12"),
                "label": T(
                    "two-hour online sessions in the six-month Mutual Learning Program for "
                    "care practitioners",
                    ar="جلسة عبر الإنترنت مدة كل منها ساعتان، في برنامج التعلّم المتبادل للعاملين في "
                    "مجال الرعاية الممتد ستة أشهر",
                ),
                "source": T(
                    "Mutual Learning Program, programme description",
                    ar="برنامج التعلّم المتبادل، وصف البرنامج",
                ),
                "year": 2023,
            },
        ),
        (
            "figure",
            {
                "value": T("About 15", ar="نحو 15"),
                "label": T(
                    "organisations in each learning group, each with two or three representatives",
                    ar="منظمة في كل مجموعة تعلّم، لكل منها ممثلان أو ثلاثة",
                ),
                "source": "Mutual Learning Program, programme description",
                "year": 2023,
            },
        ),
    ],
    "approaches": [
        (
            "heading",
            T(
                "Gatekeeping: the placement that never happens",
                ar="ضبط الإيداع: الإيداع الذي لا يحدث أبدًا",
            ),
        ),
        (
            "paragraph",
            [
                T(
                    "The most effective reform starts at the door. Gatekeeping means every request to place a child is "
                    "assessed, and families get support such as cash, parenting help or respite before separation is "
                    "considered.",
                    ar="يبدأ الإصلاح الأكثر فاعلية من الباب. فضبط الإيداع يعني أن يُقيَّم كل طلب لإيداع "
                    "طفل، وأن تحصل الأسر على الدعم، كالمساعدات النقدية أو المساندة في التربية أو "
                    "الرعاية المؤقتة، قبل التفكير في فصل الطفل عن أسرته.",
                ),
                T(
                    "When institutions do close, children move with a plan made with them, and staff are retrained as "
                    "family-support workers rather than let go.",
                    ar="وحين تُغلق المؤسسات فعلًا، ينتقل الأطفال وفق خطة وُضعت بمشاركتهم، ويُعاد تدريب "
                    "الموظفين ليعملوا في دعم الأسر بدلًا من الاستغناء عنهم.",
                ),
            ],
        ),
        (
            "good_practice",
            {
                "title": T("Reflective teams for difficult cases", ar="فرق تأمّلية للحالات الصعبة"),
                "description": [
                    T(
                        "A small group of colleagues listens to a case, then discusses it aloud while the case worker "
                        "listens without replying. Practitioners in the Mutual Learning Program use this dialogical "
                        "method "
                        "to find options a single worker would miss.",
                        ar="تستمع مجموعة صغيرة من الزملاء إلى عرض حالة، ثم تناقشها بصوت مسموع بينما يصغي "
                        "أخصائي الحالة دون أن يرد. ويستخدم الممارسون في برنامج التعلّم المتبادل هذا "
                        "الأسلوب الحواري للعثور على خيارات قد تفوت عاملًا بمفرده.",
                    ),
                ],
                "where": "Latin America and the Caribbean",
                "link": "https://mutuallearningprogram.org",
            },
        ),
        (
            "good_practice",
            {
                "title": T(
                    "Reintegration visits that continue after the return",
                    ar="زيارات لإعادة الإدماج تستمر بعد العودة",
                ),
                "description": [
                    T(
                        "Case workers keep visiting for at least a year after a child goes home, more often in the first "
                        "three months, and link the family to school, health and income support.",
                        ar="يواصل أخصائيو الحالة زياراتهم لمدة سنة على الأقل بعد عودة الطفل إلى بيته، "
                        "وبوتيرة أعلى في الأشهر الثلاثة الأولى، ويربطون الأسرة بالمدرسة والخدمات الصحية "
                        "ودعم الدخل.",
                    ),
                ],
                "where": "Uganda",
                "link": "https://family-care.example.org/reintegration",
            },
        ),
        (
            "quote",
            {
                "quote": T(
                    "We used to measure success by how many children left the institution. Now we measure how many "
                    "are still at home a year later.",
                    ar="كنا نقيس النجاح بعدد الأطفال الذين غادروا المؤسسة. أما الآن فنقيسه بعدد من لا "
                    "يزالون في بيوتهم بعد عام.",
                ),
                "attribution": T("Lucía Fernández", ar="لوسيا فرنانديث"),
                "role": T("Andean Family Care Network", ar="شبكة الأنديز للرعاية الأسرية"),
            },
        ),
    ],
    "reviewed_days_ago": 160,
    "specialists": ["Lucía Fernández"],
    "featured_items": ["mutual-learning-care-practitioners", "transition-stories-family-care"],
}

STAFF_WELLBEING = {
    "type": "content_areas.ContentAreaPage",
    "slug": "staff-wellbeing",
    "title": "Staff wellbeing and counsellor care",
    "summary": "Counsellors and care workers hear distressing stories every day. This area collects practical ways "
    "for teams and managers to prevent burnout and vicarious trauma.",
    "listing_image": "gentle-waves",
    "topics": ["staff-wellbeing", "mental-health", "child-helplines"],
    "regions": ["global", "africa", "kenya", "uganda"],
    "audiences": ["child-helpline-counsellors", "programme-managers", "care-practitioners"],
    "key_figures": [
        (
            "figure",
            {
                "value": T("5", ar="5"),
                "label": T(
                    "countries whose partner organisations meet in one monthly online "
                    "community of practice",
                    ar="بلدان تلتقي المنظمات الشريكة فيها في مجتمع ممارسة واحد عبر الإنترنت كل شهر",
                ),
                "source": T(
                    "Chance for Childhood, article on its Community of Practice",
                    ar="منظمة Chance for Childhood، مقال عن مجتمع الممارسة الخاص بها",
                ),
                "year": 2020,
            },
        ),
        (
            "figure",
            {
                "value": T("1:1", ar="1:1"),
                "label": T(
                    "follow-up call offered to every partner after each themed session",
                    ar="مكالمة متابعة فردية تُعرض على كل شريك بعد كل جلسة مواضيعية",
                ),
                "source": "Chance for Childhood, article on its Community of Practice",
                "year": 2020,
            },
        ),
    ],
    "approaches": [
        ("heading", T("Care built into the rota", ar="رعاية مدمجة في جدول المناوبات")),
        (
            "paragraph",
            [
                T(
                    "Wellbeing cannot depend on individual resilience. Teams that protect counsellors plan for it: a "
                    "short "
                    "defusing conversation after hard calls, supervision that asks how the worker is and not only how the "
                    "case is going, and a rota that leaves time to recover.",
                    ar="لا يمكن أن يتوقف الرفاه على قدرة كل فرد على الصمود. فالفرق التي تحمي مرشديها "
                    "تخطط له: حديث قصير لتفريغ الضغط بعد المكالمات الصعبة، وإشراف يسأل عن حال العامل "
                    "لا عن سير الحالة فحسب، وجدول مناوبات يترك وقتًا للتعافي.",
                ),
            ],
        ),
        (
            "good_practice",
            {
                "title": T("Peer calls across organisations", ar="مكالمات أقران بين المنظمات"),
                "description": [
                    T(
                        "Chance for Childhood's partners in five countries meet online once a month to discuss a theme, "
                        "including self-care for staff, and each partner is offered a one-to-one follow-up. Practitioners "
                        "say the calls build trust to talk about their own struggles.",
                        ar="يلتقي شركاء منظمة Chance for Childhood في خمسة بلدان عبر الإنترنت مرة كل شهر "
                        "لمناقشة موضوع ما، ومنه الرعاية الذاتية للموظفين، ويُعرض على كل شريك متابعة "
                        "فردية. ويقول الممارسون إن هذه المكالمات تبني الثقة اللازمة للحديث عن الصعوبات "
                        "التي يمرون بها.",
                    ),
                ],
                "where": T("East and Central Africa", ar="شرق أفريقيا ووسطها"),
                "link": "https://chanceforchildhood.org",
            },
        ),
        (
            "good_practice",
            {
                "title": T(
                    "A five-minute defusing after difficult calls",
                    ar="خمس دقائق لتفريغ الضغط بعد المكالمات الصعبة",
                ),
                "description": [
                    T(
                        "After a call involving abuse or suicide risk, the counsellor takes five minutes off the line "
                        "with "
                        "a colleague to say what happened, how they feel and what they need next.",
                        ar="بعد مكالمة تتعلق بإساءة أو بخطر الانتحار، يبتعد المرشد عن الخط خمس دقائق مع أحد "
                        "زملائه ليروي ما حدث، وما يشعر به، وما يحتاج إليه بعد ذلك.",
                    ),
                ],
                "where": "Kenya",
                "link": "https://helpline-forum.example.org/defusing",
            },
        ),
        (
            "quote",
            {
                "quote": T(
                    "Our counsellors stay longer since we stopped treating tiredness as a weakness and started "
                    "scheduling rest like any other shift.",
                    ar="صار مرشدونا يبقون معنا مدة أطول منذ توقفنا عن اعتبار التعب ضعفًا، وبدأنا نجدول "
                    "الراحة كما نجدول أي مناوبة أخرى.",
                ),
                "attribution": T("Grace Wanjiru", ar="غريس وانجيرو"),
                "role": T("Child Protection Knowledge Network", ar="شبكة المعرفة لحماية الطفل"),
            },
        ),
    ],
    "reviewed_days_ago": 250,
    "specialists": ["Grace Wanjiru"],
    "featured_items": ["caring-for-carers-kit", "peer-calls-counsellor-wellbeing"],
}

AREAS = [CHILD_LABOUR, CHILDREN_ON_THE_MOVE, LGBTQI_HELPLINES, ALTERNATIVE_CARE, STAFF_WELLBEING]
