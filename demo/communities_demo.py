"""Demo of communities of practice: seed 004's community of partners in five countries that
meets online once a month on a theme, in English and Spanish (its page is in all four languages), with three monthly themed
sessions (mental health: an introduction; supporting young people's mental health; self care
for staff), a pinned thread started by the facilitator and a reply from the demo learner, who
is a member. The facilitator's account is `facilitator@portal.example.org`.

`load(loader)` is idempotent: the page is found by slug, themes by title, the thread by title.
"""

import secrets
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Locale

from accounts.models import Profile
from communities.models import CommunityPage
from communities.records import Post, Theme, Thread
from communities.services import (
    ensure_community,
    ensure_run_discussion,
    ensure_session_thread,
)
from communities.setup import setup_communities
from programmes.records import Session
from programmes.setup import FACILITATORS, setup_programmes

from .text import T, rich
from .users import EMAIL_DOMAIN, demo_password

SLUG = "mental-health-community-of-practice"
PAGE = {
    "title": T(
        "Community of practice: mental health",
        es="Comunidad de práctica: salud mental",
        fr="Communauté de pratique : santé mentale",
        ar="مجتمع الممارسة: الصحة النفسية",
    ),
    "summary": T(
        "Partners in five countries meet online once a month on a theme and help each other "
        "adapt it to their context.",
        es="Socios de cinco países se reúnen en línea una vez al mes sobre un tema y se ayudan "
        "a adaptarlo a su contexto.",
        fr="Des partenaires de cinq pays se réunissent en ligne une fois par mois autour d'un thème et "
        "s'aident mutuellement à l'adapter à leur contexte.",
        ar="يلتقي شركاء من خمسة بلدان عبر الإنترنت مرة في الشهر حول موضوع محدد، ويساعد بعضهم بعضًا "
        "على تكييفه مع سياقه.",
    ),
    "description": T(
        "Each month a facilitator introduces a theme in a video call; between calls, members "
        "discuss it here, share what they tried and find the resources that help them adapt the "
        "theme to their service. Everyone can ask for a one-to-one follow-up.",
        es="Cada mes una facilitadora presenta un tema en una videollamada; entre llamadas, los "
        "miembros lo debaten aquí, comparten lo que probaron y encuentran los recursos que les "
        "ayudan a adaptar el tema a su servicio. Todos pueden pedir un seguimiento individual.",
        fr="Chaque mois, une facilitatrice présente un thème lors d'un appel vidéo ; entre les appels, "
        "les membres en discutent ici, partagent ce qu'ils ont essayé et trouvent les ressources qui les "
        "aident à adapter le thème à leur service. Chacun peut demander un suivi individuel.",
        ar="في كل شهر تقدّم ميسّرة موضوعًا في مكالمة فيديو، وبين مكالمة وأخرى يناقشه الأعضاء هنا "
        "ويتبادلون ما جرّبوه ويجدون الموارد التي تساعدهم على تكييف الموضوع مع خدمتهم. ويمكن لكل عضو أن "
        "يطلب متابعة فردية.",
    ),
    "how_to_join": T(
        "The community is open to staff of partner organisations. Ask to join with the form: "
        "programme staff answer by e-mail.",
        es="La comunidad está abierta al personal de las organizaciones socias. Pida unirse con "
        "el formulario: el equipo responde por correo.",
        fr="La communauté est ouverte au personnel des organisations partenaires. Demandez à la "
        "rejoindre avec le formulaire : l'équipe du programme répond par courriel.",
        ar="المجتمع مفتوح لموظفي المنظمات الشريكة. اطلب الانضمام عبر الاستمارة، وسيردّ فريق البرنامج "
        "بالبريد الإلكتروني.",
    ),
}
THEMES = [
    "Mental health: an introduction",
    "Supporting young people's mental health",
    "Self care for staff",
]
THREAD_TITLE = "Welcome: introduce yourself and your service"
THREAD_BODY = (
    "Welcome to the community! Before our first session, tell the others who you are, where "
    "your service works and one thing you would like to learn this year.\n\n"
    "Please never share anything that could identify a child."
)
REPLY_BODY = (
    "Bonjour à toutes et à tous. I coordinate a helpline team in Beirut; we would like to learn "
    "how other services look after their counsellors."
)
FACILITATOR = ("facilitator", "Grace Wanjiru")
# The Spanish demo run's own discussion (seen only by its participants, facilitators and staff),
# in the run's language and in English for participants who read English better.
RUN_THREADS = [
    (
        "Bienvenida a la cohorte: preséntese",
        "¡Bienvenidas y bienvenidos! Antes de la sesión de apertura, cuenten quiénes son, dónde "
        "trabaja su servicio y qué esperan aprender en estos seis meses.\n\n"
        "Por favor, nunca compartan nada que permita identificar a un niño o una niña.",
    ),
    (
        "Welcome to the cohort: for those who prefer English",
        "Welcome! This thread is for participants who would rather write in English. Tell the "
        "others who you are and what you hope to learn; the facilitators answer in both "
        "languages.",
    ),
]
RUN_REPLY = (
    "Hola a todos: coordino una línea de ayuda en Lima. Lo primero que hacemos es escuchar sin "
    "interrumpir y acordar con quien llama el siguiente paso."
)


def load(loader):
    """Create what is missing; return the login lines to print."""
    setup_communities()
    setup_programmes()
    facilitator = _ensure_facilitator(loader)
    page = _ensure_page(loader)
    if page is None:
        return []
    community = ensure_community(page)
    _ensure_themes(loader, community, page)
    learner = get_user_model().objects.filter(username=f"learner@{EMAIL_DOMAIN}").first()
    if learner is not None:
        learner.groups.add(community.members_group)
    _ensure_thread(loader, community, facilitator, learner)
    _ensure_run_discussion(loader, facilitator, learner)
    return _login_lines(facilitator, page)


def _ensure_facilitator(loader):
    from django.contrib.auth.models import Group

    User = get_user_model()
    username, name = FACILITATOR
    email = f"{username}@{EMAIL_DOMAIN}"
    user = User.objects.filter(username=email).first()
    if user is None:
        password = demo_password(username) if settings.DEBUG else secrets.token_urlsafe(24)
        first, last = name.split(" ", 1)
        user = User.objects.create_user(
            email, email=email, password=password, first_name=first, last_name=last
        )
        Profile.objects.create(
            user=user, name=name, language="en", country="Kenya", confirmed_at=timezone.now()
        )
        loader.created["user"] += 1
    user.groups.add(setup_communities(), Group.objects.get(name=FACILITATORS))
    return user


def _ensure_page(loader):
    from home.models import HomePage

    en = Locale.get_default()
    home = HomePage.objects.filter(locale=en, depth=2).first()
    if home is None:
        return None
    page = CommunityPage.objects.child_of(home).filter(slug=SLUG).first()
    if page is None:
        page = CommunityPage(
            owner=loader.author,
            locale=en,
            slug=SLUG,
            title=str(PAGE["title"]),
            summary=str(PAGE["summary"]),
            description=rich(PAGE["description"]),
            how_to_join=rich(PAGE["how_to_join"]),
        )
        home.add_child(instance=page)
        page.save_revision(user=loader.author).publish(user=loader.author)
        loader.created["community of practice"] += 1
    loader.translate_into(page, ["fr", "es", "ar"])
    return page


def _month_start(n):
    day = (timezone.now() + timedelta(days=20 + 30 * n)).date()
    return datetime(day.year, day.month, day.day, 14, 0, tzinfo=UTC)


def _ensure_themes(loader, community, page):
    for n, title in enumerate(THEMES):
        if community.themes.filter(title=title).exists():
            continue
        session = Session.objects.create(
            programme_key=page.translation_key,
            run=community.run,
            title=title,
            kind=Session.Kind.THEMED,
            module=title,
            language="en",
            starts_at=_month_start(n),
            time_zone="Africa/Nairobi",
            duration_minutes=90,
            meeting_url="https://meet.example.org/community-of-practice",
        )
        Theme.objects.create(community=community, title=title, session=session, sort_order=n)
        loader.created["community theme"] += 1


def _ensure_thread(loader, community, facilitator, learner):
    if Thread.objects.filter(community=community, title=THREAD_TITLE).exists():
        return
    now = timezone.now()
    thread = Thread.objects.create(
        community=community,
        theme=community.themes.first(),
        title=THREAD_TITLE,
        author=facilitator,
        approved=True,
        pinned=True,
        last_post_at=now,
    )
    Post.objects.create(
        thread=thread, author=facilitator, body=THREAD_BODY, approved=True, approved_at=now
    )
    if learner is not None:
        Post.objects.create(
            thread=thread, author=learner, body=REPLY_BODY, approved=True, approved_at=now
        )
    loader.created["discussion thread"] += 1


def _ensure_run_discussion(loader, facilitator, learner):
    """The demo run's discussion: two pinned threads (Spanish, English), the learner accepted
    to the run and answering the first session's question for the forum."""
    from programmes.records import Application, Run

    from .programmes_demo import RUN_TITLE

    run = Run.objects.filter(title=RUN_TITLE).first()
    space = ensure_run_discussion(run) if run else None
    if space is None:
        return
    now = timezone.now()
    for title, body in RUN_THREADS:
        if Thread.objects.filter(community=space, title=title).exists():
            continue
        thread = Thread.objects.create(
            community=space,
            title=title,
            author=facilitator,
            approved=True,
            pinned=True,
            last_post_at=now,
        )
        Post.objects.create(
            thread=thread, author=facilitator, body=body, approved=True, approved_at=now
        )
        loader.created["run discussion thread"] += 1
    if learner is None:
        return
    if not Application.objects.filter(run=run, user=learner).exists():
        Application.objects.create(
            run=run,
            user=learner,
            organisation="Línea de ayuda a la infancia, Lima",
            role="Coordinadora",
            country="Peru",
            language="es",
            motivation="Queremos aprender de otras líneas de ayuda.",
            status=Application.Status.ACCEPTED,
        )
    first = run.sessions.exclude(forum_question="").order_by("starts_at").first()
    question = ensure_session_thread(first) if first else None
    if question is not None and not question.posts.filter(author=learner).exists():
        Post.objects.create(
            thread=question, author=learner, body=RUN_REPLY, approved=True, approved_at=now
        )


def _login_lines(facilitator, page):
    username = FACILITATOR[0]
    who = facilitator.username
    if not settings.DEBUG:
        return [f"Demo facilitator {who} exists; the password is not shown (DEBUG is off)."]
    password = demo_password(username)
    shown = password if facilitator.check_password(password) else "(changed)"
    return [
        f"  {who:<11} {shown:<22} Community facilitator (moderates {page.url}, "
        "admin → Community moderation)"
    ]
