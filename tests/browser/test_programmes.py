"""Programmes in a real browser: sign-up, applications, the waiting list, attendance on a phone,
the discussion before a session and the certificate of participation.

A visitor on the Spanish site signs up for an information meeting, gets the confirmation in
Spanish with a calendar file that `icalendar` reads back, and cancels from the e-mail's link; a
visitor applies to a run (a first try with an error keeps what was typed) and programme staff
accept them in the admin; a participant withdraws from a full run and the first on its waiting
list is promoted and told; a facilitator records a session's attendance on a 390-pixel-wide
screen, which earns a participant a certificate she downloads and verifies; a member asks a
question before a themed session and a moderator hides a reply. E-mail is read from Django's
mail outbox. The public programme page and the sign-up form pass axe in Spanish.
"""

import re
from datetime import UTC, timedelta

import pytest
from django.core import mail
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import Locale

from accounts.services import activate, create_account
from certificates.models import Certificate, CertificateDesign
from communities import services
from communities.records import Post, Theme
from communities.setup import setup_communities
from communities.tests.helpers import build_community
from programmes.records import Application, Attendance, Registration, Run, Session
from programmes.setup import FACILITATORS, PROGRAMME_STAFF, setup_programmes
from programmes.tests.helpers import build_programme, make_run, make_session
from tests.tree import build_site

from .conftest import PASSWORD, run_axe, screenshot
from .conftest import sign_in as admin_sign_in
from .site import sign_in, translate

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("db")]  # db: see conftest.py

PHONE = {"width": 390, "height": 844}
MOTIVATION = "Queremos aprender de otras líneas de ayuda."


def person(email, name, language="es", groups=()):
    user = create_account(email, name, language)
    activate(user)
    user.set_password(PASSWORD)
    if groups:
        user.is_staff = True
    user.save()
    for group in groups:
        user.groups.add(group)
    return user


def apply_as(user, run, status, organisation, waitlisted_at=None):
    return Application.objects.create(
        run=run,
        user=user,
        organisation=organisation,
        role="Consejera",
        country="Perú",
        language="es",
        motivation=MOTIVATION,
        status=status,
        waitlisted_at=waitlisted_at,
    )


def build_portal():
    t = build_site()
    es = Locale.objects.get_or_create(language_code="es")[0]
    t.index, t.page = build_programme(t)
    translate(t.home, es, "Portal de conocimiento")
    translate(t.index, es, "Programas")
    t.es_page = translate(t.page, es, "Programa de aprendizaje mutuo")
    design = CertificateDesign.objects.create(
        locale=Locale.get_default(), name="Portal", issuer_name="Helpline Network", is_default=True
    )
    design.save_revision()
    groups = setup_programmes()
    t.staff = person("staff@example.org", "Staff", "en", [groups[PROGRAMME_STAFF]])
    t.facilitator = person(
        "fac@example.org", "Amina Facilitadora", "en", [groups[FACILITATORS], setup_communities()]
    )
    soon = (timezone.now() + timedelta(days=10)).replace(hour=15, minute=0, second=0, microsecond=0)

    # a. An information meeting, in Spanish.
    t.meeting = make_session(
        t.page, title="Reunión informativa", language="es", starts_at=soon, capacity=30
    )
    # b. A run open for applications.
    t.open_run = make_run(t.page, title="Cohorte de otoño", language="es")
    # c. A full run with a waiting list.
    t.full_run = make_run(t.page, title="Cohorte completa", language="es", capacity=2)
    t.leaver = person("marta@example.org", "Marta Quispe")
    t.stayer = person("jorge@example.org", "Jorge Díaz")
    t.first_waiting = person("sofia@example.org", "Sofía Herrera")
    t.second_waiting = person("diego@example.org", "Diego Ramos")
    apply_as(t.leaver, t.full_run, Application.Status.ACCEPTED, "Línea 1")
    apply_as(t.stayer, t.full_run, Application.Status.ACCEPTED, "Línea 2")
    earlier = timezone.now() - timedelta(days=3)
    apply_as(t.first_waiting, t.full_run, "waitlisted", "Línea 3", earlier)
    apply_as(t.second_waiting, t.full_run, "waitlisted", "Línea 4", earlier + timedelta(days=1))
    # d, f. A run whose four sessions have taken place; the last one's attendance is missing.
    t.past_run = make_run(
        t.page,
        title="Cohorte de primavera",
        language="es",
        status=Run.Status.RUNNING,
        starts_on=timezone.now().date() - timedelta(days=60),
        application_deadline=timezone.now() - timedelta(days=70),
    )
    t.past_sessions = [
        make_session(
            t.page,
            t.past_run,
            title=f"Módulo {n + 1}",
            starts_at=timezone.now() - timedelta(days=14 * (4 - n)),
        )
        for n in range(4)
    ]
    t.lucia = person("lucia@example.org", "Lucía Gómez")
    t.pedro = person("pedro@example.org", "Pedro Ruiz")
    for user, organisation in ((t.lucia, "Línea Lima"), (t.pedro, "Línea Quito")):
        apply_as(user, t.past_run, Application.Status.ACCEPTED, organisation)
    for session in t.past_sessions[:3]:
        Attendance.objects.create(session=session, user=t.lucia, status="present")
        Attendance.objects.create(session=session, user=t.pedro, status="absent")

    # e. A community of practice with a themed session; Lucía and Pedro are trusted members.
    t.community_page, t.community = build_community(t)
    t.themed = make_session(
        t.community_page,
        t.community.run,
        kind=Session.Kind.THEMED,
        title="Salud mental: introducción",
        starts_at=soon + timedelta(days=7),
    )
    t.theme = Theme.objects.create(
        community=t.community, title="Mental health: an introduction", session=t.themed
    )
    for user in (t.lucia, t.pedro):
        user.groups.add(t.community.members_group)
    welcome, first = services.start_thread(t.community, t.lucia, "Bienvenida", "Hola a todos.")
    services.approve_post(first, t.facilitator)
    services.approve_post(services.reply(welcome, t.pedro, "Hola desde Quito."), t.facilitator)
    return t


def path_in(body, pattern):
    return re.search(r"https?://[^/\s]+(" + pattern + r")", body).group(1)


@pytest.fixture
def phone(chromium, portal):
    context = chromium.new_context(
        base_url=portal.url, viewport=PHONE, is_mobile=True, accept_downloads=True
    )
    context.set_default_timeout(15_000)
    tab = context.new_page()
    yield tab
    context.close()


def test_a_spanish_visitor_signs_up_for_an_information_meeting_and_cancels(page, portal):
    page.goto(portal.es_page.url)
    assert page.locator("html").get_attribute("lang") == "es"
    assert run_axe(page) == []
    meeting = page.locator(f"#session-{portal.meeting.pk}")
    meeting.get_by_role("link", name=re.compile("^Inscribirse")).click()
    page.wait_for_url(f"**/es/programmes/sessions/{portal.meeting.pk}/sign-up/")
    assert run_axe(page) == []
    screenshot(page, "programme-meeting-sign-up-es")

    mail.outbox.clear()
    page.get_by_label("Su nombre").fill("Ana Torres")
    page.get_by_label("Dirección de correo electrónico").fill("ana@example.org")
    page.get_by_role("button", name="Inscribirme").click()
    page.get_by_role("status").wait_for()
    registration = Registration.objects.get(email="ana@example.org")
    assert registration.language == "es" and registration.cancelled_at is None

    [message] = mail.outbox
    assert message.to == ["ana@example.org"]
    assert message.subject == "Inscripción confirmada: Reunión informativa"
    assert "Hola, Ana Torres:" in message.body
    assert "Está inscrito en «Reunión informativa»." in message.body
    [(filename, content, mimetype)] = message.attachments
    assert filename.endswith(".ics") and mimetype.startswith("text/calendar")
    [event] = Calendar.from_ical(content).walk("VEVENT")
    assert event.decoded("dtstart") == portal.meeting.starts_at.astimezone(UTC)
    assert event.decoded("dtstart").utcoffset() == timedelta(0)
    assert str(event["summary"]) == "Reunión informativa"
    assert str(event["location"]) == portal.meeting.meeting_url  # hers: she is registered

    page.goto(path_in(message.body, r"/es/programmes/cancel/[0-9a-f-]+/"))
    assert page.locator("html").get_attribute("lang") == "es"
    page.get_by_role("button", name="Cancelar mi plaza").click()
    page.get_by_role("status").wait_for()
    registration.refresh_from_db()
    assert registration.cancelled_at is not None


def test_a_visitor_applies_keeping_what_was_typed_and_staff_accept(page, portal):
    run = portal.open_run
    page.goto(portal.es_page.url)
    page.locator(f"#run-{run.pk}").get_by_role("link", name=re.compile("^Solicitar")).click()
    page.wait_for_url(f"**/es/programmes/runs/{run.pk}/apply/")
    form = page.locator("#apply-form")
    typed = {
        "Su nombre": "Carmen Ortiz",
        "Dirección de correo electrónico": "carmen@example.org",
        "Organización": "Línea de Ayuda Infantil Bolivia",
        "Su función": "Coordinadora",
        "País": "Bolivia",
    }
    for label, value in typed.items():
        form.get_by_label(label).fill(value)
    form.get_by_label("Idioma en el que participará").select_option("es")
    # The motivation is forgotten: the form comes back with a clear message and the rest kept.
    mail.outbox.clear()
    form.get_by_role("button", name="Enviar mi solicitud").click()
    page.locator(".callout[role=alert]").wait_for()
    assert "todo lo demás que escribió se conserva" in page.locator(".callout").inner_text()
    assert page.locator("#id_motivation_error").inner_text().strip()
    for label, value in typed.items():
        assert page.locator("#apply-form").get_by_label(label).input_value() == value
    assert not Application.objects.filter(run=run).exists() and mail.outbox == []

    page.get_by_label("¿Por qué desea participar?").fill(MOTIVATION)
    page.get_by_role("button", name="Enviar mi solicitud").click()
    page.get_by_role("status").wait_for()
    application = Application.objects.get(run=run, user__email="carmen@example.org")
    assert application.status == Application.Status.PENDING
    assert application.organisation == typed["Organización"] and application.country == "Bolivia"
    assert "carmen@example.org" in {m.to[0] for m in mail.outbox}  # received (and the account)

    mail.outbox.clear()
    admin_sign_in(page, "staff@example.org")
    page.goto(f"/admin/programmes/runs/{run.pk}/applications/")
    row = page.locator(f"#application-{application.pk}")
    assert "Línea de Ayuda Infantil Bolivia" in row.inner_text()
    # The admin speaks the language the browser last chose (Spanish here): buttons by value.
    row.locator("button[value=accept]").click()
    page.locator(".messages").get_by_text("carmen@example.org").wait_for()
    application.refresh_from_db()
    assert application.status == Application.Status.ACCEPTED
    [message] = mail.outbox
    assert message.to == ["carmen@example.org"]
    assert "Cohorte de otoño" in message.body and "Hola, Carmen Ortiz:" in message.body


def test_a_participant_withdraws_and_the_first_on_the_waiting_list_is_promoted(page, portal):
    run = portal.full_run
    leaving = Application.objects.get(run=run, user=portal.leaver)
    sign_in(page, "marta@example.org")
    page.goto("/es/programmes/mine/")
    mail.outbox.clear()
    page.locator(f"#application-{leaving.pk}").get_by_role(
        "button", name=re.compile("^Retirarme")
    ).click()
    page.get_by_text("Se ha retirado de Cohorte completa.").wait_for()
    statuses = dict(run.applications.values_list("user__email", "status"))
    assert statuses == {
        "marta@example.org": "withdrawn",
        "jorge@example.org": "accepted",
        "sofia@example.org": "accepted",  # waiting longest
        "diego@example.org": "waitlisted",
    }
    [message] = mail.outbox
    assert message.to == ["sofia@example.org"]
    assert "Cohorte completa" in message.body and "Hola, Sofía Herrera:" in message.body

    sign_in(page, "sofia@example.org")
    page.goto("/es/programmes/mine/")
    assert "Cohorte completa: Aceptada" in page.locator("#applications").inner_text()


def test_a_facilitator_records_attendance_on_a_phone_and_a_certificate_follows(phone, portal):
    last = portal.past_sessions[-1]
    admin_sign_in(phone, "fac@example.org")
    phone.goto(f"/admin/programmes/sessions/{last.pk}/attendance/")
    form = phone.locator("#attendance-form")
    assert form.get_by_role("group").count() == 2  # the whole group on one screen
    for user, status in ((portal.lucia, "present"), (portal.pedro, "absent")):
        group = form.get_by_role("group", name=user.profile.name)
        assert group.is_visible()
        group.locator(f"input[value={status}]").check()
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(phone, "programme-attendance-phone")
    form.get_by_role("button").click()
    phone.locator(".messages").wait_for()
    assert Attendance.objects.get(session=last, user=portal.lucia).status == "present"
    certificate = Certificate.objects.get(kind="programmes.run", holder=portal.lucia)
    assert not Certificate.objects.filter(kind="programmes.run", holder=portal.pedro).exists()

    # She sees her own attendance, session by session, and only hers.
    sign_in(phone, "lucia@example.org")
    phone.goto("/es/programmes/mine/")
    for session in portal.past_sessions:
        assert "Presente" in phone.locator(f"#my-session-{session.pk}").inner_text()
    assert "Pedro" not in phone.content()

    # f. Above the threshold (4 of 4 ≥ 75 %): she downloads the PDF and opens its verification.
    phone.locator("#certificates").get_by_role("link", name="Cohorte de primavera").click()
    phone.wait_for_url(f"**/certificates/{certificate.uuid}/")
    assert "Lucía Gómez" in phone.locator("#holder-name").inner_text()
    with phone.expect_download() as download_info:
        phone.get_by_role("link", name=re.compile("PDF")).click()
    data = open(download_info.value.path(), "rb").read()
    assert data.startswith(b"%PDF")
    response = phone.request.get(f"/es/certificates/{certificate.uuid}/")
    assert response.status == 200 and "Lucía Gómez" in response.text()


def test_a_member_asks_before_a_session_and_a_moderator_hides_a_reply(page, portal):
    sign_in(page, "lucia@example.org")
    page.goto(portal.community_page.url)
    form = page.locator("#new-thread")
    form.get_by_label("Title").fill("Pregunta para la sesión")
    form.get_by_label("Theme").select_option(label=portal.theme.title)
    form.get_by_label("Message").fill("¿Cómo hablan de salud mental con los niños?")
    form.get_by_role("button", name="Post").click()
    page.get_by_text("Your post is published.").wait_for()
    thread_url = page.url
    assert portal.themed.title in page.locator("#thread-session").inner_text()  # asked before it

    sign_in(page, "pedro@example.org")
    page.goto(thread_url)
    page.get_by_label("Message").fill("Con juegos y dibujos. Mi número: 555-0100")
    page.get_by_role("button", name="Send my reply").click()
    page.get_by_text("Your post is published.").wait_for()
    reply = Post.objects.get(body__startswith="Con juegos")

    admin_sign_in(page, "fac@example.org")
    page.goto(thread_url)
    page.locator(f"#post-{reply.pk}").get_by_role("button", name="Hide").click()
    page.wait_for_load_state()
    assert Post.objects.get(pk=reply.pk).hidden

    for member in ("lucia@example.org", "pedro@example.org"):
        sign_in(page, member)
        page.goto(thread_url)
        assert "¿Cómo hablan de salud mental" in page.content()
        assert "Con juegos y dibujos" not in page.content(), member


def test_a_participant_answers_a_session_question_in_the_run_discussion_on_a_phone(phone, portal):
    """The run's own discussion: from "My programmes" to the session's question, a first post
    that waits for a facilitator, approved on the thread page, then seen by the other
    participant; a participant of another run is refused."""
    sign_in(phone, "lucia@example.org")
    phone.goto("/es/programmes/mine/")
    phone.locator(f"#run-{portal.past_run.pk}-heading + p a").click()
    phone.wait_for_url(f"**/es/communities/runs/{portal.past_run.pk}/")
    assert run_axe(phone) == []
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    phone.get_by_role("link", name="Módulo 4").click()
    assert "What does your helpline do first?" in phone.locator("#forum-question").inner_text()
    phone.get_by_label("Mensaje").fill("Escuchamos sin interrumpir.")
    phone.locator("#reply").get_by_role("button").click()
    phone.wait_for_load_state()
    thread_url = phone.url.split("#")[0]
    assert run_axe(phone) == []
    reply = Post.objects.get(body="Escuchamos sin interrumpir.")
    assert not reply.approved  # her first post in this run's discussion waits

    admin_sign_in(phone, "fac@example.org")
    phone.goto(thread_url)
    phone.locator(f"#post-{reply.pk}").locator("button[value=approve]").click()
    phone.wait_for_load_state()
    assert Post.objects.get(pk=reply.pk).approved

    sign_in(phone, "pedro@example.org")
    phone.goto(thread_url)
    assert "Escuchamos sin interrumpir." in phone.content()
    sign_in(phone, "marta@example.org")  # accepted to another run
    response = phone.goto(thread_url)
    assert response.status == 403 and "Escuchamos" not in phone.content()
