"""Demo of programmes: the six-month mutual-learning programme of seed 003 (its page in all
four languages; the sessions are in English and Spanish), with a Spanish run of 12 fortnightly video-call sessions over four modules and two
information meetings (one per language).

`load(loader)` is idempotent: pages are found by slug, runs by title, sessions by run and title.
Session dates are set from the day the demo is first loaded (the run starts about five weeks
later, at 13:00 UTC), so the demo always has something upcoming.
"""

from datetime import UTC, datetime, timedelta

from django.utils import timezone
from wagtail.models import Locale

from programmes.models import ProgrammeIndexPage, ProgrammePage
from programmes.records import Run, Session
from programmes.setup import setup_programmes

from .text import T, rich

INDEX = {
    "title": T("Programmes", es="Programas", fr="Programmes", ar="البرامج"),
    "slug": "programmes",
}
PROGRAMME_SLUG = "mutual-learning-programme"
PROGRAMME = {
    "title": T(
        "Mutual learning programme",
        es="Programa de aprendizaje mutuo",
        fr="Programme d'apprentissage mutuel",
        ar="برنامج التعلّم المتبادل",
    ),
    "summary": T(
        "Six months in which organisations learn from each other, online, in English or Spanish.",
        es="Seis meses en los que las organizaciones aprenden unas de otras, en línea, en inglés o en español.",
        fr="Six mois pendant lesquels des organisations apprennent les unes des autres, en ligne, en anglais ou "
        "en espagnol.",
        ar="ستة أشهر تتعلّم فيها المنظمات بعضها من بعض عبر الإنترنت، باللغة الإنجليزية أو الإسبانية.",
    ),
    "audience": T(
        "Groups of about 15 organisations, with 2 or 3 representatives each.",
        es="Grupos de unas 15 organizaciones, con 2 o 3 representantes cada una.",
        fr="Des groupes d'environ 15 organisations, avec 2 ou 3 représentants chacune.",
        ar="مجموعات من نحو 15 منظمة، يمثّل كلًّا منها شخصان أو ثلاثة أشخاص.",
    ),
    "languages": T(
        "English and Spanish",
        es="Inglés y español",
        fr="Anglais et espagnol",
        ar="الإنجليزية والإسبانية",
    ),
    "introduction": T(
        "The programme opens twice a year. Four modules, a video-call session every two weeks "
        "(12 in all, each at most two hours), materials to review before each session and a "
        "forum where participants answer a question before it. Good attendance earns a "
        "certificate.",
        es="El programa se abre dos veces al año. Cuatro módulos, una sesión por videollamada "
        "cada dos semanas (12 en total, de dos horas como máximo), materiales para revisar antes "
        "de cada sesión y un foro donde los participantes responden una pregunta previa. Una "
        "buena asistencia da derecho a un certificado.",
        fr="Le programme ouvre deux fois par an. Quatre modules, une séance en visioconférence toutes "
        "les deux semaines (12 au total, de deux heures au plus), des documents à consulter avant chaque "
        "séance et un forum où les participants répondent à une question avant chacune. Une bonne "
        "assiduité donne droit à un certificat.",
        ar="يُفتح باب الالتحاق بالبرنامج مرتين في السنة. يتضمن أربع وحدات، وجلسة عبر مكالمة فيديو كل "
        "أسبوعين (12 جلسة في المجموع، لا تتجاوز مدة كل منها ساعتين)، ومواد للاطلاع عليها قبل كل جلسة، "
        "ومنتدى يجيب فيه المشاركون عن سؤال قبل كل جلسة. ومن يواظب على الحضور يحصل على شهادة.",
    ),
    "how_to_apply": T(
        "Come to an information meeting, then apply to a run with the form: staff answer every "
        "application by e-mail.",
        es="Venga a una reunión informativa y luego envíe su solicitud con el formulario: el "
        "equipo responde a cada solicitud por correo.",
        fr="Venez à une réunion d'information, puis postulez à une session avec le formulaire : "
        "l'équipe répond à chaque candidature par courriel.",
        ar="احضر اجتماعًا تعريفيًا، ثم قدّم طلب الالتحاق بإحدى الدورات عبر الاستمارة: يردّ فريق "
        "البرنامج على كل طلب بالبريد الإلكتروني.",
    ),
}
MODULES = [
    T(
        "Listening to children",
        es="Escuchar a niñas y niños",
        fr="Écouter les enfants",
        ar="الإصغاء إلى الأطفال",
    ),
    T(
        "Referral and case management",
        es="Derivación y gestión de casos",
        fr="Orientation et gestion des cas",
        ar="الإحالة وإدارة الحالات",
    ),
    T("Data and quality", es="Datos y calidad", fr="Données et qualité", ar="البيانات والجودة"),
    T(
        "Sustaining the service",
        es="Sostener el servicio",
        fr="Pérenniser le service",
        ar="استدامة الخدمة",
    ),
]
MODULE_NOTE = T(
    "Three fortnightly sessions, with materials to review and a forum question before each.",
    es="Tres sesiones quincenales, con materiales para revisar y una pregunta en el foro antes de cada una.",
    fr="Trois séances, une toutes les deux semaines, avec des documents à consulter et une question sur le "
    "forum avant chacune.",
    ar="ثلاث جلسات، جلسة كل أسبوعين، مع مواد للاطلاع عليها وسؤال في المنتدى قبل كل جلسة.",
)
RUN_TITLE = "Cohorte 2027 (español)"
MEETINGS = [("en", "Information meeting (English)"), ("es", "Reunión informativa (español)")]


def load(loader):
    en = Locale.get_default()
    setup_programmes()
    programme = _ensure_pages(loader, en)
    if programme is not None:
        _ensure_run(loader, programme)


def _ensure_pages(loader, en):
    from home.models import HomePage

    home = HomePage.objects.filter(locale=en, depth=2).first()
    if home is None:
        return None
    index = ProgrammeIndexPage.objects.child_of(home).first()
    if index is None:
        index = ProgrammeIndexPage(
            owner=loader.author, locale=en, title=str(INDEX["title"]), slug=INDEX["slug"]
        )
        home.add_child(instance=index)
        index.save_revision(user=loader.author).publish(user=loader.author)
        loader.created["programmes index"] += 1
    page = ProgrammePage.objects.child_of(index).filter(slug=PROGRAMME_SLUG).first()
    if page is None:
        page = ProgrammePage(
            owner=loader.author,
            locale=en,
            slug=PROGRAMME_SLUG,
            title=str(PROGRAMME["title"]),
            summary=str(PROGRAMME["summary"]),
            audience=str(PROGRAMME["audience"]),
            languages_note=str(PROGRAMME["languages"]),
            introduction=rich(PROGRAMME["introduction"]),
            how_to_apply=rich(PROGRAMME["how_to_apply"]),
            modules=[
                {"type": "module", "value": {"title": str(m), "description": str(MODULE_NOTE)}}
                for m in MODULES
            ],
        )
        index.add_child(instance=page)
        page.save_revision(user=loader.author).publish(user=loader.author)
        loader.created["programme"] += 1
    loader.translate_into(index, ["fr", "es", "ar"])
    loader.translate_into(page, ["fr", "es", "ar"])
    return page


def _first_start():
    day = (timezone.now() + timedelta(days=35)).date()
    return datetime(day.year, day.month, day.day, 13, 0, tzinfo=UTC)


def _ensure_run(loader, page):
    start = _first_start()
    run, created = Run.objects.get_or_create(
        programme_key=page.translation_key,
        title=RUN_TITLE,
        defaults={
            "language": "es",
            "starts_on": start.date(),
            "ends_on": (start + timedelta(weeks=24)).date(),
            "application_deadline": start - timedelta(days=10),
            "capacity": 45,
            "status": Run.Status.OPEN,
        },
    )
    loader.created["programme run"] += created
    if created:
        for n in range(12):
            module = MODULES[n // 3]
            kind = Session.Kind.MODULE
            if n == 0:
                kind = Session.Kind.OPENING
            elif n == 11:
                kind = Session.Kind.WRAP_UP
            Session.objects.create(
                programme_key=page.translation_key,
                run=run,
                title=f"Sesión {n + 1}: {module.get('es')}",
                module=module.get("es"),
                kind=kind,
                language="es",
                starts_at=start + timedelta(weeks=2 * n),
                time_zone="America/Guatemala",
                duration_minutes=120,
                forum_question="¿Qué cambiaría en su servicio después de esta sesión?",
                meeting_url="https://meet.example.org/aprendizaje-mutuo",
            )
            loader.created["programme session"] += 1
    for days, (language, title) in zip((7, 14), MEETINGS, strict=True):
        _meeting, made = Session.objects.get_or_create(
            programme_key=page.translation_key,
            run=None,
            title=title,
            defaults={
                "kind": Session.Kind.INFORMATION,
                "language": language,
                "starts_at": start - timedelta(days=35 - days),
                "time_zone": "Europe/London" if language == "en" else "America/Guatemala",
                "duration_minutes": 60,
                "capacity": 100,
                "meeting_url": "https://meet.example.org/info",
            },
        )
        loader.created["information meeting"] += made
