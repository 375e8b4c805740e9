"""Demo of the learning features: a module with practice quizzes and a scored test in English
and French, the default certificate design, a demo learner and a course-team account.

Kept apart from the page specs in `content`, because quiz steps carry fixed block ids (so the
French translation answers the same questions) and because it moves with the demo loader as
one file. `load(loader)` is idempotent and returns the lines to print about logging in.

The module follows the structure of an inter-agency MOOC on unaccompanied and separated
children (seed 001: about 30,000 front-line workers from at least 181 countries since 2019,
rated 4.9 out of 5 on average); the questions are written for this demo.

Past 400 lines because three quarters of it are the module's lessons and questions (data, as
in demo.content); the loading code is the last hundred lines.
"""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale

from accounts.models import Profile
from certificates.models import CertificateDesign
from learning.models import ELearningIndexPage, ELearningModulePage, LessonPage
from learning.records import CompletionRule
from learning.setup import COURSE_TEAM, setup_learning

from .content.site import HOME
from .text import T, rich
from .translate import has_translation, translate
from .users import EMAIL_DOMAIN, demo_password

MODULE_SLUG = "caring-for-children-moving-alone"
LANGUAGES = ("fr",)
# The module's card only (title, summary; the Arabic eLearning index lists it): its lessons,
# quizzes and test stay English until translated.
CARD_LANGUAGES = ("ar",)


def _id(n):
    return f"5eed0001-0000-4000-8000-{n:012d}"


def option(n, text, correct, feedback):
    return {
        "type": "item",
        "id": _id(n),
        "value": {"text": text, "correct": correct, "feedback": feedback},
    }


def single(n, question, options, explanation, kind="single_choice"):
    return {
        "type": kind,
        "id": _id(n),
        "value": {"question": question, "options": options, "explanation": rich(explanation)},
    }


def true_false(n, statement, answer, on_true, on_false, explanation):
    return {
        "type": "true_false",
        "id": _id(n),
        "value": {
            "statement": statement,
            "answer": answer,
            "feedback_true": on_true,
            "feedback_false": on_false,
            "explanation": rich(explanation),
        },
    }


def quiz(n, mode, title, questions, attempts=2):
    return {
        "type": "quiz",
        "id": _id(n),
        "value": {"title": title, "mode": mode, "attempts": attempts, "questions": questions},
    }


def text(*paragraphs):
    return {"type": "text", "value": rich(*paragraphs)}


MODULE = {
    "title": T(
        "Caring for children moving alone",
        fr="Prendre en charge les enfants qui voyagent seuls",
        ar="رعاية الأطفال المتنقلين وحدهم",
    ),
    "summary": T(
        "Three short lessons on protecting unaccompanied and separated children, with practice quizzes and a "
        "final test that leads to a certificate.",
        fr="Trois courtes leçons sur la protection des enfants non accompagnés et séparés, avec des quiz "
        "d'entraînement et un test final qui mène à un certificat.",
        ar="ثلاثة دروس قصيرة حول حماية الأطفال غير المصحوبين والمنفصلين عن ذويهم، مع اختبارات تدريبية "
        "واختبار نهائي يؤدي إلى الحصول على شهادة.",
    ),
    "overview": T(
        "An inter-agency course on this subject has reached about 30,000 front-line workers in at least 181 "
        "countries since 2019, with an average rating of 4.9 out of 5 (IFRC case study). This module takes up its "
        "first questions: why children move alone, what care suits them, and how to decide in their best "
        "interests.",
        fr="Un cours inter-agences sur ce sujet a touché environ 30 000 professionnels de terrain dans au moins "
        "181 pays depuis 2019, avec une note moyenne de 4,9 sur 5 (étude de cas de la FICR). Ce module en reprend "
        "les premières questions : pourquoi des enfants voyagent seuls, quelle prise en charge leur convient, et "
        "comment décider dans leur intérêt supérieur.",
    ),
    "objectives": [
        T(
            "Name the main risks children face when they move without a caregiver.",
            fr="Citer les principaux risques que courent les enfants qui se déplacent sans adulte responsable.",
        ),
        T(
            "Choose a suitable form of alternative care for a child.",
            fr="Choisir une forme de prise en charge alternative adaptée à un enfant.",
        ),
        T(
            "Ask the child first, and record their views.",
            fr="Demander d'abord l'avis de l'enfant, et le consigner.",
        ),
    ],
}

LESSONS = [
    {
        "slug": "why-children-move-alone",
        "title": T("Why children move alone", fr="Pourquoi des enfants voyagent seuls"),
        "summary": T(
            "The reasons children leave and the risks on the way.",
            fr="Les raisons du départ et les risques du voyage.",
        ),
        "minutes": 10,
        "steps": [
            text(
                T(
                    "Every year hundreds of thousands of children migrate without a parent or usual caregiver. Without "
                    "that protection they face trafficking, exploitation, forced labour, violence, homelessness and "
                    "poor health.",
                    fr="Chaque année, des centaines de milliers d'enfants migrent sans parent ni adulte responsable "
                    "habituel. Sans cette protection, ils sont exposés à la traite, à l'exploitation, au travail forcé, "
                    "à la violence, à l'absence de logement et à une santé fragile.",
                )
            ),
            quiz(
                1,
                "practice",
                T("Check your understanding", fr="Vérifiez votre compréhension"),
                [
                    single(
                        2,
                        T(
                            "Who is an unaccompanied child?",
                            fr="Qui est un enfant non accompagné ?",
                        ),
                        [
                            option(
                                3,
                                T(
                                    "A child without any adult responsible for them",
                                    fr="Un enfant sans aucun adulte responsable de lui",
                                ),
                                True,
                                T(
                                    "Yes: no parent and no adult who, by law or custom, cares for them.",
                                    fr="Oui : ni parent, ni adulte qui s'en occupe selon la loi ou la coutume.",
                                ),
                            ),
                            option(
                                4,
                                T(
                                    "A child travelling with an aunt",
                                    fr="Un enfant qui voyage avec sa tante",
                                ),
                                False,
                                T(
                                    "That child is separated from their parents but accompanied by a relative.",
                                    fr="Cet enfant est séparé de ses parents mais accompagné par un proche.",
                                ),
                            ),
                            option(
                                5,
                                T(
                                    "Any child who crosses a border",
                                    fr="Tout enfant qui franchit une frontière",
                                ),
                                False,
                                T(
                                    "Most children who cross borders travel with their families.",
                                    fr="La plupart des enfants qui franchissent une frontière voyagent en famille.",
                                ),
                            ),
                        ],
                        T(
                            "A separated child has no parent with them but may travel with another relative; an unaccompanied child has no responsible adult at all.",
                            fr="Un enfant séparé voyage sans ses parents mais parfois avec un autre proche ; un enfant non accompagné n'a aucun adulte responsable.",
                        ),
                    ),
                    true_false(
                        6,
                        T(
                            "Children travelling alone are at higher risk of trafficking.",
                            fr="Les enfants qui voyagent seuls courent un risque accru de traite.",
                        ),
                        True,
                        T(
                            "Right: without a caregiver, traffickers find them easier to reach.",
                            fr="Exact : sans adulte responsable, ils sont plus faciles à approcher pour les trafiquants.",
                        ),
                        T(
                            "Not so: the risk is higher, not lower.",
                            fr="Non : le risque est plus élevé, pas plus faible.",
                        ),
                        T(
                            "Lacking the protection of a caregiver exposes children to every form of violence, trafficking included.",
                            fr="L'absence de protection d'un adulte responsable expose les enfants à toutes les formes de violence, y compris la traite.",
                        ),
                    ),
                ],
            ),
        ],
    },
    {
        "slug": "suitable-alternative-care",
        "title": T("Suitable alternative care", fr="Une prise en charge alternative adaptée"),
        "summary": T(
            "Which care options protect a child on the move.",
            fr="Quelles solutions de prise en charge protègent un enfant en déplacement.",
        ),
        "minutes": 12,
        "steps": [
            text(
                T(
                    "A country needs a range of care options, so that each child gets the one that suits them: care by "
                    "relatives, foster families, supervised independent living for older adolescents, and small group "
                    "homes near the child's community.",
                    fr="Un pays a besoin d'un éventail de solutions, pour que chaque enfant reçoive celle qui lui convient : "
                    "prise en charge par des proches, familles d'accueil, vie autonome encadrée pour les adolescents plus "
                    "âgés, petits foyers proches de la communauté de l'enfant.",
                )
            ),
            quiz(
                7,
                "practice",
                T("Practice", fr="Entraînement"),
                [
                    single(
                        8,
                        T(
                            "Which of these are forms of alternative care?",
                            fr="Lesquelles de ces solutions sont des formes de prise en charge alternative ?",
                        ),
                        [
                            option(
                                9,
                                T(
                                    "Kinship care by relatives",
                                    fr="La prise en charge par des proches",
                                ),
                                True,
                                T(
                                    "Right: often the first option to look at.",
                                    fr="Exact : souvent la première piste à étudier.",
                                ),
                            ),
                            option(
                                10,
                                T("Foster care", fr="L'accueil familial"),
                                True,
                                T(
                                    "Right: a family that is not the child's own.",
                                    fr="Exact : une famille qui n'est pas celle de l'enfant.",
                                ),
                            ),
                            option(
                                11,
                                T("Immigration detention", fr="La rétention administrative"),
                                False,
                                T(
                                    "Detention is never care and never in a child's best interests.",
                                    fr="La rétention n'est jamais une prise en charge ni dans l'intérêt supérieur de l'enfant.",
                                ),
                            ),
                        ],
                        T(
                            "Care by relatives and foster families are forms of alternative care; detention is not.",
                            fr="La prise en charge par des proches et l'accueil familial sont des formes de prise en charge alternative ; la rétention n'en est pas une.",
                        ),
                        kind="multiple_choice",
                    ),
                ],
            ),
        ],
    },
    {
        "slug": "deciding-in-the-childs-best-interests",
        "title": T(
            "Deciding in the child's best interests",
            fr="Décider dans l'intérêt supérieur de l'enfant",
        ),
        "summary": T(
            "Assessing needs, asking the child, and the module test.",
            fr="Évaluer les besoins, demander l'avis de l'enfant, et le test du module.",
        ),
        "minutes": 15,
        "steps": [
            text(
                T(
                    "A decision about a child's care starts with the child: their views, their needs and their "
                    "vulnerabilities, assessed fully and written down, then weighed with the people who know them.",
                    fr="Une décision sur la prise en charge d'un enfant commence par l'enfant lui-même : son avis, ses "
                    "besoins et ses vulnérabilités, évalués complètement et consignés, puis discutés avec les personnes "
                    "qui le connaissent.",
                )
            ),
            quiz(
                12,
                "test",
                T("Module test", fr="Test du module"),
                [
                    single(
                        13,
                        T(
                            "Whose views should be heard first when deciding where a child will live?",
                            fr="De qui faut-il entendre l'avis en premier pour décider où vivra un enfant ?",
                        ),
                        [
                            option(
                                14,
                                T("The child's", fr="Celui de l'enfant"),
                                True,
                                T(
                                    "Yes: the child's views come first, weighed by age and maturity.",
                                    fr="Oui : l'avis de l'enfant d'abord, pris en compte selon son âge et sa maturité.",
                                ),
                            ),
                            option(
                                15,
                                T("The border police's", fr="Celui de la police aux frontières"),
                                False,
                                T(
                                    "The police may be involved, but they do not speak for the child.",
                                    fr="La police peut intervenir, mais elle ne parle pas à la place de l'enfant.",
                                ),
                            ),
                            option(
                                16,
                                T(
                                    "The nearest shelter's",
                                    fr="Celui du centre d'hébergement le plus proche",
                                ),
                                False,
                                T(
                                    "A shelter's capacity is not the child's interest.",
                                    fr="Les places disponibles d'un centre ne sont pas l'intérêt de l'enfant.",
                                ),
                            ),
                        ],
                        T(
                            "Best-interests decisions begin by hearing the child.",
                            fr="Les décisions dans l'intérêt supérieur commencent par l'écoute de l'enfant.",
                        ),
                    ),
                    single(
                        17,
                        T(
                            "What belongs in a needs assessment?",
                            fr="Que doit contenir une évaluation des besoins ?",
                        ),
                        [
                            option(
                                18,
                                T(
                                    "The child's health and safety",
                                    fr="La santé et la sécurité de l'enfant",
                                ),
                                True,
                                T("Right.", fr="Exact."),
                            ),
                            option(
                                19,
                                T("The child's own wishes", fr="Les souhaits de l'enfant"),
                                True,
                                T("Right.", fr="Exact."),
                            ),
                            option(
                                20,
                                T(
                                    "The cost of the cheapest placement",
                                    fr="Le coût du placement le moins cher",
                                ),
                                False,
                                T(
                                    "Cost is not a need of the child.",
                                    fr="Le coût n'est pas un besoin de l'enfant.",
                                ),
                            ),
                        ],
                        T(
                            "An assessment covers the child's safety, health, wishes and vulnerabilities.",
                            fr="Une évaluation porte sur la sécurité, la santé, les souhaits et les vulnérabilités de l'enfant.",
                        ),
                        kind="multiple_choice",
                    ),
                    true_false(
                        21,
                        T(
                            "Detaining a child can be in their best interests.",
                            fr="Placer un enfant en rétention peut être dans son intérêt supérieur.",
                        ),
                        False,
                        T(
                            "No: detention is never in a child's best interests.",
                            fr="Non : la rétention n'est jamais dans l'intérêt supérieur d'un enfant.",
                        ),
                        T(
                            "Right: detention harms children.",
                            fr="Exact : la rétention nuit aux enfants.",
                        ),
                        T(
                            "International guidance is clear that detention is never in a child's best interests.",
                            fr="Les orientations internationales sont claires : la rétention n'est jamais dans l'intérêt supérieur d'un enfant.",
                        ),
                    ),
                ],
                attempts=2,
            ),
        ],
    },
]

DESIGN = {
    "name": "Portal certificate",
    "issuer_name": HOME["title"],  # the site's own name, the same words in every language
    "signatory_name": "Amina Diallo",
    "signatory_role": T(
        "Learning lead",
        fr="Responsable de la formation",
        es="Responsable de formación",
        ar="مسؤولة التعلّم",
    ),
    "footer": T(
        "Check this certificate with the QR code or the address beside it.",
        fr="Vérifiez ce certificat grâce au code QR ou à l'adresse à côté.",
        es="Verifique este certificado con el código QR o la dirección que lo acompaña.",
        ar="تحقّق من هذه الشهادة عبر رمز الاستجابة السريعة أو العنوان المجاور له.",
    ),
}

DEMO_LEARNER = ("learner", "Leila Haddad", "fr")
DEMO_COURSE_TEAM = ("courseteam", "Course", "Team")


def load(loader):
    """Create what is missing; return the login lines to print."""
    en = Locale.get_default()
    design = _ensure_design(loader, en)
    module = _ensure_module(loader, en)
    if module is not None:
        rule, created = CompletionRule.objects.get_or_create(
            module=module, defaults={"certificate_design": design}
        )
        loader.created["completion rule"] += created
    setup_learning()
    return _ensure_accounts(loader)


def _ensure_design(loader, en):
    design = CertificateDesign.objects.filter(locale=en, is_default=True).first()
    if design is None:
        design = CertificateDesign(
            locale=en, is_default=True, **{k: str(v) for k, v in DESIGN.items()}
        )
        design.save()
        design.save_revision()
        loader.created["certificate design"] += 1
    for code in ("fr", "es", "ar"):
        locale = loader.locales.get(code)
        if locale is not None and not has_translation(design, locale):
            translate(design, locale, user=loader.translator)
            loader.created[f"translation ({code})"] += 1
    return design


def _ensure_module(loader, en):
    index = ELearningIndexPage.objects.filter(locale=en).first()
    if index is None:
        return None
    module = ELearningModulePage.objects.child_of(index).filter(slug=MODULE_SLUG).first()
    if module is None:
        module = ELearningModulePage(
            owner=loader.author,
            locale=en,
            title=str(MODULE["title"]),
            slug=MODULE_SLUG,
            summary=str(MODULE["summary"]),
            overview=rich(MODULE["overview"]),
            learning_objectives=[
                {"type": "objective", "value": str(o)} for o in MODULE["objectives"]
            ],
            estimated_minutes=sum(lesson["minutes"] for lesson in LESSONS),
        )
        index.add_child(instance=module)
        module.save_revision(user=loader.author).publish(user=loader.author)
        loader.created["eLearning module"] += 1
    for spec in LESSONS:
        if LessonPage.objects.child_of(module).filter(slug=spec["slug"]).exists():
            continue
        lesson = LessonPage(
            owner=loader.author,
            locale=en,
            title=str(spec["title"]),
            slug=spec["slug"],
            summary=str(spec["summary"]),
            estimated_minutes=spec["minutes"],
            steps=spec["steps"],
        )
        module.add_child(instance=lesson)
        lesson.save_revision(user=loader.author).publish(user=loader.author)
        loader.created["lesson"] += 1
    for code in LANGUAGES:
        locale = loader.locales.get(code)
        if locale is None:
            continue
        loader.translate_into(module, [code])
        for lesson in LessonPage.objects.child_of(module).order_by("path"):
            loader.translate_into(lesson, [code])
    loader.translate_into(module, CARD_LANGUAGES)
    return module


def _ensure_accounts(loader):
    User = get_user_model()
    username, name, language = DEMO_LEARNER
    email = f"{username}@{EMAIL_DOMAIN}"
    learner = User.objects.filter(username=email).first()
    if learner is None:
        password = demo_password(username) if settings.DEBUG else secrets.token_urlsafe(24)
        learner = User.objects.create_user(email, email=email, password=password)
        Profile.objects.create(user=learner, name=name, language=language, country="Liban")
        loader.created["demo learner"] += 1
    team_name, first, last = DEMO_COURSE_TEAM
    team = User.objects.filter(username=team_name).first()
    if team is None:
        password = demo_password(team_name) if settings.DEBUG else secrets.token_urlsafe(24)
        team = User.objects.create_user(
            team_name,
            email=f"{team_name}@{EMAIL_DOMAIN}",
            password=password,
            first_name=first,
            last_name=last,
        )
        team.groups.add(Group.objects.get(name=COURSE_TEAM))
        loader.created["user"] += 1
    if not settings.DEBUG:
        return [
            "Demo learner and course team accounts exist; their passwords are not shown (DEBUG is off)."
        ]
    lines = []
    for user, who, where in (
        (learner, email, f"learner, signs in at /{language}/account/sign-in/"),
        (team, team_name, "Course team (Reports → eLearning: modules)"),
    ):
        key = username if user is learner else team_name
        password = demo_password(key)
        shown = password if user.check_password(password) else "(changed)"
        lines.append(f"  {who:<11} {shown:<22} {where}")
    return lines
