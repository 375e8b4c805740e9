"""Starter synonym groups: what every child-protection portal needs and no stemmer knows.

Three kinds, per language: acronyms with their spelled-out forms (UASC, WFCL, CLM, NNA,
LGBTI and its variants), irregular plurals (child/children, travail/travaux), and Arabic
broken plurals (طفل/أطفال, منجم/مناجم), which no Snowball stemmer joins. They are ordinary
SynonymGroup rows, added once per language (search/migrations/0008 for the languages that
exist then, `manage.py search_starter_synonyms` for languages added later) and edited or
deleted by editors in the admin like any other. A group is skipped when the language already
has a group containing its first term, so running it again never undoes an editor's change.

Terms have at most four words (SynonymGroup.clean); a longer expansion is given by its
distinctive start ("worst forms" for the worst forms of child labour).
"""

STARTER_GROUPS = {
    "en": [
        "child, children, kids",
        "grandchild, grandchildren",
        "UASC, unaccompanied and separated children, unaccompanied children, separated children, "
        "unaccompanied minors",
        "WFCL, worst forms",
        "CLM, CLMS, child labour monitoring, child labor monitoring",
        "LGBTI, LGBTIQ, LGBTQI, LGBTQ, LGBT, LGBTQIA, lesbian gay bisexual transgender",
        "GBV, gender-based violence, SGBV",
        "MHPSS, mental health and psychosocial, psychosocial support, PSS",
        "PFA, psychological first aid, psychosocial first aid",
        "CAAFAG, child soldiers, children associated with armed",
        "FGM, female genital mutilation, FGM/C",
        "CSEA, child sexual exploitation, child sexual abuse",
        "OCSEA, online child sexual exploitation, online sexual exploitation",
        "IDP, IDPs, internally displaced, displaced people",
        "CRC, Convention on the Rights",
        "BIA, best interests assessment",
        "BID, best interests determination",
        "ECD, early childhood development",
        "woman, women",
        "man, men",
        "person, people",
    ],
    "fr": [
        "travail, travaux",
        "MNA, mineurs non accompagnés, enfants non accompagnés",
        "LGBTI, LGBTIQ, LGBTQI, LGBTQ, LGBT, LGBTQIA",
        "PFTE, pires formes",
        "SSTE, suivi du travail",
        "VBG, violences sexistes",
        "MGF, mutilations génitales féminines, excision",
        "PSS, soutien psychosocial",
        "PDI, déplacés internes",
        "CDE, Convention relative aux droits",
    ],
    "es": [
        "NNA, NNyA, niñas niños y adolescentes, niños niñas y adolescentes",
        "migración, migrante, migrantes, migratorio, migratoria, migratorios, migratorias, migrar",
        "LGBTI, LGBTIQ, LGBTQI, LGBTQ, LGBT, LGBTQIA",
        "PFTI, peores formas",
        "ESCNNA, explotación sexual comercial",
        "VBG, violencia basada en género",
        "MGF, mutilación genital femenina",
        "PSS, apoyo psicosocial",
        "CDN, Convención sobre los Derechos",
    ],
    "ar": [
        "طفل, أطفال",
        "ولد, أولاد",
        "بنت, بنات",
        "فتاة, فتيات",
        "امرأة, نساء",
        "رجل, رجال",
        "شاب, شباب",
        "أسرة, أسر",
        "منجم, مناجم",
        "مزرعة, مزارع",
        "مدرسة, مدارس",
        "تلميذ, تلاميذ",
        "طالب, طلاب",
        "معلم, معلمون",
        "يتيم, أيتام",
        "خط, خطوط",
        "حق, حقوق",
        "عامل, عمال",
        "عمل, أعمال",
        "بيت, بيوت",
        "منزل, منازل",
        "مأوى, ملاجئ",
        "دليل, أدلة",
        "برنامج, برامج",
        "مجتمع, مجتمعات",
        "حد, حدود",
        "مرض, أمراض",
        "قاصر, قصر",
        "مخيم, مخيمات",
        "شارع, شوارع",
    ],
}


def install(synonym_group_model, locale_model, languages=None):
    """Add the starter groups of every existing locale (or of `languages`) that lacks them.

    Takes the models so that a migration can pass its historical ones. Returns the number of
    groups added.
    """
    added = 0
    for locale in locale_model.objects.all():
        code = locale.language_code.split("-")[0].lower()
        if code not in STARTER_GROUPS or (languages and code not in languages):
            continue
        existing = [
            {term.strip().casefold() for term in terms.split(",")}
            for terms in synonym_group_model.objects.filter(locale=locale).values_list(
                "terms", flat=True
            )
        ]
        for terms in STARTER_GROUPS[code]:
            first = terms.split(",")[0].strip().casefold()
            if any(first in group for group in existing):
                continue
            synonym_group_model.objects.create(
                locale=locale, terms=terms, note="Starter group shipped with the portal."
            )
            added += 1
    return added
