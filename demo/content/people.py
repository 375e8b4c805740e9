"""Technical specialists named on content areas (fictional people, example.org addresses).

A person is translated into each language their role has a translation for.
"""

from ..text import T

PEOPLE = [
    {
        "name": "Amina Diallo",
        "role": T(
            "Technical specialist, child labour in agriculture",
            fr="Spécialiste technique, travail des enfants dans l'agriculture",
            es="Especialista técnica, trabajo infantil en la agricultura",
            ar="أخصائية فنية، عمل الأطفال في الزراعة",
        ),
        "organisation": "Child Protection Knowledge Network",
        "email": "a.diallo@portal.example.org",
        "palette": "sand",
    },
    {
        "name": "Kwame Asante",
        "role": T(
            "Community monitoring adviser",
            fr="Conseiller en suivi communautaire",
            es="Asesor de monitoreo comunitario",
        ),
        "organisation": "Rural Childhood Alliance",
        "email": "k.asante@rural-childhood.example.org",
        "palette": "leaf",
    },
    {
        "name": "Leila Haddad",
        "role": T(
            "Technical specialist, children on the move",
            fr="Spécialiste technique, enfants en déplacement",
            es="Especialista técnica, niñez en movimiento",
            ar="أخصائية فنية، الأطفال المتنقلون",
        ),
        "organisation": "Child Protection Knowledge Network",
        "email": "l.haddad@portal.example.org",
        "palette": "sea",
    },
    {
        "name": "Marco Bianchi",
        "role": T(
            "Reception and best-interests practice lead",
            fr="Responsable des pratiques d'accueil et d'intérêt supérieur",
            es="Responsable de prácticas de acogida e interés superior",
            ar="مسؤول ممارسات الاستقبال وتقييم المصلحة الفضلى",
        ),
        "organisation": "Mediterranean Reception Practitioners Forum",
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
        "organisation": "Child Protection Knowledge Network",
        "email": "g.wanjiru@portal.example.org",
        "palette": "leaf",
    },
]
