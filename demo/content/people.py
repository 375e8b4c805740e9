"""Technical specialists named on content areas (fictional people, example.org addresses).

A person is translated into each language their role has a translation for.
"""

from ..text import T

# Names as the interface catalogues give them (the footer's organisation name)
NETWORK = T(
    "Child Protection Knowledge Network",
    fr="Réseau de connaissances sur la protection de l'enfance",
    es="Red de conocimientos sobre protección de la infancia",
    ar="شبكة المعرفة لحماية الطفل",
)
RURAL_ALLIANCE = T(
    "Rural Childhood Alliance",
    fr="Alliance pour l'enfance rurale",
    es="Alianza por la Infancia Rural",
    ar="تحالف الطفولة الريفية",
)
RECEPTION_FORUM = T(
    "Mediterranean Reception Practitioners Forum",
    fr="Forum méditerranéen des praticiens de l'accueil",
    es="Foro Mediterráneo de Profesionales de la Acogida",
    ar="المنتدى المتوسطي لممارسي الاستقبال",
)

PEOPLE = [
    {
        "name": T("Amina Diallo", ar="أمينة ديالو"),
        "role": T(
            "Technical specialist, child labour in agriculture",
            fr="Spécialiste technique, travail des enfants dans l'agriculture",
            es="Especialista técnica, trabajo infantil en la agricultura",
            ar="أخصائية فنية، عمل الأطفال في الزراعة",
        ),
        "organisation": NETWORK,
        "email": "a.diallo@portal.example.org",
        "palette": "sand",
    },
    {
        "name": T("Kwame Asante", ar="كوامي أسانتي"),
        "role": T(
            "Community monitoring adviser",
            fr="Conseiller en suivi communautaire",
            es="Asesor de monitoreo comunitario",
        ),
        "organisation": RURAL_ALLIANCE,
        "email": "k.asante@rural-childhood.example.org",
        "palette": "leaf",
    },
    {
        "name": T("Leila Haddad", ar="ليلى حداد"),
        "role": T(
            "Technical specialist, children on the move",
            fr="Spécialiste technique, enfants en déplacement",
            es="Especialista técnica, niñez en movimiento",
            ar="أخصائية فنية، الأطفال المتنقلون",
        ),
        "organisation": NETWORK,
        "email": "l.haddad@portal.example.org",
        "palette": "sea",
    },
    {
        "name": T("Marco Bianchi", ar="ماركو بيانكي"),
        "role": T(
            "Reception and best-interests practice lead",
            fr="Responsable des pratiques d'accueil et d'intérêt supérieur",
            es="Responsable de prácticas de acogida e interés superior",
            ar="مسؤول ممارسات الاستقبال وتقييم المصلحة الفضلى",
        ),
        "organisation": RECEPTION_FORUM,
        "email": "m.bianchi@reception-forum.example.org",
        "palette": "slate",
    },
    {
        "name": "Jonas Lindqvist",
        "role": "Helpline practice specialist, inclusive services",
        "organisation": "Helpline Practice Forum",
        "email": "j.lindqvist@helpline-forum.example.org",
        "palette": "dawn",
    },
    {
        "name": "Lucía Fernández",
        "role": "Alternative care specialist",
        "organisation": "Andean Family Care Network",
        "email": "l.fernandez@family-care.example.org",
        "palette": "clay",
    },
    {
        "name": "Grace Wanjiru",
        "role": "Staff wellbeing and safeguarding lead",
        "organisation": NETWORK,
        "email": "g.wanjiru@portal.example.org",
        "palette": "leaf",
    },
]
