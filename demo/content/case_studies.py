"""Case studies. The first retells the IFRC / ISS "Children Moving Alone" MOOC case study (seed
001) with its figures; the other two are fictional, and their sources say so.

Long because it is data, not code: three case studies' texts with their translations.
"""

from ..text import T
from .areas import MOOC_CASE_STUDY as MOOC_SOURCE

MOOC_QUOTE_NOTE = T(
    "Course participant, paraphrased from the IFRC and ISS case study",
    fr="Participant au cours, propos reformulés d'après l'étude de cas de la FICR et du SSI",
    es="Participante del curso, palabras parafraseadas del estudio de caso de la FICR y el SSI",
    ar="أحد المشاركين في الدورة، بتصرّف عن دراسة الحالة الصادرة عن الاتحاد الدولي لجمعيات الصليب "
    "الأحمر والهلال الأحمر والخدمة الاجتماعية الدولية",
)

MOOC = {
    "type": "case_studies.CaseStudyPage",
    "slug": T(
        "children-moving-alone-mooc",
        fr="cours-en-ligne-enfants-voyageant-seuls",
        es="curso-en-linea-ninez-que-viaja-sola",
    ),
    "title": T(
        "Children Moving Alone: a free online course for front-line workers",
        fr="Children Moving Alone : un cours en ligne gratuit pour les professionnels de terrain",
        es="Children Moving Alone: un curso en línea gratuito para profesionales de primera línea",
    ),
    "summary": T(
        "An inter-agency group led by IFRC and International Social Service built a six-week open online course "
        "on protecting unaccompanied and separated children. About 30,000 front-line workers from at least 181 "
        "countries have taken it.",
        fr="Un groupe interinstitutions dirigé par la FICR et le Service social international a conçu un cours en "
        "ligne ouvert de six semaines sur la protection des enfants non accompagnés et séparés. Environ 30 000 "
        "professionnels de terrain d'au moins 181 pays l'ont suivi.",
        es="Un grupo interinstitucional liderado por la FICR y el Servicio Social Internacional creó un curso en "
        "línea abierto de seis semanas sobre la protección de niñas y niños no acompañados y separados. Unas "
        "30.000 personas de primera línea de al menos 181 países lo han realizado.",
    ),
    "year": 2019,
    "background": [
        T(
            "Each year, hundreds of thousands of children cross borders without a parent or their usual caregiver. "
            "Without that protection they are more exposed to trafficking, sexual exploitation, forced labour and "
            "other violence, and to homelessness, illness and isolation.",
            fr="Chaque année, des centaines de milliers d'enfants franchissent des frontières sans parent ni la "
            "personne qui s'occupe habituellement d'eux. Privés de cette protection, ils sont davantage exposés "
            "à la traite, à l'exploitation sexuelle, au travail forcé et à d'autres violences, ainsi qu'à "
            "l'absence de logement, à la maladie et à l'isolement.",
            es="Cada año, cientos de miles de niñas y niños cruzan fronteras sin sus padres ni su cuidador "
            "habitual. "
            "Sin esa protección quedan más expuestos a la trata, la explotación sexual, el trabajo forzoso y "
            "otras "
            "violencias, así como a la falta de vivienda, la enfermedad y el aislamiento.",
            ar="يعبر مئات الآلاف من الأطفال الحدود كل عام من دون أحد الوالدين أو مقدّم الرعاية "
            "المعتاد. ومن دون هذه الحماية يصبحون أكثر عرضة للاتجار بالبشر والاستغلال الجنسي "
            "والعمل القسري وغير ذلك من أشكال العنف، وللتشرّد والمرض والعزلة.",
        ),
        T(
            "Suitable alternative care can keep these children safe while their situation is resolved, yet the "
            "workers who decide on their care every day rarely have access to training. The course set out to close "
            "that gap at scale.",
            fr="Une protection de remplacement adaptée peut assurer leur sécurité le temps que leur situation se "
            "règle, mais les professionnels qui décident chaque jour de leur prise en charge ont rarement accès "
            "à "
            "une formation. Le cours visait à combler ce manque à grande échelle.",
            es="Un cuidado alternativo adecuado puede mantenerlos a salvo mientras se resuelve su situación, pero "
            "quienes deciden cada día sobre su cuidado rara vez tienen acceso a formación. El curso se propuso "
            "cerrar esa brecha a gran escala.",
            ar="يمكن للرعاية البديلة الملائمة أن تحفظ سلامة هؤلاء الأطفال ريثما تُحسم أوضاعهم، غير "
            "أن العاملين الذين يقررون كل يوم كيف يُرعى هؤلاء الأطفال نادرًا ما تُتاح لهم فرص "
            "التدريب. وقد سعت الدورة إلى سدّ هذه الفجوة على نطاق واسع.",
        ),
    ],
    "support": [
        T(
            "The course, Caring for Children Moving Alone: Protecting Unaccompanied and Separated Children, is free "
            "and lasts six weeks. It is meant for social workers, carers, guardians and other front-line staff. "
            "Its weeks cover:",
            fr="Le cours, Caring for Children Moving Alone: Protecting Unaccompanied and Separated Children, est "
            "gratuit et dure six semaines. Il s'adresse aux travailleurs sociaux, aux personnes qui accueillent "
            "des enfants, aux tuteurs et aux autres professionnels de terrain. Ses semaines portent sur :",
            es="El curso, Caring for Children Moving Alone: Protecting Unaccompanied and Separated Children, es "
            "gratuito y dura seis semanas. Está pensado para trabajo social, personas cuidadoras, tutores y otro "
            "personal de primera línea. Sus semanas tratan:",
            ar="الدورة المعنونة «رعاية الأطفال المتنقلين وحدهم: حماية الأطفال غير المصحوبين "
            "والمنفصلين عن ذويهم» مجانية ومدتها ستة أسابيع. وهي موجّهة إلى الأخصائيين الاجتماعيين "
            "ومقدّمي الرعاية والأوصياء وغيرهم من العاملين في الخطوط الأمامية. وتتناول أسابيعها:",
        ),
        [
            T(
                "why children move alone, the risks they meet and how to respond",
                fr="les raisons pour lesquelles les enfants partent seuls, les risques qu'ils courent et comment y "
                "répondre",
                es="por qué viajan solos, los riesgos que enfrentan y cómo responder",
                ar="أسباب تنقّل الأطفال وحدهم، والمخاطر التي يواجهونها، وكيفية الاستجابة لها",
            ),
            T(
                "why a country needs a range of alternative care options",
                fr="pourquoi un pays a besoin d'un éventail de solutions de protection de remplacement",
                es="por qué un país necesita varias opciones de cuidado alternativo",
                ar="حاجة كل بلد إلى مجموعة متنوعة من خيارات الرعاية البديلة",
            ),
            T(
                "examples of care and support from different regions",
                fr="des exemples de prise en charge et de soutien dans différentes régions",
                es="ejemplos de cuidado y apoyo de distintas regiones",
                ar="أمثلة على الرعاية والدعم من مناطق مختلفة",
            ),
            T(
                "the skills workers need",
                fr="les compétences nécessaires aux professionnels",
                es="las competencias que necesita el personal",
                ar="المهارات التي يحتاجها العاملون",
            ),
            T(
                "assessing needs, vulnerabilities and best interests",
                fr="l'évaluation des besoins, des vulnérabilités et de l'intérêt supérieur",
                es="la evaluación de necesidades, vulnerabilidades e interés superior",
                ar="تقييم الاحتياجات ومواطن الضعف والمصالح الفضلى للطفل",
            ),
            T(
                "coordination between humanitarian actors and alternative care professionals",
                fr="la coordination entre acteurs humanitaires et professionnels de la protection de remplacement",
                es="la coordinación entre actores humanitarios y profesionales del cuidado alternativo",
                ar="التنسيق بين الجهات الإنسانية والمهنيين العاملين في الرعاية البديلة",
            ),
        ],
        T(
            "A task force of fourteen agencies worked with IFRC and International Social Service on the content.",
            fr="Un groupe de travail de quatorze organisations a élaboré le contenu avec la FICR et le Service "
            "social "
            "international.",
            es="Un grupo de trabajo de catorce organizaciones elaboró el contenido con la FICR y el Servicio Social "
            "Internacional.",
            ar="عملت فرقة عمل تضم أربع عشرة وكالة مع الاتحاد الدولي لجمعيات الصليب الأحمر والهلال "
            "الأحمر والخدمة الاجتماعية الدولية على إعداد المحتوى.",
        ),
    ],
    "partners": [
        "ifrc",
        "iss",
        "better-care-network",
        "fice",
        "ifsw",
        "hope-and-homes",
        "end-violence",
        "icrc",
        "idc",
        "iom",
        "relaf",
        "save-the-children",
        "sos-childrens-villages",
        "terre-des-hommes",
        "unhcr",
        "unicef",
        "celcis",
        "futurelearn",
    ],
    "successes": [
        (
            "heading",
            T(
                "Reach and satisfaction",
                fr="Portée et satisfaction",
                es="Alcance y satisfacción",
                ar="الانتشار ورضا المشاركين",
            ),
        ),
        (
            "key_figures",
            [
                {
                    "value": T(
                        "About 30,000", fr="Environ 30 000", es="Unas 30.000", ar="نحو 30,000"
                    ),
                    "label": T(
                        "front-line workers enrolled since the course opened in 2019",
                        fr="professionnels de terrain inscrits depuis l'ouverture du cours en 2019",
                        es="profesionales de primera línea inscritos desde la apertura del curso en 2019",
                        ar="من العاملين في الخطوط الأمامية سجّلوا في الدورة منذ انطلاقها عام 2019",
                    ),
                    "source": MOOC_SOURCE,
                },
                {
                    "value": T("181+", fr="181+", es="181+", ar="أكثر من 181"),
                    "label": T(
                        "countries that participants came from, in every region",
                        fr="pays d'origine des participants, dans toutes les régions",
                        es="países de origen de las personas participantes, en todas las regiones",
                        ar="بلدًا جاء منها المشاركون، من جميع المناطق",
                    ),
                    "source": MOOC_SOURCE,
                },
                {
                    "value": T("4.9 / 5", fr="4,9 / 5", es="4,9 / 5", ar="4.9 من 5"),
                    "label": T(
                        "average rating given by participants",
                        fr="note moyenne donnée par les participants",
                        es="valoración media de las personas participantes",
                        ar="متوسط تقييم المشاركين للدورة",
                    ),
                    "source": MOOC_SOURCE,
                },
            ],
        ),
        (
            "paragraph",
            [
                T(
                    "Pooling the technical strengths of the task force gave agencies a shared, more consistent way of "
                    "responding to unaccompanied and separated children.",
                    fr="La mise en commun des compétences techniques du groupe de travail a donné aux organisations une "
                    "manière commune et plus cohérente de répondre aux besoins des enfants non accompagnés et "
                    "séparés.",
                    es="Reunir las capacidades técnicas del grupo de trabajo dio a las organizaciones una forma común y "
                    "más coherente de responder a la niñez no acompañada y separada.",
                    ar="أتاح تجميع الخبرات الفنية لدى فرقة العمل للوكالات طريقة مشتركة وأكثر اتساقًا "
                    "في الاستجابة للأطفال غير المصحوبين والمنفصلين عن ذويهم.",
                ),
            ],
        ),
        (
            "image",
            {
                "image": "stepping-stones",
                "caption": T(
                    "Stepping stones, drawn as an abstract pattern.",
                    fr="Des pierres de gué, dessinées comme un motif abstrait.",
                    es="Piedras de paso dibujadas como un patrón abstracto.",
                    ar="حجارة للعبور، مرسومة في شكل زخرفة تجريدية.",
                ),
                "decorative": True,
            },
        ),
    ],
    "challenges": [
        T(
            "Promotion was not adapted enough to each region and sub-region, which held back sign-ups in some places.",
            fr="La promotion n'a pas été suffisamment adaptée à chaque région et sous-région, ce qui a freiné les "
            "inscriptions à certains endroits.",
            es="La promoción no se adaptó lo suficiente a cada región y subregión, lo que frenó las inscripciones "
            "en "
            "algunos lugares.",
            ar="لم يُكيَّف الترويج للدورة بما يكفي مع كل منطقة ومنطقة فرعية، مما حدّ من التسجيل في "
            "بعض الأماكن.",
        ),
        T(
            "Funding was uncertain at the start, so fundraising went on while the course was being built.",
            fr="Le financement était incertain au départ : la recherche de fonds s'est donc poursuivie pendant la "
            "conception du cours.",
            es="La financiación era incierta al principio, por lo que la búsqueda de fondos continuó mientras se "
            "construía el curso.",
            ar="كان التمويل غير مضمون في البداية، فاستمر جمع الأموال في أثناء إعداد الدورة.",
        ),
        T(
            "CELCIS and FutureLearn host the course for the long term, but there is no budget for facilitators who "
            "would engage with learners.",
            fr="CELCIS et FutureLearn hébergent le cours dans la durée, mais aucun budget ne permet à des "
            "animateurs "
            "d'échanger avec les apprenants.",
            es="CELCIS y FutureLearn alojan el curso a largo plazo, pero no hay presupuesto para facilitadores que "
            "interactúen con el alumnado.",
            ar="تستضيف منصة FutureLearn ومركز CELCIS الدورة على المدى الطويل، لكن لا توجد ميزانية "
            "لميسّرين يتفاعلون مع المتعلمين.",
        ),
    ],
    "lessons_learned": [
        (
            "lesson",
            [
                T(
                    "Map promising practice from around the world before writing any content.",
                    fr="Recenser les pratiques prometteuses dans le monde avant d'écrire le moindre contenu.",
                    es="Identificar prácticas prometedoras en todo el mundo antes de escribir ningún "
                    "contenido.",
                    ar="رصد الممارسات الواعدة في أنحاء العالم قبل كتابة أي محتوى.",
                )
            ],
        ),
        (
            "lesson",
            [
                T(
                    "Look for materials in languages other than English, so that learners everywhere can use "
                    "them.",
                    fr="Chercher des supports dans d'autres langues que l'anglais, pour que les apprenants de "
                    "partout puissent s'en servir.",
                    es="Buscar materiales en otros idiomas además del inglés para que el alumnado de todas "
                    "partes pueda usarlos.",
                    ar="البحث عن مواد بلغات غير الإنجليزية، ليتمكن المتعلمون في كل مكان من الاستفادة "
                    "منها.",
                )
            ],
        ),
        (
            "lesson",
            [
                T(
                    "Let expert consultation with the task force lead the design.",
                    fr="Laisser la consultation des experts du groupe de travail guider la conception.",
                    es="Dejar que la consulta con las personas expertas del grupo de trabajo guíe el diseño.",
                    ar="الاسترشاد في التصميم بمشاورات خبراء فرقة العمل.",
                )
            ],
        ),
        (
            "lesson",
            [
                T(
                    "A dedicated lead educator gives the project continuity and learners someone to turn to.",
                    fr="Un responsable pédagogique dédié assure la continuité du projet et offre aux apprenants "
                    "un interlocuteur.",
                    es="Una persona educadora principal dedicada da continuidad al proyecto y un referente al "
                    "alumnado.",
                    ar="وجود مُعلّم رئيسي متفرّغ يمنح المشروع الاستمرارية ويتيح للمتعلمين شخصًا "
                    "يرجعون إليه.",
                )
            ],
        ),
        (
            "lesson",
            [
                T(
                    "Choose a platform flexible enough to monitor and adjust a course while it runs.",
                    fr="Choisir une plateforme assez souple pour suivre et ajuster un cours pendant qu'il se "
                    "déroule.",
                    es="Elegir una plataforma lo bastante flexible para seguir y ajustar el curso mientras se "
                    "imparte.",
                    ar="اختيار منصة مرنة بما يكفي لمتابعة الدورة وتعديلها في أثناء انعقادها.",
                )
            ],
        ),
        (
            "lesson",
            [
                T(
                    "Adapt promotion to each place: worldwide enrolment depends on local marketing.",
                    fr="Adapter la promotion à chaque lieu : les inscriptions mondiales dépendent d'une "
                    "communication locale.",
                    es="Adaptar la promoción a cada lugar: la inscripción mundial depende de la difusión "
                    "local.",
                    ar="تكييف الترويج مع كل مكان: فالتسجيل على مستوى العالم يتوقف على التسويق "
                    "المحلي.",
                )
            ],
        ),
        (
            "lesson",
            [
                T(
                    "Budget time and money for quality assurance, above all for translation.",
                    fr="Prévoir du temps et un budget pour l'assurance qualité, surtout pour la traduction.",
                    es="Prever tiempo y presupuesto para el control de calidad, sobre todo de las "
                    "traducciones.",
                    ar="تخصيص الوقت والمال لضمان الجودة، ولا سيما للترجمة.",
                )
            ],
        ),
    ],
    "quotes": [
        (
            "quote",
            {
                "quote": T(
                    "Reading what other participants posted was as useful as the lessons. The course made me "
                    "look again at my own practice, and I will keep reflecting on it so I can go on meeting "
                    "the "
                    "needs of the young people I support.",
                    fr="Lire les contributions des autres participants a été aussi utile que les leçons. Le "
                    "cours m'a fait revoir ma propre pratique, et je continuerai à y réfléchir pour "
                    "répondre "
                    "aux besoins des jeunes que j'accompagne.",
                    es="Leer lo que publicaban otras personas participantes fue tan útil como las lecciones. "
                    "El "
                    "curso me hizo revisar mi propia práctica, y seguiré reflexionando sobre ella para "
                    "responder a las necesidades de los jóvenes a quienes acompaño.",
                    ar="كانت قراءة ما نشره المشاركون الآخرون مفيدة بقدر الدروس نفسها. جعلتني الدورة "
                    "أعيد النظر في ممارستي، وسأواصل التأمل فيها كي أستمر في تلبية احتياجات الشباب "
                    "الذين أرافقهم.",
                ),
                "attribution": MOOC_QUOTE_NOTE,
                "role": T(
                    "Front-line worker",
                    fr="Professionnel de terrain",
                    es="Profesional de primera línea",
                    ar="عامل في الخطوط الأمامية",
                ),
            },
        ),
    ],
    "funders": ["switzerland", "germany", "canadian-red-cross"],
    "source_note": T(
        "IFRC and International Social Service, Children Moving Alone MOOC case study (ifrc.org)",
        ar="الاتحاد الدولي لجمعيات الصليب الأحمر والهلال الأحمر والخدمة الاجتماعية الدولية، دراسة "
        "حالة الدورة المفتوحة عبر الإنترنت «الأطفال المتنقلون وحدهم» (ifrc.org)",
    ),
    "related_resources": [
        "course-companion-unaccompanied-children",
        "best-interests-assessment-tool",
        "forced-displacement-children-figures",
    ],
    "topics": ["children-on-the-move", "alternative-care"],
    "regions": ["global"],
    "audiences": ["social-workers", "care-practitioners", "trainers"],
    "listing_image": "stepping-stones",
    "translate": ["fr", "es"],
}

VILLAGE_COMMITTEES_SOURCE = T(
    "Rural Childhood Alliance, project completion report (fictional demo source)",
    ar="تحالف الطفولة الريفية، تقرير إنجاز المشروع (مصدر خيالي لأغراض العرض)",
)

VILLAGE_COMMITTEES = {
    "type": "case_studies.CaseStudyPage",
    "slug": "village-child-labour-committees",
    "title": "Village committees that keep children in school through the cocoa harvest",
    "summary": "A fictional three-year project in which village committees agreed hazard lists with farmers and "
    "followed every working child with a referral card.",
    "year": 2022,
    "background": [
        T(
            "In cocoa-growing villages, school attendance dropped every harvest as children joined their "
            "parents in the fields, some of them carrying loads and handling machetes.",
            ar="في القرى التي تزرع الكاكاو، كان الحضور المدرسي ينخفض في كل موسم حصاد، إذ ينضم "
            "الأطفال إلى آبائهم في الحقول، ويحمل بعضهم الأثقال ويستعملون المناجل.",
        )
    ],
    "support": [
        T(
            "The Rural Childhood Alliance trained village committees of farmers, teachers and health workers. "
            "Each committee agreed a hazard list with local farmers, visited farms every term and followed "
            "each child it found working.",
            ar="درّب تحالف الطفولة الريفية لجانًا قروية تضم مزارعين ومعلمين وعاملين صحيين. "
            "واتفقت كل لجنة مع المزارعين المحليين على قائمة بالمهام الخطرة، وزارت المزارع في "
            "كل فصل دراسي، وتابعت كل طفل وجدته يعمل.",
        ),
        [
            T("Committee training in three sessions", ar="تدريب اللجان في ثلاث جلسات"),
            T("A referral card for each child", ar="بطاقة إحالة لكل طفل"),
            T(
                "Catch-up classes during the peak harvest weeks",
                ar="حصص تقوية في أسابيع ذروة الحصاد",
            ),
        ],
    ],
    "partners": ["rural-childhood-alliance", "cpkn"],
    "successes": [
        ("heading", T("Results after three years", ar="النتائج بعد ثلاث سنوات")),
        (
            "key_figures",
            [
                {
                    "value": T("42", ar="42"),
                    "label": T(
                        "village committees set up and still meeting",
                        ar="لجنة قروية أُنشئت ولا تزال تجتمع",
                    ),
                    "source": VILLAGE_COMMITTEES_SOURCE,
                    "year": 2022,
                },
                {
                    "value": T("1,380", ar="1,380"),
                    "label": T(
                        "children followed with a referral card",
                        ar="طفلًا تابعتهم اللجان ببطاقة إحالة",
                    ),
                    "source": VILLAGE_COMMITTEES_SOURCE,
                    "year": 2022,
                },
                {
                    "value": T("86%", ar="86%"),
                    "label": T(
                        "of those children still in school a year later",
                        ar="من هؤلاء الأطفال بقوا في المدرسة بعد عام",
                    ),
                    "source": VILLAGE_COMMITTEES_SOURCE,
                    "year": 2022,
                },
            ],
        ),
        (
            "paragraph",
            [
                T(
                    "Farmers' groups began to enforce the hazard lists themselves, and two buyers added them to "
                    "their supplier agreements.",
                    ar="بدأت جمعيات المزارعين تطبّق قوائم المهام الخطرة بنفسها، وأضافها اثنان من "
                    "المشترين إلى اتفاقات التوريد مع مورّديهما.",
                )
            ],
        ),
    ],
    "challenges": [
        T(
            "Committees in remote villages were hard to supervise in the rainy season, and some volunteers "
            "left when no allowance was paid.",
            ar="كان الإشراف على اللجان في القرى النائية صعبًا في موسم الأمطار، وترك بعض "
            "المتطوعين العمل حين لم تُدفع لهم أي بدلات.",
        )
    ],
    "lessons_learned": [
        (
            "lesson",
            [
                T(
                    "Agree the hazard list with farmers before any monitoring starts.",
                    ar="الاتفاق مع المزارعين على قائمة المهام الخطرة قبل بدء أي رصد.",
                )
            ],
        ),
        (
            "lesson",
            [
                T(
                    "Keep records simple enough for volunteers to maintain without training refreshers.",
                    ar="إبقاء السجلات بسيطة بما يكفي ليحافظ عليها المتطوعون دون دورات تدريبية تنشيطية.",
                )
            ],
        ),
        (
            "lesson",
            [
                T(
                    "Link each committee to a named officer who receives referrals.",
                    ar="ربط كل لجنة بموظف محدد بالاسم يتلقى الإحالات.",
                )
            ],
        ),
    ],
    "quotes": [
        (
            "quote",
            {
                "quote": T(
                    "When the committee came back the second time, we knew they were serious.",
                    ar="حين عادت اللجنة للمرة الثانية، عرفنا أنهم جادّون.",
                ),
                "attribution": T("Cocoa farmer", ar="مزارع كاكاو"),
                "role": T("Committee member (fictional)", ar="عضو في اللجنة (شخصية خيالية)"),
            },
        ),
    ],
    "funders": ["northfield-foundation"],
    "source_note": VILLAGE_COMMITTEES_SOURCE,
    "related_resources": ["hazardous-tasks-checklist", "community-monitoring-committees"],
    "topics": ["child-labour"],
    "regions": ["ghana", "cote-divoire"],
    "audiences": ["labour-inspectors", "programme-managers"],
    "listing_image": "crop-rows",
}

PEER_CALLS_SOURCE = T(
    "Helpline Practice Forum, internal review (fictional demo source)",
    ar="منتدى ممارسات خطوط المساندة، مراجعة داخلية (مصدر خيالي لأغراض العرض)",
)

PEER_CALLS = {
    "type": "case_studies.CaseStudyPage",
    "slug": "peer-calls-counsellor-wellbeing",
    "title": T(
        "Monthly peer calls that help helpline counsellors stay well",
        ar="اتصالات شهرية بين الأقران تساعد مستشاري خطوط المساندة على الحفاظ على عافيتهم",
    ),
    "summary": T(
        "A fictional network of helplines meets online every month on a wellbeing theme, following the "
        "community-of-practice format that Chance for Childhood describes for its partners.",
        ar="شبكة خيالية من خطوط المساندة تلتقي عبر الإنترنت كل شهر حول موضوع من مواضيع العافية، على نهج "
        "مجتمعات الممارسة الذي تصفه منظمة Chance for Childhood لشركائها.",
    ),
    "year": 2021,
    "background": [
        T(
            "Counsellors reported exhaustion after months of difficult calls, and small helplines had no one "
            "in-house to talk to about it.",
            ar="أفاد المستشارون بأنهم منهكون بعد أشهر من المكالمات الصعبة، ولم يكن لدى خطوط المساندة "
            "الصغيرة أحد من داخلها يتحدثون إليه عن ذلك.",
        )
    ],
    "support": [
        T(
            "Nine helplines joined a monthly online call. Each call covers one theme, such as an introduction to "
            "mental health or self-care for staff, followed by discussion and an optional one-to-one "
            "follow-up with the facilitator.",
            ar="انضمت تسعة خطوط مساندة إلى اتصال شهري عبر الإنترنت. يتناول كل اتصال موضوعًا واحدًا، مثل "
            "مدخل إلى الصحة النفسية أو رعاية الموظفين لأنفسهم، يليه نقاش ومتابعة فردية اختيارية مع الميسّر.",
        )
    ],
    "partners": ["helpline-practice-forum", "cpkn"],
    "successes": [
        ("heading", T("What changed", ar="ما الذي تغيّر")),
        (
            "key_figures",
            [
                {
                    "value": T("9", ar="9"),
                    "label": T("helplines taking part", ar="خطوط مساندة مشاركة"),
                    "source": PEER_CALLS_SOURCE,
                    "year": 2021,
                },
                {
                    "value": T("11", ar="11"),
                    "label": T(
                        "monthly calls held in the first year",
                        ar="اتصالًا شهريًا عُقدت في السنة الأولى",
                    ),
                    "source": PEER_CALLS_SOURCE,
                    "year": 2021,
                },
                {
                    "value": T("7 of 9", ar="7 من 9"),
                    "label": T(
                        "helplines introduced a defusing routine after difficult calls",
                        ar="خطوط مساندة اعتمدت جلسة تفريغ قصيرة بعد المكالمات الصعبة",
                    ),
                    "source": PEER_CALLS_SOURCE,
                    "year": 2021,
                },
            ],
        ),
        (
            "paragraph",
            [
                T(
                    "Managers said the calls made it easier to talk about their own struggles, not only their "
                    "teams'.",
                    ar="قال المديرون إن هذه الاتصالات سهّلت عليهم الحديث عن معاناتهم هم أيضًا، لا عن معاناة "
                    "فرقهم فحسب.",
                )
            ],
        ),
    ],
    "challenges": [
        T(
            "Finding a time that suited several time zones, and keeping the calls practical rather than "
            "turning them into lectures.",
            ar="إيجاد موعد يناسب عدة مناطق زمنية، وإبقاء الاتصالات عملية بدل أن تتحول إلى محاضرات.",
        )
    ],
    "lessons_learned": [
        (
            "lesson",
            [
                T(
                    "One theme per call, chosen by the participants.",
                    ar="موضوع واحد لكل اتصال، يختاره المشاركون.",
                )
            ],
        ),
        (
            "lesson",
            [
                T(
                    "Offer a one-to-one follow-up: some people speak more freely alone.",
                    ar="اعرض متابعة فردية: بعض الناس يتحدثون بحرية أكبر على انفراد.",
                )
            ],
        ),
    ],
    "quotes": [
        (
            "quote",
            {
                "quote": T(
                    "It was the first time someone asked how I was, not how my caseload was.",
                    ar="كانت المرة الأولى التي يسألني فيها أحد عن حالي، لا عن حال الحالات التي أتابعها.",
                ),
                "attribution": T("Helpline coordinator", ar="منسّقة خط مساندة"),
                "role": T("Participant (fictional)", ar="مشاركة (شخصية خيالية)"),
            },
        ),
    ],
    "funders": ["northfield-foundation"],
    "source_note": PEER_CALLS_SOURCE,
    "related_resources": ["self-care-team-toolkit", "burnout-prevention-session-plan"],
    "topics": ["staff-wellbeing", "mental-health"],
    "regions": ["africa", "kenya", "uganda"],
    "audiences": ["child-helpline-counsellors", "programme-managers"],
    "listing_image": "gathering",
    "translate": ["ar"],
}

CASE_STUDIES = [MOOC, VILLAGE_COMMITTEES, PEER_CALLS]
