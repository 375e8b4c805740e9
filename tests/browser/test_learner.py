"""Learners in a real browser: quizzes, progress, certificates, with and without JavaScript.

A French learner answers a practice quiz, fails a test question and retries, completes the
module, downloads the PDF certificate and opens its verification page. An Arabic learner's
certificate PDF holds the Arabic name. A visitor with JavaScript disabled does it all through
plain forms, signs up on the way (the confirmation e-mail is read from Django's mail outbox)
and keeps what they did.
"""

import io
import re

import pytest
from django.core import mail
from pypdf import PdfReader
from wagtail.models import Locale

from accounts.services import activate, create_account
from certificates.models import CertificateDesign
from certificates.services import issue_certificate
from learning.tests.helpers import build_module

from .conftest import PASSWORD, run_axe, screenshot
from .site import build_multilingual_site, translate

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("db")]  # db: see conftest.py

PRACTICE_Q = "11111111-1111-4111-8111-111111111111"
MULTI_Q = "22222222-2222-4222-8222-222222222222"
TF_Q = "33333333-3333-4333-8333-333333333333"
FRENCH = {
    "module": "Prendre en charge les enfants qui voyagent seuls",
    "lessons": ["Pourquoi les enfants partent", "Entraînement", "Test du module"],
}


def build_portal():
    t = build_multilingual_site()
    t.module, t.lessons = build_module(t)
    fr = Locale.objects.get(language_code="fr")
    t.fr_module = translate(t.module, fr, FRENCH["module"])
    t.fr_lessons = [
        translate(lesson, fr, title)
        for lesson, title in zip(t.lessons, FRENCH["lessons"], strict=True)
    ]
    design = CertificateDesign.objects.create(
        locale=Locale.get_default(), name="Portal", issuer_name="Helpline Network", is_default=True
    )
    design.save_revision()
    t.french_learner = learner("claire@example.org", "Claire Dubois-Ngũgĩ", "fr")
    t.arabic_learner = learner("amal@example.org", "أمل الحسيني", "ar")
    return t


def learner(email, name, language):
    user = create_account(email, name, language)
    activate(user)
    user.set_password(PASSWORD)
    user.save()
    return user


def pdf_text(data):
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def question(page, qid):
    return page.locator(f"#q-{qid}")


def answer(page, qid, *option_values):
    block = question(page, qid)
    for value in option_values:
        block.locator(f"input[value='{value}']").check()
    block.get_by_role("button").click()


def test_a_french_learner_takes_the_module_and_gets_a_verifiable_certificate(page, portal):
    page.goto("/fr/account/sign-in/")
    page.get_by_label("Adresse e-mail").fill("claire@example.org")
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url("**/fr/learning/my-learning/")

    lessons = portal.fr_lessons
    page.goto(lessons[1].url)
    assert page.locator("html").get_attribute("lang") == "fr"
    answer(page, PRACTICE_Q, "a2")  # wrong: feedback without leaving the page
    feedback = question(page, PRACTICE_Q).locator(".quiz-feedback")
    feedback.get_by_text("Pas tout à fait").wait_for()
    assert "not asked first" in feedback.inner_text()
    assert page.url.endswith(lessons[1].url)
    answer(page, PRACTICE_Q, "a1")
    question(page, PRACTICE_Q).get_by_text("Bonne réponse.").wait_for()

    page.goto(lessons[2].url)
    answer(page, MULTI_Q, "b1")  # half right is wrong: one attempt left
    question(page, MULTI_Q).get_by_text("Pas encore juste").wait_for()
    assert "1 tentative restante" in question(page, MULTI_Q).inner_text()
    answer(page, MULTI_Q, "b1", "b2")
    question(page, MULTI_Q).get_by_text("Bonne réponse.").wait_for()
    answer(page, TF_Q, "false")
    question(page, TF_Q).get_by_text("Bonne réponse.").wait_for()
    assert run_axe(page) == []
    screenshot(page, "learner-quiz-fr")

    for lesson in lessons:
        page.goto(lesson.url)
        page.locator("#lesson-complete").get_by_role("button").click()
        page.wait_for_load_state()
    page.goto(portal.fr_module.url)
    progress = page.locator("#progress")
    assert "3 leçons sur 3 terminées (100 %)" in progress.inner_text()
    assert "Vous avez terminé ce module." in progress.inner_text()
    with page.expect_download() as download_info:
        progress.get_by_role("link", name="PDF").click()
    text = pdf_text(open(download_info.value.path(), "rb").read())
    assert "Claire Dubois-Ngũgĩ" in text and "Délivré le" in text

    progress.get_by_role("link", name="Votre certificat").click()
    page.wait_for_url("**/fr/certificates/*/")
    assert page.get_by_role("heading", level=1).inner_text() == "Ce certificat est authentique"
    assert "Claire Dubois-Ngũgĩ" in page.locator("#holder-name").inner_text()
    assert run_axe(page) == []
    screenshot(page, "certificate-verification-fr")

    # The learner's own pages pass axe too: the module with progress and the rating form,
    # My learning, and the account page.
    for url in (portal.fr_module.url, "/fr/learning/my-learning/", "/fr/account/"):
        page.goto(url)
        assert run_axe(page) == [], url
    page.goto(portal.fr_module.url)
    page.locator("#feedback").get_by_label("4").check()
    page.get_by_label("Qu'est-ce qui manquait ?").fill("Plus d'études de cas")
    page.get_by_role("button", name="Envoyer ma note").click()
    page.get_by_text("Merci : l'équipe pédagogique lira votre note.").wait_for()


def test_an_arabic_certificate_reads_right_to_left_and_its_pdf_holds_the_name(page, portal):
    certificate = issue_certificate(
        portal.arabic_learner,
        kind="learning.module",
        achievement_key=str(portal.module.translation_key),
        title="رعاية الأطفال الذين يتنقلون بمفردهم",
        language="ar",
        score=90,
    )
    page.goto(f"/ar/certificates/{certificate.uuid}/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("#holder-name").inner_text() == "أمل الحسيني"
    assert run_axe(page) == []
    with page.expect_download() as download_info:
        page.get_by_role("link", name="تنزيل الشهادة (PDF)").click()
    text = pdf_text(open(download_info.value.path(), "rb").read())
    # The text layer is in logical order; a reversed run would still mean the glyphs are there.
    assert "أمل الحسيني" in text or "ينيسحلا لمأ" in text


def test_everything_works_with_javascript_disabled(chromium, portal):
    context = chromium.new_context(
        base_url=portal.url, java_script_enabled=False, accept_downloads=True
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        lessons = portal.fr_lessons
        page.goto(lessons[1].url)
        answer(page, PRACTICE_Q, "a2")  # a plain POST, then back to the question
        page.wait_for_url(f"**{lessons[1].url}#q-{PRACTICE_Q}")
        assert "not asked first" in question(page, PRACTICE_Q).inner_text()

        page.goto(lessons[2].url)
        answer(page, TF_Q, "true")
        page.wait_for_url(f"**#q-{TF_Q}")
        assert "Pas encore juste" in question(page, TF_Q).inner_text()
        answer(page, TF_Q, "false")
        page.wait_for_url(f"**#q-{TF_Q}")
        assert "Bonne réponse." in question(page, TF_Q).inner_text()
        answer(page, MULTI_Q, "b1", "b2")
        page.wait_for_url(f"**#q-{MULTI_Q}")
        for lesson in lessons:
            page.goto(lesson.url)
            page.locator("#lesson-complete").get_by_role("button").click()
            page.wait_for_load_state()
        page.goto(portal.fr_module.url)
        assert (
            "Créez un compte pour recevoir votre certificat"
            in page.locator("#progress").inner_text()
        )

        mail.outbox.clear()
        page.goto("/fr/account/sign-up/")
        page.get_by_label("Nom sur les certificats").fill("Inès Benali")
        page.get_by_label("Adresse e-mail").fill("not-an-address")
        page.get_by_role("button", name="Créer mon compte").click()
        assert page.get_by_label("Nom sur les certificats").input_value() == "Inès Benali"  # kept
        page.get_by_label("Adresse e-mail").fill("ines@example.org")
        page.get_by_role("button", name="Créer mon compte").click()
        page.wait_for_url("**/fr/account/sign-up/check-your-mail/")
        link = re.search(r"https?://[^/\s]+(/\S+/)", mail.outbox[-1].body).group(1)
        page.goto(link)
        page.get_by_label("Nouveau mot de passe", exact=True).fill("a-long-pass-phrase-42")
        page.get_by_label("Confirmation du nouveau mot de passe").fill("a-long-pass-phrase-42")
        page.get_by_role("button", name="Enregistrer mon mot de passe").click()
        page.wait_for_url("**/fr/learning/my-learning/")
        certificates = page.locator("#certificates")
        assert FRENCH["module"] in certificates.inner_text()
        with page.expect_download() as download_info:
            certificates.get_by_role("link", name=re.compile("PDF")).click()
        assert "Inès Benali" in pdf_text(open(download_info.value.path(), "rb").read())
        screenshot(page, "my-learning-no-js-fr")
    finally:
        context.close()
