"""eLearning modules and their lessons.

The first two follow a child-helpline network's WeListen modules (seed 000); the third follows
the structure of the Mutual Learning Program for care practitioners (seed 003).

Long because it is data, not code: three modules' lessons with their translations; split by
section already (one module per kind of content in demo.content).
"""

from ..text import T

REFLECT = T(
    "Pause and reflect",
    fr="Prenez le temps de réfléchir",
    es="Deténgase a reflexionar",
    ar="توقّف وتأمّل",
)


def lesson(slug, title, summary, minutes, steps, image, translate=()):
    return {
        "type": "learning.LessonPage",
        "slug": slug,
        "title": title,
        "summary": summary,
        "estimated_minutes": minutes,
        "steps": steps,
        "listing_image": image,
        "translate": list(translate),
    }


INCLUSIVE_PRACTICE = {
    "type": "learning.ELearningModulePage",
    "slug": "inclusive-practice-helplines",
    "title": "Inclusive practice for child helplines",
    "summary": "Three lessons on making a helpline reachable and safe for every child, including children with "
    "disabilities and LGBTQI+ young people.",
    "overview": [
        T(
            "This module grew out of the communities of practice in which helpline members shared how they reach "
            "children who rarely call. The network added research and materials from expert organisations, and "
            "members "
            "reviewed every lesson before publication.",
            ar="نشأت هذه الوحدة في مجتمعات الممارسة التي تبادل فيها أعضاء خطوط المساندة طرقهم في "
            "الوصول إلى الأطفال الذين نادرًا ما يتصلون. وأضافت الشبكة إليها بحوثًا ومواد من "
            "منظمات متخصصة، وراجع الأعضاء كل درس قبل نشره.",
        ),
        T(
            "A child-helpline network launched modules on inclusive practice and on LGBTQI+ children and young people "
            "in 2019 as part of its WeListen project; this module follows the same learning cycle.",
            ar="أطلقت شبكة لخطوط مساندة الطفل عام 2019 وحدات تعليمية حول الممارسة الشاملة وحول "
            "الأطفال واليافعين من مجتمع الميم ضمن مشروعها WeListen، وتتبع هذه الوحدة دورة "
            "التعلّم نفسها.",
        ),
    ],
    "learning_objectives": [
        (
            "objective",
            T(
                "Identify which groups of children your helpline rarely hears from, and why.",
                ar="حدِّد فئات الأطفال التي نادرًا ما يسمع منها خط المساندة الذي تعمل فيه، وأسباب "
                "ذلك.",
            ),
        ),
        (
            "objective",
            T(
                "Choose contact channels that children with different disabilities can use.",
                ar="اختر قنوات تواصل يستطيع استخدامها الأطفال ذوو الإعاقات المختلفة.",
            ),
        ),
        (
            "objective",
            T(
                "Respond to an LGBTQI+ young person without assumptions and with a safety plan.",
                ar="استجب لليافع أو اليافعة من مجتمع الميم دون افتراضات مسبقة ومع خطة للسلامة.",
            ),
        ),
    ],
    "audience_note": T(
        "Counsellors, supervisors and trainers in child helplines, new or experienced.",
        ar="المرشدون والمشرفون والمدربون في خطوط مساندة الطفل، من الجدد وأصحاب الخبرة.",
    ),
    "estimated_minutes": 75,
    "external_course_url": "https://helpline-forum.example.org/elearning/inclusive-practice",
    "topics": ["inclusive-practice", "lgbtqi-children", "child-helplines"],
    "regions": ["global", "europe-central-asia"],
    "audiences": ["child-helpline-counsellors", "trainers"],
    "listing_image": "open-arcs",
    "children": [
        lesson(
            "who-is-missing",
            "Who is missing from our calls?",
            "Looking at your own contact data to find the children who are not reaching you.",
            20,
            [
                ("heading", "Start with your data"),
                (
                    "text",
                    [
                        "Compare who contacts your helpline with who lives in your country: age, sex, "
                        "language, region, disability. Gaps are rarely random; they tell you who does not "
                        "know "
                        "about you, cannot reach you or does not trust you.",
                        [
                            "Which languages do callers use?",
                            "Which regions are silent?",
                            "How many contacts mention a disability?",
                        ],
                    ],
                ),
                (
                    "reflection",
                    {
                        "question": "Which group of children do you think your helpline hears from "
                        "least, and what might be keeping them away?",
                        "guidance": ["Note one barrier you could test in the next three months."],
                    },
                ),
                (
                    "download",
                    {
                        "document": "inclusive-language-glossary/en",
                        "title": "Inclusive language glossary (PDF)",
                    },
                ),
            ],
            "gathering",
        ),
        lesson(
            "disability-and-channels",
            "Children with disabilities: choosing the right channel",
            "Phone lines exclude many children. Chat, text, video sign language and easy-read materials open "
            "the door to more of them.",
            25,
            [
                ("heading", "One channel is never enough"),
                (
                    "text",
                    [
                        "Some members have built deep knowledge of the technology that lets children with "
                        "disabilities express themselves. A deaf child may need video with a sign language "
                        "interpreter; a child with a learning disability may need short sentences and more "
                        "time."
                    ],
                ),
                (
                    "quote",
                    {
                        "quote": "We added a chat option and a picture board. Within a month we heard from "
                        "children we had never heard from before.",
                        "attribution": "Helpline supervisor",
                        "role": "Helpline Practice Forum member",
                    },
                ),
                (
                    "reflection",
                    {
                        "question": "If a child who cannot speak wanted to reach your service today, "
                        "how would they do it?",
                        "guidance": ["Walk through the steps yourself, on a phone, without sound."],
                    },
                ),
                (
                    "download",
                    {
                        "document": "self-care-team-toolkit/en",
                        "title": "Team toolkit for difficult contacts (PDF)",
                    },
                ),
            ],
            "horizon",
        ),
        lesson(
            "supporting-lgbtqi-children",
            "Supporting LGBTQI+ children and young people",
            "Respectful language, coming-out conversations and safe referrals.",
            30,
            [
                ("heading", "Listen without assuming"),
                (
                    "text",
                    [
                        "Use the words the young person uses. Ask before naming a partner's gender, and never "
                        "treat an identity as the problem to solve.",
                        "When a young person wants to come out to family, help them weigh the risks, choose "
                        "a moment and a trusted adult, and agree what to do if it goes badly.",
                    ],
                ),
                (
                    "image",
                    {
                        "image": "open-arcs",
                        "caption": "Open arcs, drawn as an abstract pattern.",
                        "decorative": True,
                    },
                ),
                (
                    "reflection",
                    {
                        "question": "What would a young person hear in the first thirty seconds of a "
                        "call to your helpline that tells them they are welcome?",
                        "guidance": ["Listen to your own greeting as if you were fifteen."],
                    },
                ),
                (
                    "download",
                    {
                        "document": "coming-out-guidance/en",
                        "title": "Guidance: when a young person comes out (PDF)",
                    },
                ),
            ],
            "open-arcs",
        ),
    ],
}

CHILDREN_IN_MIGRATION = {
    "type": "learning.ELearningModulePage",
    "slug": T("children-in-migration", fr="enfants-migrants", es="ninez-migrante"),
    "title": T(
        "Children in migration and child helplines",
        fr="Les enfants migrants et les lignes d'assistance",
        es="La niñez migrante y las líneas de ayuda",
        ar="الأطفال في سياق الهجرة وخطوط مساندة الطفل",
    ),
    "summary": T(
        "Three lessons for helpline teams on supporting children who migrate, often alone: their risks, the first "
        "contact, and partnerships along the route.",
        fr="Trois leçons pour les équipes des lignes d'assistance sur le soutien aux enfants qui migrent, souvent "
        "seuls : leurs risques, le premier contact et les partenariats le long du parcours.",
        es="Tres lecciones para equipos de líneas de ayuda sobre cómo apoyar a niñas y niños que migran, a menudo "
        "solos: sus riesgos, el primer contacto y las alianzas a lo largo de la ruta.",
        ar="ثلاثة دروس لفرق خطوط المساندة حول دعم الأطفال الذين يهاجرون، وكثيرًا ما يهاجرون وحدهم: المخاطر التي يواجهونها، والتواصل الأول معهم، والشراكات على امتداد طريق الهجرة.",
    ),
    "overview": [
        T(
            "Children on the move contact helplines from transit points, reception centres and cities far from home. "
            "Some members have years of experience building partnerships that give these children a real support "
            "system; this module shares what they learned.",
            fr="Les enfants en déplacement contactent les lignes d'assistance depuis des lieux de transit, des "
            "centres "
            "d'accueil ou des villes éloignées de chez eux. Certains membres ont des années d'expérience dans la "
            "création de partenariats qui offrent à ces enfants un véritable système de soutien ; ce module "
            "partage ce qu'ils ont appris.",
            es="La niñez en movimiento contacta con las líneas de ayuda desde lugares de tránsito, centros de "
            "acogida "
            "y ciudades lejos de casa. Algunos miembros tienen años de experiencia creando alianzas que ofrecen "
            "a "
            "estos niños un verdadero sistema de apoyo; este módulo comparte lo que aprendieron.",
            ar="يتصل الأطفال المتنقلون بخطوط المساندة من نقاط العبور ومراكز الاستقبال ومن مدن بعيدة عن ديارهم. ولدى بعض الأعضاء سنوات من الخبرة في بناء شراكات توفر لهؤلاء الأطفال منظومة دعم حقيقية، وهذه الوحدة تنقل ما تعلّموه.",
        ),
        T(
            "A child-helpline network announced its module on children in migration for 2020, after its modules on "
            "inclusive practice and LGBTQI+ children; this module follows the same approach.",
            fr="Un réseau de lignes d'assistance a annoncé son module sur les enfants migrants pour 2020, après "
            "ceux "
            "sur la pratique inclusive et les enfants LGBTQI+ ; ce module suit la même démarche.",
            es="Una red de líneas de ayuda anunció su módulo sobre niñez migrante para 2020, después de los de "
            "práctica inclusiva y niñez LGBTQI+; este módulo sigue el mismo enfoque.",
            ar="أعلنت شبكة لخطوط مساندة الطفل عن وحدتها حول الأطفال في سياق الهجرة لعام 2020، بعد وحدتيها حول الممارسة الشاملة للجميع والأطفال من مجتمع الميم؛ وتتبع هذه الوحدة النهج نفسه.",
        ),
    ],
    "learning_objectives": [
        (
            "objective",
            T(
                "Describe the main risks children face when they migrate alone.",
                fr="Décrire les principaux risques que courent les enfants qui migrent seuls.",
                es="Describir los principales riesgos que enfrentan niñas y niños que migran solos.",
                ar="وصف أبرز المخاطر التي يواجهها الأطفال عندما يهاجرون وحدهم.",
            ),
        ),
        (
            "objective",
            T(
                "Handle a first contact with a child on the move safely and honestly.",
                fr="Mener un premier contact avec un enfant en déplacement de façon sûre et honnête.",
                es="Atender un primer contacto con un niño o una niña en movimiento con seguridad y "
                "honestidad.",
                ar="إدارة التواصل الأول مع طفل متنقل بأمان وصدق.",
            ),
        ),
        (
            "objective",
            T(
                "Agree referral routes with services along the migration route.",
                fr="Convenir de circuits d'orientation avec les services situés sur le parcours "
                "migratoire.",
                es="Acordar vías de derivación con los servicios de la ruta migratoria.",
                ar="الاتفاق على مسارات الإحالة مع الخدمات الموجودة على طول طريق الهجرة.",
            ),
        ),
    ],
    "audience_note": T(
        "Helpline counsellors and supervisors in countries of origin, transit and destination.",
        fr="Écoutants et superviseurs des lignes d'assistance dans les pays d'origine, de transit "
        "et "
        "de destination.",
        es="Personal de orientación y supervisión de líneas de ayuda en países de origen, "
        "tránsito y "
        "destino.",
        ar="مستشارو خطوط المساندة والمشرفون عليهم في بلدان المنشأ والعبور والمقصد.",
    ),
    "estimated_minutes": 80,
    "external_course_url": "https://helpline-forum.example.org/elearning/children-in-migration",
    "topics": ["children-on-the-move", "child-helplines"],
    "regions": ["global", "europe-central-asia", "latin-america-caribbean"],
    "audiences": ["child-helpline-counsellors", "social-workers"],
    "listing_image": "stepping-stones",
    "translate": ["fr", "es", "ar"],
    "children": [
        lesson(
            T("why-children-move", fr="pourquoi-les-enfants-partent", es="por-que-migran"),
            T(
                "Why children move and what they risk",
                fr="Pourquoi les enfants partent et ce qu'ils risquent",
                es="Por qué migran y qué riesgos corren",
                ar="لماذا يتنقل الأطفال وما المخاطر التي يتعرضون لها",
            ),
            T(
                "Conflict, poverty, violence at home and the hope of joining family: what pushes children to leave, "
                "and what they meet on the way.",
                fr="Conflits, pauvreté, violence familiale, espoir de rejoindre des proches : ce qui pousse les "
                "enfants "
                "à partir, et ce qu'ils rencontrent en chemin.",
                es="Conflictos, pobreza, violencia en casa y la esperanza de reunirse con la familia: lo que "
                "empuja a "
                "la niñez a irse y lo que encuentra en el camino.",
                ar="النزاعات والفقر والعنف في البيت والأمل في اللحاق بالأسرة: ما الذي يدفع الأطفال إلى الرحيل، وما الذي يواجهونه في الطريق.",
            ),
            25,
            [
                (
                    "heading",
                    T(
                        "Reasons are rarely single",
                        fr="Les raisons sont rarement uniques",
                        es="Las razones rara vez son únicas",
                        ar="نادرًا ما يكون السبب واحدًا",
                    ),
                ),
                (
                    "text",
                    [
                        T(
                            "Most children leave for several reasons at once. A child may flee violence at home and also "
                            "hope to earn money for younger siblings. Understanding the mix helps a counsellor see "
                            "which "
                            "risks the child is likely to accept.",
                            fr="La plupart des enfants partent pour plusieurs raisons à la fois. Un enfant peut fuir la "
                            "violence familiale tout en espérant gagner de l'argent pour ses frères et sœurs. "
                            "Comprendre "
                            "ce mélange aide l'écoutant à voir quels risques l'enfant est prêt à accepter.",
                            es="La mayoría se va por varias razones a la vez. Un niño puede huir de la violencia en "
                            "casa y, "
                            "al mismo tiempo, esperar ganar dinero para sus hermanos. Entender esa mezcla ayuda a "
                            "ver qué "
                            "riesgos está dispuesto a asumir.",
                            ar="يرحل معظم الأطفال لأسباب عدة في آن واحد. فقد يهرب طفل من العنف في البيت ويأمل في الوقت نفسه أن يكسب مالًا لإخوته الأصغر. وفهم هذا المزيج يساعد المستشار على إدراك المخاطر التي يُرجَّح أن يقبل بها الطفل.",
                        ),
                        [
                            T(
                                "trafficking and forced labour",
                                fr="la traite et le travail forcé",
                                es="la trata y el trabajo forzoso",
                                ar="الاتجار بالبشر والعمل القسري",
                            ),
                            T(
                                "detention and family separation",
                                fr="la détention et la séparation familiale",
                                es="la detención y la separación familiar",
                                ar="الاحتجاز والانفصال عن الأسرة",
                            ),
                            T(
                                "loneliness, fear and poor health",
                                fr="la solitude, la peur et une mauvaise santé",
                                es="la soledad, el miedo y la mala salud",
                                ar="الوحدة والخوف وتدهور الصحة",
                            ),
                        ],
                    ],
                ),
                (
                    "reflection",
                    {
                        "question": T(
                            "Think of a child on the move you have spoken to. Which reasons for leaving did "
                            "they mention, and which did you only guess?",
                            fr="Pensez à un enfant en déplacement avec qui vous avez parlé. Quelles "
                            "raisons de "
                            "départ a-t-il citées, et lesquelles avez-vous seulement devinées ?",
                            es="Piense en un niño o una niña en movimiento con quien haya hablado. ¿Qué "
                            "razones mencionó y cuáles solo supuso usted?",
                            ar="فكّر في طفل متنقل تحدثت إليه. ما أسباب الرحيل التي ذكرها، وما الأسباب التي خمّنتها أنت فقط؟",
                        ),
                        "guidance": [
                            T(
                                "Write down one question you could ask next time to hear the whole story.",
                                fr="Notez une question que vous pourriez poser la prochaine fois pour entendre "
                                "toute l'histoire.",
                                es="Anote una pregunta que podría hacer la próxima vez para escuchar toda la "
                                "historia.",
                                ar="دوّن سؤالًا واحدًا يمكنك طرحه في المرة القادمة لتسمع القصة كاملة.",
                            )
                        ],
                    },
                ),
                (
                    "download",
                    {
                        "document": "forced-displacement-children-figures/en",
                        "title": T(
                            "Key figures on displaced children (PDF)",
                            fr="Chiffres clés sur les enfants déplacés (PDF, en anglais)",
                            es="Cifras clave sobre niñez desplazada (PDF, en inglés)",
                            ar="أرقام رئيسية عن الأطفال النازحين (PDF، بالإنجليزية)",
                        ),
                    },
                ),
            ],
            "stepping-stones",
            translate=("fr", "es", "ar"),
        ),
        lesson(
            T("first-contact-child-on-the-move", fr="premier-contact", es="primer-contacto"),
            T(
                "First contact: answering a child on the move",
                fr="Premier contact : répondre à un enfant en déplacement",
                es="Primer contacto: atender a un niño o una niña en movimiento",
            ),
            T(
                "What to say in the first minutes, how to check safety, and what not to promise.",
                fr="Que dire dans les premières minutes, comment vérifier la sécurité et ce qu'il ne faut pas "
                "promettre.",
                es="Qué decir en los primeros minutos, cómo comprobar la seguridad y qué no prometer.",
            ),
            30,
            [
                (
                    "heading",
                    T(
                        "Safety first, story later",
                        fr="D'abord la sécurité, ensuite l'histoire",
                        es="Primero la seguridad, después la historia",
                    ),
                ),
                (
                    "text",
                    [
                        T(
                            "Ask where the child is and whether they are safe right now before anything else. Explain "
                            "who you are and what the helpline can and cannot do: a broken promise ends the trust you "
                            "need.",
                            fr="Avant toute chose, demandez où se trouve l'enfant et s'il est en sécurité en ce moment. "
                            "Expliquez qui vous êtes et ce que la ligne peut faire ou non : une promesse non tenue "
                            "détruit la confiance dont vous avez besoin.",
                            es="Antes que nada, pregunte dónde está y si está a salvo en este momento. Explique quién "
                            "es "
                            "y qué puede y no puede hacer la línea: una promesa incumplida rompe la confianza que "
                            "necesita.",
                        ),
                        T(
                            "If the child does not share your language, use the interpreter service or a chat in their "
                            "language, and check that they understood you.",
                            fr="Si l'enfant ne parle pas votre langue, faites appel au service d'interprétation ou à un "
                            "chat dans sa langue, et vérifiez qu'il vous a compris.",
                            es="Si no habla su idioma, recurra al servicio de interpretación o a un chat en su lengua, "
                            "y "
                            "compruebe que le ha entendido.",
                        ),
                    ],
                ),
                (
                    "quote",
                    {
                        "quote": T(
                            "The girl only relaxed when I told her I would not call the police without asking "
                            "her first.",
                            fr="La jeune fille ne s'est détendue que lorsque je lui ai dit que je "
                            "n'appellerais "
                            "pas la police sans lui demander d'abord.",
                            es="La chica solo se tranquilizó cuando le dije que no llamaría a la policía sin "
                            "preguntarle antes.",
                        ),
                        "attribution": T(
                            "Helpline counsellor", fr="Écoutante", es="Orientadora de la línea"
                        ),
                        "role": "Helpline Practice Forum",
                    },
                ),
                (
                    "reflection",
                    {
                        "question": T(
                            "What can your helpline promise a child on the move, and what can it not?",
                            fr="Que peut promettre votre ligne à un enfant en déplacement, et que ne "
                            "peut-elle "
                            "pas promettre ?",
                            es="¿Qué puede prometer su línea a un niño o una niña en movimiento y qué no?",
                        ),
                        "guidance": [
                            T(
                                "Compare your answer with your supervisor's.",
                                fr="Comparez votre réponse avec celle de votre superviseur.",
                                es="Compare su respuesta con la de su supervisor o supervisora.",
                            )
                        ],
                    },
                ),
                (
                    "download",
                    {
                        "document": "best-interests-assessment-tool/en",
                        "title": T(
                            "Best-interests assessment tool (PDF)",
                            fr="Outil d'évaluation de l'intérêt supérieur (PDF)",
                            es="Herramienta de evaluación del interés superior (PDF)",
                        ),
                    },
                ),
            ],
            "horizon",
            translate=("fr", "es"),
        ),
        lesson(
            T(
                "partners-along-the-route",
                fr="partenaires-sur-le-parcours",
                es="aliados-en-la-ruta",
            ),
            T(
                "Working with partners along the route",
                fr="Travailler avec les partenaires sur le parcours",
                es="Trabajar con aliados a lo largo de la ruta",
            ),
            T(
                "Referral agreements with reception centres, guardianship services and helplines in other countries.",
                fr="Des accords d'orientation avec les centres d'accueil, les services de tutelle et les lignes "
                "d'assistance d'autres pays.",
                es="Acuerdos de derivación con centros de acogida, servicios de tutela y líneas de ayuda de otros "
                "países.",
            ),
            25,
            [
                (
                    "heading",
                    T(
                        "Agree before you need it",
                        fr="Se mettre d'accord avant d'en avoir besoin",
                        es="Acordar antes de necesitarlo",
                    ),
                ),
                (
                    "text",
                    [
                        T(
                            "A referral made at midnight works only if the receiving service already knows you. Members "
                            "with strong support systems sign short agreements with reception centres and guardianship "
                            "services, naming a contact person and the information they will share.",
                            fr="Une orientation faite à minuit ne fonctionne que si le service qui la reçoit vous "
                            "connaît "
                            "déjà. Les membres qui disposent de solides systèmes de soutien signent de courts "
                            "accords "
                            "avec les centres d'accueil et les services de tutelle, en désignant une personne de "
                            "contact et les informations échangées.",
                            es="Una derivación hecha a medianoche solo funciona si el servicio que la recibe ya le "
                            "conoce. "
                            "Los miembros con sistemas de apoyo sólidos firman acuerdos breves con centros de "
                            "acogida y "
                            "servicios de tutela, con una persona de contacto y la información que compartirán.",
                        ),
                    ],
                ),
                (
                    "reflection",
                    {
                        "question": T(
                            "Which service on the route would you most need to call tonight, and do you "
                            "have a named contact there?",
                            fr="Quel service du parcours auriez-vous le plus besoin d'appeler ce soir, et y "
                            "avez-vous un contact nommé ?",
                            es="¿A qué servicio de la ruta necesitaría llamar esta noche y tiene allí un "
                            "contacto con nombre?",
                        ),
                        "guidance": [
                            T(
                                "If not, make that contact the first action of your next week.",
                                fr="Sinon, faites de ce contact la première action de la semaine prochaine.",
                                es="Si no lo tiene, haga de ese contacto la primera tarea de la próxima "
                                "semana.",
                            )
                        ],
                    },
                ),
                (
                    "download",
                    {
                        "document": "helplines-children-in-migration-practices/en",
                        "title": T(
                            "Good practices for helplines (PDF)",
                            fr="Bonnes pratiques pour les lignes d'assistance (PDF, en anglais)",
                            es="Buenas prácticas para líneas de ayuda (PDF)",
                        ),
                    },
                ),
            ],
            "gathering",
            translate=("fr", "es"),
        ),
    ],
}

MUTUAL_LEARNING = {
    "type": "learning.ELearningModulePage",
    "slug": "mutual-learning-care-practitioners",
    "title": "Mutual learning for care practitioners",
    "summary": "Four lessons that follow the themes of a six-month mutual-learning programme: dialogue, work with "
    "families, transforming care, and caring for the caregiver.",
    "overview": [
        T(
            "Rather than telling organisations how to change, mutual learning invites practitioners to share their "
            "know-how, experiences and difficulties. The Mutual Learning Program runs this way twice a year in "
            "English "
            "and Spanish, with groups of about fifteen organisations and a two-hour online session every two weeks.",
            ar="بدلًا من أن يُملي التعلّم المتبادل على المنظمات كيف تتغير، يدعو الممارسين إلى "
            "تبادل خبراتهم العملية وتجاربهم والصعوبات التي يواجهونها. ويُنفَّذ برنامج التعلّم "
            "المتبادل على هذا النحو مرتين في السنة بالإنجليزية والإسبانية، مع مجموعات تضم نحو "
            "خمس عشرة منظمة وجلسة عبر الإنترنت مدتها ساعتان كل أسبوعين.",
        ),
        T(
            "These lessons let you work through the same four themes on your own or with your team, with materials to "
            "review before each one, as participants do before each session.",
            ar="تتيح لك هذه الدروس العمل على المحاور الأربعة نفسها بمفردك أو مع فريقك، مع مواد "
            "تراجعها قبل كل درس، كما يفعل المشاركون قبل كل جلسة.",
        ),
    ],
    "learning_objectives": [
        (
            "objective",
            T(
                "Use dialogical methods such as reflective teams in case discussions.",
                ar="استخدم أساليب حوارية مثل الفرق التأمّلية في مناقشة الحالات.",
            ),
        ),
        (
            "objective",
            T(
                "Plan family engagement, case management and reintegration for a child in care.",
                ar="خطِّط لإشراك الأسرة وإدارة الحالة وإعادة الإدماج لطفل في الرعاية.",
            ),
        ),
        (
            "objective",
            T(
                "Describe gatekeeping and the steps from institutional to family-based care.",
                ar="صِف ضبط الإيداع وخطوات الانتقال من الرعاية المؤسسية إلى الرعاية الأسرية.",
            ),
        ),
        (
            "objective",
            T(
                "Put in place one routine that protects caregivers' own wellbeing.",
                ar="أرسِ روتينًا واحدًا يحمي رفاه مقدّمي الرعاية أنفسهم.",
            ),
        ),
    ],
    "audience_note": T(
        "Care practitioners and managers in organisations providing or reforming alternative care.",
        ar="العاملون والمديرون في مجال الرعاية في المنظمات التي تقدّم الرعاية البديلة أو "
        "تعمل على إصلاحها.",
    ),
    "estimated_minutes": 120,
    "external_course_url": "https://mutuallearningprogram.org",
    "topics": ["alternative-care", "family-strengthening", "staff-wellbeing"],
    "regions": ["latin-america-caribbean", "global"],
    "audiences": ["care-practitioners", "social-workers", "programme-managers"],
    "listing_image": "warm-circles",
    "children": [
        lesson(
            "collaborative-dialogical-practice",
            "Collaborative and dialogical practice",
            "Starting from not knowing: how dialogue opens possibilities a single expert cannot see.",
            30,
            [
                ("heading", "The position of not knowing"),
                (
                    "text",
                    [
                        "Practitioners who approach a family as curious learners rather than experts hear more "
                        "and impose less. Reflective teams make this a habit: colleagues discuss a case "
                        "aloud "
                        "while the case worker listens."
                    ],
                ),
                (
                    "reflection",
                    {
                        "question": "When did a family last tell you something that changed your plan "
                        "for their child?",
                        "guidance": ["What made it possible for them to tell you?"],
                    },
                ),
                (
                    "download",
                    {
                        "document": "case-management-worksheet/en",
                        "title": "Case management worksheet (PDF)",
                    },
                ),
            ],
            "gathering",
        ),
        lesson(
            "working-with-families",
            "Working with families and communities",
            "The impact of institutionalisation, family engagement, case management and reintegration.",
            30,
            [
                ("heading", "From assessment to follow-up"),
                (
                    "text",
                    [
                        "Case management links a needs assessment to an intervention plan, regular reporting "
                        "and follow-up, and maps the network around the family. Reintegration needs extra "
                        "care when a family is in crisis, grieving or has a history of abuse."
                    ],
                ),
                (
                    "reflection",
                    {
                        "question": "Who in the family's network could you involve that you have not "
                        "yet asked?",
                        "guidance": ["Draw the network map with the family at your next visit."],
                    },
                ),
                (
                    "download",
                    {
                        "document": "transition-stories-family-care/en",
                        "title": "Transition stories from local organisations (PDF)",
                    },
                ),
            ],
            "warm-circles",
        ),
        lesson(
            "how-of-transformation",
            "The how of transformation",
            "Gatekeeping, moving from institutional to family-based care, and networking with the rest of the "
            "child protection system.",
            35,
            [
                ("heading", "Gatekeeping and transition"),
                (
                    "text",
                    [
                        "Transformation starts by preventing unnecessary placements and continues with a "
                        "planned move of children, staff and funding towards family- and community-based "
                        "care. Local organisations that have made the transition are the best guides."
                    ],
                ),
                (
                    "reflection",
                    {
                        "question": "Which step of the transition would be hardest for your "
                        "organisation, and who could help?",
                        "guidance": [
                            "Think of staff, funders, authorities and the children themselves."
                        ],
                    },
                ),
                (
                    "download",
                    {
                        "document": "gatekeeping-session-materials/en",
                        "title": "Gatekeeping session materials (PDF)",
                    },
                ),
            ],
            "horizon",
        ),
        lesson(
            "caring-for-the-caregiver",
            "Taking care of the caregiver",
            "Mutual care among practitioners, so that the people who support families can keep going.",
            25,
            [
                ("heading", "Care is part of the work"),
                (
                    "text",
                    [
                        "Programmes that close each cycle with a session on caring for the caregiver remind "
                        "practitioners that their wellbeing is part of good care, not a distraction from "
                        "it."
                    ],
                ),
                (
                    "quote",
                    {
                        "quote": "We were nothing without our relationships: with the children, the families, "
                        "and each other.",
                        "attribution": "Care practitioner",
                        "role": "Programme participant (paraphrased)",
                    },
                ),
                (
                    "reflection",
                    {
                        "question": "What do you do after a hard day that helps you come back the next "
                        "morning?",
                        "guidance": ["Share one idea with a colleague this week."],
                    },
                ),
                (
                    "download",
                    {
                        "document": "self-care-team-toolkit/en",
                        "title": "Self-care team toolkit (PDF)",
                    },
                ),
            ],
            "gentle-waves",
        ),
    ],
}

MODULES = [INCLUSIVE_PRACTICE, CHILDREN_IN_MIGRATION, MUTUAL_LEARNING]
